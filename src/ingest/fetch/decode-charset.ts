import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The charset the bytes were read as, after any correction. */
  charset: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Bytes to text. Precedence follows RFC 7303 §3: a BOM, then the Content-Type charset, then
 * the XML declaration (or an HTML meta charset), then UTF-8. Declarations are often wrong,
 * so two corrections: bytes that are not valid UTF-8 but were to be read as UTF-8 are read
 * as windows-1252; valid multi-byte UTF-8 declared as a single-byte Latin charset is read
 * as UTF-8 (Latin text practically never forms valid UTF-8 sequences by accident).
 */
export function decodeCharset(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = sniffBom(bytes);
  if (bom) return { text: iconv.decode(toBuffer(bytes), bom, { stripBOM: true }), charset: bom };
  const declared = normalize(charsetFromContentType(contentType) ?? charsetInDocument(bytes));
  if (declared === 'utf-8' || !iconv.encodingExists(declared)) return readAsUtf8(bytes);
  if (isSingleByteLatin(declared) && hasNonAscii(bytes)) {
    const text = tryUtf8(bytes);
    if (text !== undefined) return { text, charset: 'utf-8' };
  }
  return { text: iconv.decode(toBuffer(bytes), declared), charset: declared };
}

function readAsUtf8(bytes: Uint8Array): DecodedText {
  const text = tryUtf8(bytes);
  if (text !== undefined) return { text, charset: 'utf-8' };
  return { text: iconv.decode(toBuffer(bytes), 'windows-1252'), charset: 'windows-1252' };
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function sniffBom(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM still starts "<?xml" with a zero byte beside each letter.
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return 'utf-16le';
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return 'utf-16be';
  return undefined;
}

function charsetFromContentType(contentType?: string): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

/** The encoding in an XML declaration or an HTML meta tag, read from the first 1 KB as ASCII. */
function charsetInDocument(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return (
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
  );
}

function normalize(charset: string | undefined): string {
  const name = (charset ?? 'utf-8').toLowerCase();
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  // WHATWG Encoding: these labels all mean windows-1252, which is what such feeds contain.
  if (['iso-8859-1', 'latin1', 'iso_8859-1', 'us-ascii', 'ascii', 'l1', 'cp1252'].includes(name)) return 'windows-1252';
  // A document that reached us as bytes and declares UTF-16 without a BOM is almost always lying.
  if (name === 'utf-16' || name === 'utf-16le' || name === 'utf-16be') return 'utf-8';
  return name;
}

function isSingleByteLatin(charset: string): boolean {
  return charset === 'windows-1252' || /^iso-8859-\d+$/.test(charset) || /^windows-125\d$/.test(charset);
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return true;
  return false;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
