import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ActivityEntry, EnvironmentSummary, PingPath, PingReport } from '../../preload/contract';
import { bridge, call } from '../bridge';
import { Field } from '../components/field';
import { PingResult } from '../components/ping-result';
import { RecentActivity } from '../components/recent-activity';

const PATHS: { value: PingPath; label: string }[] = [
  { value: '/ping', label: 'GET /ping — is the API reachable?' },
  { value: '/api/v1/companies', label: 'GET /api/v1/companies — which organisations can this token see?' },
];

/** Paste a token, pick an environment, send, and read what ApprovalMax said. */
export function PingScreen() {
  const [environments, setEnvironments] = useState<EnvironmentSummary[]>([]);
  const [environmentId, setEnvironmentId] = useState('');
  const [path, setPath] = useState<PingPath>('/ping');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<PingReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [activity, setActivity] = useState<ActivityEntry[]>([]);

  useEffect(() => {
    void call(bridge.listEnvironments()).then((result) => {
      if (!result.ok) return setError(result.error.message);
      setEnvironments(result.value);
      setEnvironmentId((current) => current || result.value[0]?.id || '');
    });
    return bridge.on('activity:added', (entry) => setActivity((list) => [entry, ...list].slice(0, 10)));
  }, []);

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    if (token.trim() === '') return setError('Paste an access token first.');
    setBusy(true);
    setError(null);
    const result = await call(bridge.ping({ environmentId, accessToken: token, path }));
    setBusy(false);
    if (result.ok) setReport(result.value);
    else setError(result.error.message);
  }

  function onTokenKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send();
  }

  const environment = environments.find((e) => e.id === environmentId);
  return (
    <section className="screen" aria-labelledby="ping-title">
      <header className="screen-header">
        <h1 id="ping-title">Test the API</h1>
        <p className="lead">Check whether an access token works against the ApprovalMax Public API, and why not if it does not.</p>
      </header>

      <form className="card form" onSubmit={send} aria-label="Ping request">
        <div className="field-row">
          <Field label="Environment" hint={environment && `API at ${environment.apiBase}`}>
            <select value={environmentId} onChange={(e) => setEnvironmentId(e.target.value)}>
              {environments.map((env) => (
                <option key={env.id} value={env.id}>
                  {env.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Endpoint">
            <select value={path} onChange={(e) => setPath(e.target.value as PingPath)}>
              {PATHS.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label="Access token" hint="A leading “Bearer ”, quotes, spaces and line breaks are removed for you. The token stays on this computer.">
          <textarea
            value={token}
            onChange={(e) => setToken(e.target.value)}
            onKeyDown={onTokenKey}
            rows={4}
            spellCheck={false}
            autoComplete="off"
            placeholder="eyJhbGciOiJQUzI1NiIs…"
          />
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !environmentId}>
            {busy ? 'Sending…' : 'Send request'}
          </button>
          <span className="hint">or press Ctrl+Enter in the token box</span>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>

      {report && <PingResult report={report} />}
      <RecentActivity entries={activity} />
    </section>
  );
}
