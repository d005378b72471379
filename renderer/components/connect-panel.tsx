import { useRef, useState } from 'react';
import type { ConnectionView, EnvironmentDetails } from '../../preload/contract';
import { bridge, call } from '../bridge';
import { Field } from './field';

/** Which environment to sign in to, and the connection being reconnected, if any. */
export interface ConnectTarget {
  readonly environmentId: string;
  readonly reconnectId?: string;
  readonly label?: string;
}

type Mode = { kind: 'idle' } | { kind: 'window'; target: ConnectTarget } | { kind: 'browser'; target: ConnectTarget; flowId: string };

/** Drives one sign-in: the embedded window, or the user's browser with a pasted address. */
export function useConnectFlow(onConnected: (connection: ConnectionView, reconnected: boolean) => void) {
  const [mode, setModeState] = useState<Mode>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const modeRef = useRef<Mode>(mode);
  const setMode = (next: Mode) => {
    modeRef.current = next;
    setModeState(next);
  };

  async function start(target: ConnectTarget) {
    setError(null);
    setMode({ kind: 'window', target });
    const result = await call(bridge.connections.connect({ environmentId: target.environmentId, reconnectId: target.reconnectId }));
    // The user may have switched to the browser meanwhile: that cancelled this window on purpose.
    if (modeRef.current.kind !== 'window') return;
    setMode({ kind: 'idle' });
    if (result.ok) onConnected(result.value, Boolean(target.reconnectId));
    else setError(result.error.message);
  }

  async function useBrowser(target: ConnectTarget) {
    setError(null);
    setMode({ kind: 'idle' });
    await call(bridge.connections.cancelSignIn());
    const result = await call(bridge.connections.signInWithBrowser({ environmentId: target.environmentId, reconnectId: target.reconnectId }));
    if (result.ok) setMode({ kind: 'browser', target, flowId: result.value.flowId });
    else setError(result.error.message);
  }

  async function finish(landedUrl: string) {
    const current = modeRef.current;
    if (current.kind !== 'browser') return;
    const result = await call(bridge.connections.finishBrowserSignIn({ flowId: current.flowId, landedUrl }));
    if (result.ok) {
      setMode({ kind: 'idle' });
      setError(null);
      onConnected(result.value, Boolean(current.target.reconnectId));
    } else setError(result.error.message);
  }

  async function cancel() {
    setMode({ kind: 'idle' });
    await call(bridge.connections.cancelSignIn());
  }

  return { mode, error, start, useBrowser, finish, cancel };
}

/** What the user sees while signing in: where to look, the browser fallback, and the paste box. */
export function SignInPanel({ flow, environments }: { flow: ReturnType<typeof useConnectFlow>; environments: readonly EnvironmentDetails[] }) {
  const [landedUrl, setLandedUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const { mode } = flow;
  if (mode.kind === 'idle') return null;
  const environment = environments.find((e) => e.id === mode.target.environmentId);
  const envName = environment?.name ?? 'ApprovalMax';
  // IT's note for this environment (e.g. which account to use); plain text, rendered as text.
  const signInHint = environment?.signInHint ? (
    <p className="sign-in-hint" role="note">
      {environment.signInHint}
    </p>
  ) : null;
  const what = mode.target.label ? `Reconnecting ${mode.target.label}` : `Connecting to ${envName}`;

  if (mode.kind === 'window')
    return (
      <section className="card sign-in" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{what}</h2>
        <p>Sign in to ApprovalMax in the window that opened, then tick the organisations to connect and choose Allow.</p>
        {signInHint}
        <div className="actions">
          <button type="button" onClick={() => void flow.useBrowser(mode.target)}>
            Sign in with my browser instead
          </button>
          <button type="button" onClick={() => void flow.cancel()}>
            Cancel
          </button>
        </div>
        <p className="hint">Use your browser if your sign-in (for example Google) refuses to work in the app's window.</p>
      </section>
    );

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    await flow.finish(landedUrl);
    setBusy(false);
  }
  return (
    <form className="card sign-in form" aria-labelledby="sign-in-title" onSubmit={submit}>
      <h2 id="sign-in-title">{what} in your browser</h2>
      <p>
        Your browser opened the ApprovalMax sign-in page. Sign in, tick the organisations and choose Allow. The browser then ends on a page that may not
        load — that is expected. Copy the whole address from the browser's address bar and paste it here.
      </p>
      {signInHint}
      <Field label="Address the browser ended on" hint="It starts with your redirect URI and contains “code=”. It is used once and never stored.">
        <input type="text" value={landedUrl} onChange={(e) => setLandedUrl(e.target.value)} spellCheck={false} autoComplete="off" />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || landedUrl.trim() === ''}>
          {busy ? 'Finishing…' : 'Finish connecting'}
        </button>
        <button type="button" onClick={() => void flow.cancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
