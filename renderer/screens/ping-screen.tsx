import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { EnvironmentSummary, PingCopy, PingHistoryItem, PingInput, PingReport } from '../../preload/contract';
import { bridge, call } from '../bridge';
import { ConfirmDialog } from '../components/confirm-dialog';
import { PingForm, CUSTOM_PATH, type PingFormState } from '../components/ping-form';
import { PingHistory } from '../components/ping-history';
import { PingResult } from '../components/ping-result';
import { useConnections } from '../hooks/use-connections';
import '../ping.css';

const INITIAL: PingFormState = { source: 'pasted', connectionId: '', environmentId: '', endpoint: '/ping', customPath: '', token: '' };

/** Pick a connection or paste a token, send, and read what ApprovalMax said — with the history of earlier checks. */
export function PingScreen() {
  const [environments, setEnvironments] = useState<EnvironmentSummary[]>([]);
  const { connections } = useConnections();
  const [form, setForm] = useState<PingFormState>(INITIAL);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<PingReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<PingHistoryItem[]>([]);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'token' | 'clear' | null>(null);
  const set = useCallback((change: Partial<PingFormState>) => setForm((f) => ({ ...f, ...change })), []);
  const reloadHistory = useCallback(() => void call(bridge.ping.history()).then((r) => r.ok && setHistory(r.value)), []);

  useEffect(() => {
    void call(bridge.environments.list()).then((result) => {
      if (!result.ok) return setError(result.error.message);
      setEnvironments(result.value);
      setForm((f) => ({ ...f, environmentId: f.environmentId || result.value[0]?.id || '' }));
    });
    reloadHistory();
  }, [reloadHistory]);

  // A connection is the natural default once there is one; the user's own choice is kept.
  useEffect(() => {
    const first = connections?.[0];
    if (first) setForm((f) => (f.connectionId && connections?.some((c) => c.id === f.connectionId) ? f : { ...f, connectionId: first.id, source: f.token ? f.source : 'connection' }));
  }, [connections]);

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const path = form.endpoint === CUSTOM_PATH ? form.customPath : form.endpoint;
    if (form.source === 'pasted' && form.token.trim() === '') return setError('Paste an access token first.');
    const input: PingInput = form.source === 'pasted' ? { environmentId: form.environmentId, accessToken: form.token, path } : { connectionId: form.connectionId, path };
    setBusy(true);
    setError(null);
    setCopyNote(null);
    const result = await call(bridge.ping.send(input));
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setReport(result.value);
    reloadHistory();
  }

  async function open(id: string) {
    const result = await call(bridge.ping.openHistory({ id }));
    setCopyNote(null);
    if (result.ok) setReport(result.value);
    else setError(result.error.message);
  }

  async function copy(what: PingCopy) {
    if (what === 'curl-with-token' && confirm !== 'token') return setConfirm('token');
    setConfirm(null);
    if (!report) return;
    const result = await call(bridge.ping.copy({ id: report.id, what }));
    if (!result.ok) return setCopyNote(result.error.message);
    const wiped = result.value.clearsAt ? ` It holds the real token and will be cleared from the clipboard at ${new Date(result.value.clearsAt).toLocaleTimeString()}.` : '';
    setCopyNote(`${what === 'response' ? 'Response' : 'cURL command'} copied.${wiped}`);
  }

  async function clear() {
    setConfirm(null);
    const result = await call(bridge.ping.clearHistory());
    if (!result.ok) return setError(result.error.message);
    setHistory([]);
  }

  return (
    <section className="screen" aria-labelledby="ping-title">
      <header className="screen-header">
        <h1 id="ping-title">Test the API</h1>
        <p className="lead">Check whether an access token works against the ApprovalMax Public API, and why not if it does not.</p>
      </header>
      <PingForm state={form} set={set} connections={connections ?? []} environments={environments} busy={busy} error={error} onSubmit={(e) => void send(e)} />
      {report && <PingResult report={report} onCopy={(what) => void copy(what)} copyNote={copyNote} />}
      <PingHistory items={history} openId={report?.id ?? null} onOpen={(id) => void open(id)} onClear={() => setConfirm('clear')} />
      {confirm === 'token' && (
        <ConfirmDialog title="Copy the command with the real token?" confirm="Copy with the token" cancel="Keep $TOKEN" onConfirm={() => void copy('curl-with-token')} onCancel={() => setConfirm(null)}>
          <p>Anyone who gets this command can call ApprovalMax as this connection until the token expires. It is cleared from the clipboard after 60 seconds. Never paste it into a ticket or a chat.</p>
        </ConfirmDialog>
      )}
      {confirm === 'clear' && (
        <ConfirmDialog title="Clear the history?" confirm="Clear history" cancel="Keep it" onConfirm={() => void clear()} onCancel={() => setConfirm(null)}>
          <p>Every earlier check on this computer is removed. The activity timeline keeps its one-line entries.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
