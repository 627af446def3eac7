/**
 * X-Hub-Signature (WebSub §7.1): "sha256=" and the hex HMAC-SHA256 of the exact body sent,
 * keyed with the subscriber's hub.secret. SHA-256, not SHA-1: §8.3 asks for at least SHA-256.
 * WebCrypto, so the same code runs on Node and Workers.
 */
export async function signBody(secret: string, body: Uint8Array<ArrayBuffer>): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, body));
  return `sha256=${Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
