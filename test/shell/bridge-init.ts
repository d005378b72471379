// The Chromium shell's stand-in for preload/index.ts: the same createBridge, over a Playwright
// binding (`__amcInvoke`) instead of ipcRenderer. Built into an init script by `vite build --mode shell-bridge`.
import { createBridge } from '../../preload/bridge';
import { BRIDGE_GLOBAL, type EventChannel } from '../../preload/contract';

declare global {
  interface Window {
    __amcInvoke?: (channel: string, arg: unknown) => Promise<unknown>;
  }
}

const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

// Only the top frame gets a bridge; the shell also refuses binding calls from any other frame.
if (window === window.top) {
  const bridge = createBridge(
    (channel, arg) => {
      if (!window.__amcInvoke) return Promise.reject(new Error('The shell bridge is not installed'));
      return window.__amcInvoke(channel, arg);
    },
    (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  );
  Object.defineProperty(window, BRIDGE_GLOBAL, { value: bridge, enumerable: true });
  // The shell calls this through page.evaluate to push main → renderer events.
  Object.defineProperty(window, '__amcDeliver', {
    value: (channel: EventChannel, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload)),
  });
}
