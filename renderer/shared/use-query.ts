import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList } from 'react';
import type { BridgeError, Result } from '../../preload/contract';
import { call } from '../bridge';

/** Subscribes a listener to a push event and returns the unsubscribe function: the shape of `bridge.<feature>.on`. */
export type Subscribe<P> = (listener: (payload: P) => void) => () => void;

/** A push event that carries the change itself: its payload is folded into the data, no reload. */
export interface PushUpdate<T> {
  readonly subscribe: Subscribe<unknown>;
  readonly apply: (current: T | null, payload: unknown) => T | null;
}

export interface QueryOptions<T> {
  /**
   * The push events that change the data: a subscribe function reloads on each event, e.g.
   * `(reload) => bridge.connections.on('changed', reload)`; an `updateOn(…)` folds the payload in.
   */
  readonly refetchOn?: readonly (Subscribe<unknown> | PushUpdate<T>)[];
  /** Load again (and resubscribe) when one of these changes, as for a `useEffect`. */
  readonly deps?: DependencyList;
}

/** What a screen reads: the last loaded data (kept through a failed reload), the failure, and whether a load is running. */
export interface Query<T> {
  readonly data: T | null;
  readonly error: BridgeError | null;
  readonly loading: boolean;
  reload(): Promise<void>;
  /** Changes the loaded data in place, when the new value is already known (e.g. an item handled). */
  update(change: (current: T | null) => T | null): void;
}

/** A push event whose payload updates the data: `updateOn((apply) => bridge.activity.on('added', apply), (list, entry) => …)`. */
export function updateOn<T, P>(
  subscribe: Subscribe<P>,
  apply: (current: T | null, payload: P) => T | null,
): PushUpdate<T> {
  return { subscribe, apply: apply as PushUpdate<T>['apply'] };
}

interface State<T> {
  readonly data: T | null;
  readonly error: BridgeError | null;
  readonly loading: boolean;
}

/** Loads a bridge result when the component mounts, and keeps it current with the push events that change it. */
export function useQuery<T>(load: () => Promise<Result<T>>, options: QueryOptions<T> = {}): Query<T> {
  const { refetchOn = [], deps = [] } = options;
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: true });
  const loadRef = useRef(load);
  useLayoutEffect(() => void (loadRef.current = load));
  // Only the newest load answers: an older one that returns late is dropped.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const run = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    const result = await call(Promise.resolve().then(() => loadRef.current()));
    if (run !== latest.current) return;
    setState((s) =>
      result.ok
        ? { data: result.value, error: null, loading: false }
        : { data: s.data, error: result.error, loading: false },
    );
  }, []);

  const update = useCallback(
    (change: (current: T | null) => T | null) => setState((s) => ({ ...s, data: change(s.data) })),
    [],
  );

  useEffect(() => {
    void reload();
    const stops = refetchOn.map((on) =>
      typeof on === 'function'
        ? on(() => void reload())
        : on.subscribe((payload) => update((data) => on.apply(data, payload))),
    );
    return () => {
      latest.current++;
      for (const stop of stops) stop();
    };
    // Loaded and subscribed once per `deps`, like any effect.
  }, deps);

  return { ...state, reload, update };
}
