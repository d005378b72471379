import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { CopyTokenDialog } from '../../shared/copy-token-dialog';
import { Screen } from '../../shared/screen';
import { useConnections } from '../connections/use-connections';
import { useEnvironments } from '../environments/use-environments';
import { PingForm } from './ping-form';
import { PingHistory } from './ping-history';
import { PingResult } from './ping-result';
import { usePing } from './use-ping';
import { usePingForm } from './use-ping-form';
import './ping.css';

/** Pick a connection or paste a token, send, and read what ApprovalMax said — with the history of earlier checks. */
export function PingScreen() {
  const connections = useConnections().data;
  const environments = useEnvironments();
  const form = usePingForm(connections, environments.data ?? []);
  const ping = usePing();
  const [confirm, setConfirm] = useState<'token' | 'clear' | null>(null);
  const decided = (then: () => void) => () => (setConfirm(null), then());

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (!ping.busy) void ping.send(form.state);
  }

  return (
    <Screen
      title="Test the API"
      lead={
        <>
          Check whether an access token works against the ApprovalMax Public API, and why not if it does not. To{' '}
          <a href="#workbench">read an organisation’s data page by page</a> as a table, use Browse API data.
        </>
      }
    >
      <PingForm
        state={form.state}
        set={form.set}
        connections={connections ?? []}
        environments={environments.data ?? []}
        busy={ping.busy}
        error={ping.error ?? environments.error}
        onSubmit={send}
      />
      {ping.report && (
        <PingResult
          report={ping.report}
          onCopy={(what) => (what === 'curl-with-token' ? setConfirm('token') : void ping.copy(what))}
          copyNote={ping.copyNote}
          copyError={ping.copyError}
        />
      )}
      <PingHistory
        items={ping.history}
        openId={ping.report?.id ?? null}
        onOpen={(id) => void ping.open(id)}
        onClear={() => setConfirm('clear')}
      />
      {confirm === 'token' && (
        <CopyTokenDialog
          onConfirm={decided(() => void ping.copy('curl-with-token'))}
          onCancel={() => setConfirm(null)}
        />
      )}
      {confirm === 'clear' && (
        <ConfirmDialog
          title="Clear the history?"
          confirm="Clear history"
          cancel="Keep it"
          onConfirm={decided(() => void ping.clear())}
          onCancel={() => setConfirm(null)}
        >
          <p>Every earlier check on this computer is removed. The activity timeline keeps its one-line entries.</p>
        </ConfirmDialog>
      )}
    </Screen>
  );
}
