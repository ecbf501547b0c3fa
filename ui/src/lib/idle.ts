/** The browser's timer functions, replaceable in tests. */
export type Timers = {
  setTimeout: (f: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimeout: (id: ReturnType<typeof setTimeout>) => void;
};

/**
 * Calls `onIdle` once when `minutes` pass without `touch()`. The desk locks to the sign-in screen
 * then (the office's policy; a shared desk must not stay signed in).
 */
export function idleTimer(
  minutes: number,
  onIdle: () => void,
  // Wrapped, not passed as is: WebKit refuses `setTimeout` called with another `this`.
  timers: Timers = {
    setTimeout: (f, ms) => globalThis.setTimeout(f, ms),
    clearTimeout: (id) => globalThis.clearTimeout(id),
  },
) {
  let id: ReturnType<typeof setTimeout> | null = null;
  let done = false;
  const arm = () => {
    if (id !== null) timers.clearTimeout(id);
    id = timers.setTimeout(() => {
      done = true;
      onIdle();
    }, minutes * 60_000);
  };
  arm();
  return {
    touch() {
      if (!done) arm();
    },
    stop() {
      if (id !== null) timers.clearTimeout(id);
      done = true;
    },
  };
}

/** What counts as someone at the desk. */
export const ACTIVITY_EVENTS = [
  "keydown",
  "mousedown",
  "mousemove",
  "wheel",
  "touchstart",
] as const;
