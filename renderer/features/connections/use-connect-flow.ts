import { useEffect, useRef, useState } from 'react';
import type { ConnectionView, Result } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { useAction } from '../../shared/use-action';

/** Which environment to sign in to, and the connection being reconnected, if any. */
export interface ConnectTarget {
  readonly environmentId: string;
  readonly reconnectId?: string;
  readonly label?: string;
}

export type SignInMode =
  | { kind: 'idle' }
  | { kind: 'window'; target: ConnectTarget }
  | { kind: 'browser'; target: ConnectTarget; flowId: string };

const DONE: Result<null> = { ok: true, value: null };

/** Drives one sign-in: the embedded window, or the user's browser with a pasted address. */
export function useConnectFlow(onConnected: (connection: ConnectionView, reconnected: boolean) => void) {
  const [mode, setModeState] = useState<SignInMode>({ kind: 'idle' });
  const modeRef = useRef<SignInMode>(mode);
  // What the identity server's own error page in the sign-in window says, for the sign-in running now.
  const [problem, setProblem] = useState<string | null>(null);
  const setMode = (next: SignInMode) => {
    modeRef.current = next;
    setModeState(next);
    setProblem(null);
  };
  useEffect(
    () =>
      bridge.connections.on('signInProblem', ({ environmentId, message }) => {
        const current = modeRef.current;
        if (current.kind === 'window' && current.target.environmentId === environmentId) setProblem(message);
      }),
    [],
  );
  // One step at a time: a newer step (the browser instead, Cancel) overrides what the window answers later.
  const step = useAction((work: () => Promise<Result<unknown>>) => work());
  const which = (target: ConnectTarget) => ({ environmentId: target.environmentId, reconnectId: target.reconnectId });

  const start = (target: ConnectTarget) =>
    step.run(async () => {
      setMode({ kind: 'window', target });
      const result = await bridge.connections.connect(which(target));
      // The user may have switched to the browser meanwhile: that cancelled this window on purpose.
      if (modeRef.current.kind !== 'window') return DONE;
      setMode({ kind: 'idle' });
      if (result.ok) onConnected(result.value, Boolean(target.reconnectId));
      return result;
    });

  const signInWithBrowser = (target: ConnectTarget) =>
    step.run(async () => {
      setMode({ kind: 'idle' });
      await bridge.connections.cancelSignIn();
      const result = await bridge.connections.signInWithBrowser(which(target));
      if (result.ok) setMode({ kind: 'browser', target, flowId: result.value.flowId });
      return result;
    });

  const finish = (landedUrl: string) =>
    step.run(async () => {
      const current = modeRef.current;
      if (current.kind !== 'browser') return DONE;
      const result = await bridge.connections.finishBrowserSignIn({ flowId: current.flowId, landedUrl });
      if (result.ok) {
        setMode({ kind: 'idle' });
        onConnected(result.value, Boolean(current.target.reconnectId));
      }
      return result;
    });

  const cancel = () =>
    step.run(async () => {
      setMode({ kind: 'idle' });
      await bridge.connections.cancelSignIn();
      return DONE;
    });

  return { mode, problem, error: step.error, busy: step.busy, start, signInWithBrowser, finish, cancel };
}

export type ConnectFlow = ReturnType<typeof useConnectFlow>;
