/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted; injected so tests run in fake time. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** The real wait, on the system's timers. */
export const systemSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
