import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Gives the calling thread (a worker thread: ingest, related refresh, rendering) a higher nice
 * value than the serving thread, so that when the cores are busy the kernel runs the thread
 * answering polls first and the background work takes what is left.
 *
 * On Linux the nice value belongs to a thread, not to the whole process (setpriority(2), NOTES),
 * and a thread's own id is the last part of /proc/thread-self. Elsewhere there is no such
 * path and nothing changes. Raising one's own nice value needs no privilege.
 *
 * @returns whether the nice value was set.
 */
export function lowerThreadPriority(nice: number): boolean {
  if (nice <= 0) return false;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId)) return false;
    setPriority(threadId, nice);
    return true;
  } catch {
    return false; // not Linux, or /proc is not mounted: the thread keeps the process's priority
  }
}
