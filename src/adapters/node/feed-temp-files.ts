import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  futimesSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  type Stats,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * The temp files a feed document is written to before it is renamed over the old one. Their
 * name carries the writer's pid, so a sweep can tell a file a live process is about to rename
 * (the CLI publishing beside the server) from one left by a process that died or failed.
 */
const TEMP_NAME = /\.tmp$/;
const WRITER_PID = /\.(\d+)-[0-9a-f]+\.tmp$/;
/**
 * What makes a temp name unique after the pid: random per module instance (each worker thread
 * has its own, and they share the pid) and then a counter. Random bytes per file cost ~2% of a
 * full publish's CPU (7,653 documents) for no more safety.
 */
const WRITER_ID = randomBytes(4).toString('hex');
let tempCount = 0;

/**
 * Replaces `path` with `body` (mtime `modified`) through a temp file and a rename, so a reader
 * sees the old document or the new one, never half of one. When any step fails (ENOSPC, EROFS,
 * EFBIG, a directory in the way) the temp file is removed, the old document stays in place,
 * and the error goes on to the publish run, which records it.
 * Returns the new file's stats (a rename keeps the inode, size and mtime). Every step after
 * the open goes through the descriptor: no further path lookups for the kernel.
 */
export function replaceFileAtomically(path: string, body: Uint8Array, modified: Date): Stats {
  const temp = `${path}.${process.pid}-${WRITER_ID}${(tempCount++).toString(16)}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    let info: Stats;
    try {
      writeFileSync(fd, body);
      futimesSync(fd, modified, modified);
      info = fstatSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    return info;
  } catch (error) {
    // Before this, a failed write left its temp file, and every minute's publish added another.
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Removes the temp files under `dir` (all folders) that no live process will rename: those of
 * a writer that is gone, of this process (nothing of ours is in flight before the first
 * publish), and those named by older versions (no pid). Returns the paths removed, relative to `dir`.
 */
export function sweepStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => TEMP_NAME.test(n))) {
    const pid = Number(WRITER_PID.exec(name)?.[1] ?? Number.NaN);
    if (pid !== process.pid && isAlive(pid)) continue;
    rmSync(join(dir, name), { force: true, recursive: true });
    removed.push(name);
  }
  return removed;
}

/** Whether a process with this pid exists (signal 0 only checks; EPERM: it exists, someone else's). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
