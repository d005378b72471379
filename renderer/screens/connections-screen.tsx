import { useState } from 'react';
import type { ConnectionView } from '../../preload/contract';
import { bridge, call } from '../bridge';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ConnectionCard, type ConnectionActions } from '../components/connection-card';
import { SignInPanel, useConnectFlow } from '../components/connect-panel';
import { Field } from '../components/field';
import { useConnections } from '../hooks/use-connections';
import { useEnvironments } from '../hooks/use-environments';
import { useNow } from '../hooks/use-now';

/** The home screen: connect organisations with one button, and see they stay connected. */
export function ConnectionsScreen({ openSettings }: { openSettings(): void }) {
  const { connections, error: listError } = useConnections();
  const { environments } = useEnvironments();
  const now = useNow();
  const [environmentId, setEnvironmentId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ConnectionView | null>(null);
  const flow = useConnectFlow((connection, reconnected) => setMessage(`${reconnected ? 'Reconnected' : 'Connected'} ${connection.label}.`));

  const ready = environments.filter((e) => e.clientId && e.redirectUri && e.hasClientSecret);
  const chosen = ready.find((e) => e.id === environmentId) ?? ready[0];

  const actions: ConnectionActions = {
    refresh: async (id) => {
      setBusyId(id);
      const result = await call(bridge.connections.refresh({ id }));
      setBusyId(null);
      setActionError(result.ok ? null : result.error.message);
    },
    reconnect: (c) => (setMessage(null), void flow.start({ environmentId: c.environmentId, reconnectId: c.id, label: c.label })),
    rename: async (id, label) => {
      const result = await call(bridge.connections.rename({ id, label }));
      setActionError(result.ok ? null : result.error.message);
      return result.ok;
    },
    disconnect: (c) => setConfirming(c),
  };

  async function disconnect(connection: ConnectionView) {
    setConfirming(null);
    const result = await call(bridge.connections.disconnect({ id: connection.id }));
    if (!result.ok) return setActionError(result.error.message);
    setActionError(null);
    setMessage(
      `Disconnected ${connection.label}${result.value.revoked ? ' and revoked its access' : ''}. It may still be listed in ApprovalMax under Connections, where an administrator can delete it for good.`,
    );
  }

  const signingIn = flow.mode.kind !== 'idle';
  return (
    <section className="screen" aria-labelledby="connections-title">
      <header className="screen-header">
        <h1 id="connections-title">Connections</h1>
        <p className="lead">Connect your ApprovalMax organisations once; ApprovalMax Connect keeps them connected.</p>
      </header>

      <div className="card connect-bar">
        {ready.length > 1 && (
          <Field label="Environment">
            <select value={chosen?.id ?? ''} onChange={(e) => setEnvironmentId(e.target.value)} disabled={signingIn}>
              {ready.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <button type="button" className="primary big" disabled={!chosen || signingIn} onClick={() => chosen && (setMessage(null), void flow.start({ environmentId: chosen.id }))}>
          Connect organisation
        </button>
        {!chosen && (
          <p className="hint">
            First add your application's Client ID and Client Secret in{' '}
            <button type="button" className="link" onClick={openSettings}>
              Settings
            </button>
            .
          </p>
        )}
        {ready.length === 1 && chosen && <p className="hint">Connects to {chosen.name}.</p>}
      </div>

      <SignInPanel flow={flow} environments={environments} />
      {(flow.error ?? actionError ?? listError) && (
        <p className="form-error" role="alert">
          {flow.error ?? actionError ?? listError}
        </p>
      )}
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}

      {connections && connections.length === 0 && !signingIn && (
        <div className="card empty">
          <h2>No organisations connected yet</h2>
          <p>
            Connecting signs you in to ApprovalMax once and lets you choose which organisations this computer may work with. ApprovalMax Connect then keeps the
            connection alive and keeps its keys in this computer's keychain — never in a file.
          </p>
        </div>
      )}
      {connections?.map((c) => <ConnectionCard key={c.id} connection={c} actions={actions} now={now} busy={busyId === c.id} />)}

      {confirming && (
        <ConfirmDialog title={`Disconnect ${confirming.label}?`} confirm="Disconnect" cancel="Keep connected" onConfirm={() => void disconnect(confirming)} onCancel={() => setConfirming(null)}>
          <p>
            This removes the connection and its keys from this computer. Its organisations stop being available here until you connect again. The connection may still
            be listed in ApprovalMax under Connections, where an administrator can delete it for good.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
