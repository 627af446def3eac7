/** A timer that fires this much later than due was held up by its own thread, not by the network. */
const STALL_MS = 50;

export interface NetworkTimer {
  /** Starts the wait again (bytes arrived). */
  reset(): void;
  clear(): void;
}

/**
 * A timeout that counts network time only. A fetch shares its thread with other work (on
 * Workers, and on Node whenever WORKER_THREADS=0), and a timer that fires after a long
 * synchronous stretch would blame the server for our own stall: bytes that arrived
 * meanwhile sit unread while timers run first. So a timer that fires late gives the stall
 * back once, and one that fires on time decides only on the next turn of the loop, after
 * pending I/O has run: a chunk that was waiting resets it instead.
 */
export function startNetworkTimer(ms: number, onExpire: () => void): NetworkTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = 0;
  let hasGivenBack = false;
  const arm = (wait: number) => {
    clearTimeout(timer);
    due = performance.now() + wait;
    timer = setTimeout(fire, wait);
  };
  const fire = () => {
    const late = performance.now() - due;
    if (late > STALL_MS && !hasGivenBack) {
      hasGivenBack = true;
      arm(late);
      return;
    }
    timer = setTimeout(() => {
      if (performance.now() >= due) onExpire();
    }, 0);
  };
  arm(ms);
  return {
    reset() {
      hasGivenBack = false;
      arm(ms);
    },
    clear: () => clearTimeout(timer),
  };
}
