import { useEffect, useRef, useState, type RefObject } from 'react';
import type { EnvironmentDetails } from '../../../preload/contract';
import { CallError } from '../../shared/call-error';
import { Screen } from '../../shared/screen';
import { KeepAliveSection } from '../health/keep-alive-section';
import { EnvironmentForm } from './environment-form';
import { EnvironmentHelp } from './environment-help';
import { EnvironmentList } from './environment-list';
import { useEnvironments } from './use-environments';
import './settings.css';

/** What the Environments section shows: the list, or the form for one environment (null: a new one). */
type View = { kind: 'list' } | { kind: 'form'; environment: EnvironmentDetails | null };

/** Where the environments and their Client IDs are set up, so staff can connect without typing jargon elsewhere. */
export function SettingsScreen() {
  return (
    <Screen
      title="Settings"
      lead="Which ApprovalMax servers this app connects to, and the application details it signs in with."
      className="settings"
    >
      <EnvironmentsSection />
      <KeepAliveSection />
    </Screen>
  );
}

function EnvironmentsSection() {
  const environments = useEnvironments();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [status, setStatus] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const focusOnList = useFocusOnList(sectionRef, view.kind === 'list' && environments.data !== null);

  function open(environment: EnvironmentDetails | null) {
    setStatus(null);
    setView({ kind: 'form', environment });
  }
  async function backToList(message: string | null, focus: string) {
    await environments.reload();
    setStatus(message);
    setView({ kind: 'list' });
    focusOnList(focus);
  }

  const editingId = view.kind === 'form' ? (view.environment?.id ?? 'add') : 'add';
  return (
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
      <CallError error={environments.error} />
      {view.kind === 'list' ? (
        environments.data && <EnvironmentList environments={environments.data} onEdit={open} />
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
  );
}

/** Back on the list, keyboard focus returns to where the user was: an environment's Edit button, or `add` for the Add button. */
function useFocusOnList(container: RefObject<HTMLElement | null>, listShown: boolean): (target: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!listShown || !target) return;
    const selector = target === 'add' ? '[data-focus="add"]' : `[data-env-id="${CSS.escape(target)}"]`;
    container.current?.querySelector<HTMLElement>(selector)?.focus();
    setTarget(null);
  }, [container, listShown, target]);
  return setTarget;
}
