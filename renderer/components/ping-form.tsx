import type { KeyboardEvent, FormEvent } from 'react';
import type { ConnectionView, EnvironmentSummary } from '../../preload/contract';
import { Field } from './field';

/** Everything the ping form holds; the screen owns it so a history entry can fill it in again. */
export interface PingFormState {
  readonly source: 'connection' | 'pasted';
  readonly connectionId: string;
  readonly environmentId: string;
  readonly endpoint: string;
  readonly customPath: string;
  readonly token: string;
}

/** The value of the endpoint list's "another path" choice. */
export const CUSTOM_PATH = 'custom';

const ENDPOINTS = [
  { value: '/ping', label: 'GET /ping — is the API reachable?' },
  { value: '/api/v1/companies', label: 'GET /api/v1/companies — which organisations can this token see?' },
  { value: CUSTOM_PATH, label: 'Another GET path under the API address…' },
];

interface Props {
  state: PingFormState;
  set(change: Partial<PingFormState>): void;
  connections: readonly ConnectionView[];
  environments: readonly EnvironmentSummary[];
  busy: boolean;
  error: string | null;
  onSubmit(event?: FormEvent): void;
}

/** Whose token, which environment, which endpoint: the ping tester's question, in that order. */
export function PingForm({ state, set, connections, environments, busy, error, onSubmit }: Props) {
  const environment = environments.find((e) => e.id === state.environmentId);
  const connection = connections.find((c) => c.id === state.connectionId);
  const onTokenKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSubmit();
  };
  return (
    <form className="card form" onSubmit={onSubmit} aria-label="Ping request">
      <fieldset className="source-choice">
        <legend className="label">Token to use</legend>
        <label>
          <input type="radio" name="source" checked={state.source === 'connection'} disabled={connections.length === 0} onChange={() => set({ source: 'connection' })} />
          A connection’s current token
        </label>
        <label>
          <input type="radio" name="source" checked={state.source === 'pasted'} onChange={() => set({ source: 'pasted' })} />
          A token I paste
        </label>
        {connections.length === 0 && <span className="hint">No connections yet: connect an organisation on the Connections screen, or paste a token.</span>}
      </fieldset>
      <div className="field-row">
        {state.source === 'connection' ? (
          <Field label="Connection" hint={connection && `${connection.environmentName} · renewed first if it is about to expire`}>
            <select value={state.connectionId} onChange={(e) => set({ connectionId: e.target.value })}>
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field label="Environment" hint={environment && `API at ${environment.apiBase}`}>
            <select value={state.environmentId} onChange={(e) => set({ environmentId: e.target.value })}>
              {environments.map((env) => (
                <option key={env.id} value={env.id}>
                  {env.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="Endpoint">
          <select value={state.endpoint} onChange={(e) => set({ endpoint: e.target.value })}>
            {ENDPOINTS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {state.endpoint === CUSTOM_PATH && (
        <Field label="Path" hint="A GET path under the API address, starting with “/”, e.g. /api/v1/companies/{companyId}/xero/purchase-orders?limit=10">
          <input type="text" className="mono" value={state.customPath} onChange={(e) => set({ customPath: e.target.value })} spellCheck={false} autoComplete="off" placeholder="/api/v1/…" />
        </Field>
      )}
      {state.source === 'pasted' && (
        <Field label="Access token" hint="A leading “Bearer ”, quotes, spaces and line breaks are removed for you. The token stays on this computer and is never saved.">
          <textarea value={state.token} onChange={(e) => set({ token: e.target.value })} onKeyDown={onTokenKey} rows={4} spellCheck={false} autoComplete="off" placeholder="eyJhbGciOiJQUzI1NiIs…" />
        </Field>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || (state.source === 'pasted' ? !state.environmentId : !state.connectionId)}>
          {busy ? 'Sending…' : 'Send request'}
        </button>
        {state.source === 'pasted' && <span className="hint">or press Ctrl+Enter in the token box</span>}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
