import { useCallback, useEffect, useRef, useState } from 'react';
import type { EnvironmentDetails } from '../../preload/contract';
import { bridge, call } from '../bridge';
import { EnvironmentForm } from '../components/environment-form';
import { EnvironmentList } from '../components/environment-list';
import '../settings.css';

/** What the Environments section shows: the list, or the form for one environment (null: a new one). */
type View = { kind: 'list' } | { kind: 'form'; environment: EnvironmentDetails | null };

/** Where the environments and their Client IDs are set up, so staff can connect without typing jargon elsewhere. */
export function SettingsScreen() {
  const [environments, setEnvironments] = useState<EnvironmentDetails[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [status, setStatus] = useState<string | null>(null);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);

  const load = useCallback(async () => {
    const result = await call(bridge.environments.list());
    if (!result.ok) return setLoadError(result.error.message);
    setLoadError(null);
    setEnvironments(result.value);
  }, []);

  useEffect(() => void load(), [load]);

  // Back on the list, keyboard focus returns to where the user was (or the Add button).
  useEffect(() => {
    if (view.kind !== 'list' || !focusAfter) return;
    const selector = focusAfter === 'add' ? '[data-focus="add"]' : `[data-env-id="${CSS.escape(focusAfter)}"]`;
    sectionRef.current?.querySelector<HTMLElement>(selector)?.focus();
    setFocusAfter(null);
  }, [view, focusAfter, environments]);

  function open(environment: EnvironmentDetails | null) {
    setStatus(null);
    setView({ kind: 'form', environment });
  }

  async function backToList(message: string | null, focus: string) {
    await load();
    setStatus(message);
    setView({ kind: 'list' });
    setFocusAfter(focus);
  }

  const editingId = view.kind === 'form' ? (view.environment?.id ?? 'add') : 'add';
  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">Settings</h1>
        <p className="lead">Which ApprovalMax servers this app connects to, and the application details it signs in with.</p>
      </header>

      <section className="card settings-section" aria-labelledby="environments-title" ref={sectionRef}>
        <div className="section-head">
          <h2 id="environments-title">Environments</h2>
          {view.kind === 'list' && (
            <button type="button" className="primary" data-focus="add" onClick={() => open(null)}>
              Add environment
            </button>
          )}
        </div>
        <EnvironmentHelp />
        {status && (
          <p className="status-ok" role="status">
            {status}
          </p>
        )}
        {loadError && (
          <p className="form-error" role="alert">
            {loadError}
          </p>
        )}
        {view.kind === 'list' ? (
          environments && <EnvironmentList environments={environments} onEdit={open} />
        ) : (
          <EnvironmentForm
            key={editingId}
            environment={view.environment}
            onSaved={(saved) => void backToList(`Saved ${saved.name}.`, saved.id)}
            onRemoved={(name) => void backToList(`Removed ${name}.`, 'add')}
            onCancel={() => void backToList(null, editingId)}
          />
        )}
      </section>
    </section>
  );
}

/** Tells a newcomer where a Client ID, a secret and a redirect URI come from. */
function EnvironmentHelp() {
  return (
    <div className="env-help">
      <p>
        An environment is an ApprovalMax server this app signs in to. <strong>Production</strong> is built in; add your own for a test or development server.
        Each environment needs the details of an application registered with ApprovalMax:
      </p>
      <ol>
        <li>
          Sign in to the ApprovalMax developer portal at <span className="mono">developer.approvalmax.com</span>. Access to the portal must be requested from
          ApprovalMax first.
        </li>
        <li>
          Open <strong>My Applications</strong> and create an application. Its <strong>Client ID</strong> is 32 characters long.
        </li>
        <li>
          Copy the <strong>Client Secret</strong> straight away: the portal shows it only once. Here it goes straight into this computer’s keychain and is never
          shown again.
        </li>
        <li>
          The <strong>Redirect URI</strong> must be the https address you registered for the application.
        </li>
      </ol>
    </div>
  );
}
