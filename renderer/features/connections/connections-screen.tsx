import { useState } from 'react';
import type { CheckReport, ConnectionView, DisconnectReport } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { Screen } from '../../shared/screen';
import { useAction } from '../../shared/use-action';
import { useNow } from '../../shared/use-now';
import { useEnvironments } from '../environments/use-environments';
import { LapseBanner } from '../health/lapse-banner';
import { ConnectBar } from './connect-bar';
import { ConnectionList } from './connection-list';
import { SignInPanel } from './sign-in-panel';
import { useConnectFlow, type ConnectTarget } from './use-connect-flow';
import { useConnections } from './use-connections';

/** The home screen: connect organisations with one button, and see they stay connected. */
export function ConnectionsScreen({ openSettings }: { openSettings(): void }) {
  const connections = useConnections();
  const environments = useEnvironments().data ?? [];
  const now = useNow();
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ConnectionView | null>(null);
  const flow = useConnectFlow((connection, reconnected) =>
    setMessage(`${reconnected ? 'Reconnected' : 'Connected'} ${connection.label}.`),
  );
  const disconnect = useAction(async (connection: ConnectionView) => {
    const result = await bridge.connections.disconnect({ id: connection.id });
    if (result.ok) setMessage(disconnected(connection, result.value));
    return result;
  });
  const checkAll = useAction(async () => {
    setMessage(null);
    const result = await bridge.health.checkAll();
    if (result.ok) setMessage(checkedAll(result.value));
    return result;
  });
  const connect = (target: ConnectTarget) => (setMessage(null), void flow.start(target));
  const signingIn = flow.mode.kind !== 'idle';

  return (
    <Screen
      title="Connections"
      lead="Connect your ApprovalMax organisations once; ApprovalMax Connect keeps them connected."
    >
      <ConnectBar
        environments={environments}
        signingIn={signingIn}
        onConnect={(environmentId) => connect({ environmentId })}
        openSettings={openSettings}
      />
      <SignInPanel flow={flow} environments={environments} />
      {connections.data && <LapseBanner connections={connections.data} />}
      <CallError error={flow.error ?? disconnect.error ?? checkAll.error ?? connections.error} />
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}
      {connections.data?.length === 0 && !signingIn && <NothingConnected />}
      {connections.data && connections.data.length > 0 && (
        <div className="list-tools">
          <button type="button" onClick={() => void checkAll.run()} disabled={checkAll.busy}>
            {checkAll.busy ? 'Checking all connections…' : 'Check all'}
          </button>
        </div>
      )}
      {connections.data && connections.data.length > 0 && (
        <ConnectionList
          connections={connections.data}
          now={now}
          onReconnect={(c) => connect({ environmentId: c.environmentId, reconnectId: c.id, label: c.label })}
          onDisconnect={setConfirming}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={`Disconnect ${confirming.label}?`}
          confirm="Disconnect"
          cancel="Keep connected"
          onConfirm={() => (setConfirming(null), void disconnect.run(confirming))}
          onCancel={() => setConfirming(null)}
        >
          <p>
            This removes the connection and its keys from this computer. Its organisations stop being available here
            until you connect again. The connection may still be listed in ApprovalMax under Connections, where an
            administrator can delete it for good.
          </p>
        </ConfirmDialog>
      )}
    </Screen>
  );
}

const checkedAll = (reports: readonly CheckReport[]) => {
  const problems = reports.filter((r) => r.result !== 'passed').length;
  const checked = `Checked ${reports.length} connection${reports.length === 1 ? '' : 's'}`;
  return problems === 0
    ? `${checked}: every step passed.`
    : `${checked}: ${problems} need${problems === 1 ? 's' : ''} attention (see the cards below).`;
};

const disconnected = (connection: ConnectionView, report: DisconnectReport) =>
  `Disconnected ${connection.label}${report.revoked ? ' and revoked its access' : ''}. It may still be listed in ApprovalMax under Connections, where an administrator can delete it for good.`;

function NothingConnected() {
  return (
    <div className="card empty">
      <h2>No organisations connected yet</h2>
      <p>
        Connecting signs you in to ApprovalMax once and lets you choose which organisations this computer may work with.
        ApprovalMax Connect then keeps the connection alive and keeps its keys in this computer's keychain — never in a
        file.
      </p>
    </div>
  );
}
