import { useState, type FormEvent, type ReactNode } from 'react';
import type { EnvironmentDetails } from '../../../preload/contract';
import { Field } from '../../shared/field';
import type { ConnectFlow, ConnectTarget } from './use-connect-flow';

/** What the user sees while signing in: where to look, the browser fallback, and the paste box. */
export function SignInPanel({
  flow,
  environments,
}: {
  flow: ConnectFlow;
  environments: readonly EnvironmentDetails[];
}) {
  const { mode } = flow;
  if (mode.kind === 'idle') return null;
  const environment = environments.find((e) => e.id === mode.target.environmentId);
  const provider = environment?.providerName ?? 'ApprovalMax';
  const what = mode.target.label
    ? `Reconnecting ${mode.target.label}`
    : `Connecting to ${environment?.name ?? provider}`;
  const hint = <SignInHint environment={environment} />;
  if (mode.kind === 'window')
    return <WindowSignIn what={what} provider={provider} hint={hint} flow={flow} target={mode.target} />;
  return <BrowserSignIn what={what} provider={provider} hint={hint} flow={flow} />;
}

/** What to do once signed in: ApprovalMax's consent page has organisations to tick; another server's, whatever it asks. */
function afterSignIn(provider: string, short = false): string {
  if (provider !== 'ApprovalMax') return 'then allow the access it asks for';
  return short ? 'tick the organisations and choose Allow' : 'then tick the organisations to connect and choose Allow';
}

/** IT's note for this environment (e.g. which account to use); plain text, rendered as text. */
function SignInHint({ environment }: { environment: EnvironmentDetails | undefined }) {
  if (!environment?.signInHint) return null;
  return (
    <p className="sign-in-hint" role="note">
      {environment.signInHint}
    </p>
  );
}

interface StepProps {
  what: string;
  /** How the environment's identity server is named: "ApprovalMax" for ApprovalMax's, else the environment's name. */
  provider: string;
  hint: ReactNode;
  flow: ConnectFlow;
}

function WindowSignIn({ what, provider, hint, flow, target }: StepProps & { target: ConnectTarget }) {
  return (
    <section className="card sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{what}</h2>
      <p>
        Sign in to {provider} in the window that opened, {afterSignIn(provider)}.
      </p>
      {hint}
      {flow.problem && (
        <p className="sign-in-problem" role="alert">
          {flow.problem}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void flow.signInWithBrowser(target)}>
          Sign in with my browser instead
        </button>
        <button type="button" onClick={() => void flow.cancel()}>
          Cancel
        </button>
      </div>
      <p className="hint">Use your browser if your sign-in (for example Google) refuses to work in the app's window.</p>
    </section>
  );
}

function BrowserSignIn({ what, provider, hint, flow }: StepProps) {
  const [landedUrl, setLandedUrl] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    void flow.finish(landedUrl);
  }
  return (
    <form className="card sign-in form" aria-labelledby="sign-in-title" onSubmit={submit}>
      <h2 id="sign-in-title">{what} in your browser</h2>
      <p>
        Your browser opened the {provider} sign-in page. Sign in, {afterSignIn(provider, true)}. The browser then ends
        on a page that may not load — that is expected. Copy the whole address from the browser's address bar and paste
        it here.
      </p>
      {hint}
      <Field
        label="Address the browser ended on"
        hint="It starts with your redirect URI and contains “code=”. It is used once and never stored."
      >
        <input
          type="text"
          value={landedUrl}
          onChange={(e) => setLandedUrl(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={flow.busy || landedUrl.trim() === ''}>
          {flow.busy ? 'Finishing…' : 'Finish connecting'}
        </button>
        <button type="button" onClick={() => void flow.cancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
