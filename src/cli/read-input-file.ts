import { readFile, stat } from 'node:fs/promises';
import { NotFoundError, UnreadableError, ValidationError } from '../domain/errors.ts';

/**
 * A file the operator named on the command line, as UTF-8 text. Whatever is wrong with it
 * (missing, a directory, unreadable, too large, not text) is a domain error naming the path, so
 * the CLI prints one line instead of Node's stack trace.
 */
export async function readInputFile(path: string, maxBytes = Number.POSITIVE_INFINITY): Promise<string> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw fileError(path, error);
  });
  if (info.isDirectory()) throw new ValidationError(`${path} is a directory; give a file`);
  if (!info.isFile()) throw new ValidationError(`${path} is not a regular file`);
  if (info.size > maxBytes) throw new ValidationError(`${path} is larger than ${maxBytes} bytes`);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw fileError(path, error);
  });
  try {
    // fatal: a binary file or another charset is refused, not read as U+FFFD replacement characters.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableError(`${path} is not UTF-8 text`);
  }
}

function fileError(path: string, error: NodeJS.ErrnoException): Error {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return new NotFoundError(`${path}: no such file`);
  if (error.code === 'EACCES' || error.code === 'EPERM') return new UnreadableError(`${path}: permission denied`);
  return new UnreadableError(`${path}: cannot be read (${error.code ?? error.message})`, undefined, { cause: error });
}
