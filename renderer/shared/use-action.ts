import { useLayoutEffect, useRef, useState } from 'react';
import type { BridgeError, Result } from '../../preload/contract';
import { call } from '../bridge';

/** Something the user does through the bridge: run it, show it is running, show why it failed. */
export interface Action<A extends unknown[], T> {
  /** Runs the call; resolves with its result (never rejects: a thrown call becomes a plain-words failure). */
  run(...args: A): Promise<Result<T>>;
  readonly busy: boolean;
  readonly error: BridgeError | null;
  clearError(): void;
}

interface State {
  readonly busy: boolean;
  readonly error: BridgeError | null;
}
const IDLE: State = { busy: false, error: null };

/** Wraps a bridge call (or any async step that returns a Result) with busy and error state; the newest run wins. */
export function useAction<A extends unknown[], T>(fn: (...args: A) => Promise<Result<T>>): Action<A, T> {
  const [state, setState] = useState(IDLE);
  const fnRef = useRef(fn);
  useLayoutEffect(() => void (fnRef.current = fn));
  // Made once per component (cheap enough for every card of a long list), so `run` and `clearError` never change.
  const [controls] = useState(() => {
    let latest = 0;
    return {
      async run(...args: A): Promise<Result<T>> {
        const current = ++latest;
        setState({ busy: true, error: null });
        const result = await call(Promise.resolve().then(() => fnRef.current(...args)));
        // A run that a newer one overtook (e.g. a sign-in window the user switched away from) says nothing.
        if (current === latest) setState({ busy: false, error: result.ok ? null : result.error });
        return result;
      },
      clearError: () => setState((s) => (s.error ? { ...s, error: null } : s)),
    };
  });
  return { ...controls, ...state };
}

/** A failure the renderer finds itself, before anything is sent (e.g. an empty field), shaped like the bridge's. */
export function failed(message: string): Result<never> {
  return { ok: false, error: { code: 'invalid-argument', message } };
}
