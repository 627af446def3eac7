import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The highest nice value, the lowest priority (setpriority(2)). */
const LOWEST = 19;

/**
 * Gives the calling thread (a worker thread: ingest, related refresh, rendering) the serving
 * thread's nice value plus `by`, so that when the cores are busy the kernel runs the serving
 * thread first and the background work takes what is left.
 *
 * On Linux the nice value belongs to a thread, not to the whole process (setpriority(2), NOTES):
 * a thread's own id is the last part of /proc/thread-self, and the process id names the main
 * (serving) thread. It is counted from the serving thread, not from the value the thread
 * inherited, because a render thread is started by a job thread that is already lowered.
 * Elsewhere there is no such path and nothing changes. Raising one's own nice value needs no
 * privilege.
 *
 * @returns whether the nice value was set.
 */
export function lowerThreadPriority(by: number): boolean {
  if (by <= 0) return false;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId)) return false;
    setPriority(threadId, Math.min(LOWEST, getPriority(process.pid) + by));
    return true;
  } catch {
    return false; // not Linux, or /proc is not mounted: the thread keeps the process's priority
  }
}
