import type { FormEvent, KeyboardEvent } from 'react';
import type { BridgeError, ConnectionView, EnvironmentSummary } from '../../../preload/contract';
import { CallError } from '../../shared/call-error';
import { Field } from '../../shared/field';
import { CUSTOM_PATH, type PingFormState } from './use-ping-form';

const ENDPOINTS = [
  { value: '/ping', label: 'GET /ping — is the API reachable?' },
  { value: '/api/v1/companies', label: 'GET /api/v1/companies — which organisations can this token see?' },
  { value: CUSTOM_PATH, label: 'Another GET path under the API address…' },
];

type Set = (change: Partial<PingFormState>) => void;

interface Props {
  state: PingFormState;
  set: Set;
  connections: readonly ConnectionView[];
  environments: readonly EnvironmentSummary[];
  busy: boolean;
  error: BridgeError | null;
  onSubmit(event?: FormEvent): void;
}

/** Whose token, which environment, which endpoint: the ping tester's question, in that order. */
export function PingForm({ state, set, connections, environments, busy, error, onSubmit }: Props) {
  const pasted = state.source === 'pasted';
  return (
    <form className="card form" onSubmit={onSubmit} aria-label="Ping request">
      <SourceChoice source={state.source} hasConnections={connections.length > 0} set={set} />
      <div className="field-row">
        {pasted ? (
          <EnvironmentField state={state} set={set} environments={environments} />
        ) : (
          <ConnectionField state={state} set={set} connections={connections} />
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
        <Field
          label="Path"
          hint="A GET path under the API address, starting with “/”, e.g. /api/v1/companies/{companyId}/xero/purchase-orders?limit=10"
        >
          <input
            type="text"
            className="mono"
            value={state.customPath}
            onChange={(e) => set({ customPath: e.target.value })}
            spellCheck={false}
            autoComplete="off"
            placeholder="/api/v1/…"
          />
        </Field>
      )}
      {pasted && <TokenField token={state.token} set={set} onSubmit={onSubmit} />}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={busy || (pasted ? !state.environmentId : !state.connectionId)}
        >
          {busy ? 'Sending…' : 'Send request'}
        </button>
        {pasted && <span className="hint">or press Ctrl+Enter in the token box</span>}
      </div>
      <CallError error={error} />
    </form>
  );
}

function SourceChoice({
  source,
  hasConnections,
  set,
}: {
  source: PingFormState['source'];
  hasConnections: boolean;
  set: Set;
}) {
  return (
    <fieldset className="source-choice">
      <legend className="label">Token to use</legend>
      <label>
        <input
          type="radio"
          name="source"
          checked={source === 'connection'}
          disabled={!hasConnections}
          onChange={() => set({ source: 'connection' })}
        />
        A connection’s current token
      </label>
      <label>
        <input type="radio" name="source" checked={source === 'pasted'} onChange={() => set({ source: 'pasted' })} />A
        token I paste
      </label>
      {!hasConnections && (
        <span className="hint">
          No connections yet: connect an organisation on the Connections screen, or paste a token.
        </span>
      )}
    </fieldset>
  );
}

function ConnectionField({
  state,
  set,
  connections,
}: {
  state: PingFormState;
  set: Set;
  connections: readonly ConnectionView[];
}) {
  const connection = connections.find((c) => c.id === state.connectionId);
  return (
    <Field
      label="Connection"
      hint={connection && `${connection.environmentName} · renewed first if it is about to expire`}
    >
      <select value={state.connectionId} onChange={(e) => set({ connectionId: e.target.value })}>
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function EnvironmentField({
  state,
  set,
  environments,
}: {
  state: PingFormState;
  set: Set;
  environments: readonly EnvironmentSummary[];
}) {
  const environment = environments.find((e) => e.id === state.environmentId);
  return (
    <Field label="Environment" hint={environment && `API at ${environment.apiBase}`}>
      <select value={state.environmentId} onChange={(e) => set({ environmentId: e.target.value })}>
        {environments.map((env) => (
          <option key={env.id} value={env.id}>
            {env.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

function TokenField({ token, set, onSubmit }: { token: string; set: Set; onSubmit(): void }) {
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSubmit();
  };
  return (
    <Field
      label="Access token"
      hint="A leading “Bearer ”, quotes, spaces and line breaks are removed for you. The token stays on this computer and is never saved."
    >
      <textarea
        value={token}
        onChange={(e) => set({ token: e.target.value })}
        onKeyDown={onKey}
        rows={4}
        spellCheck={false}
        autoComplete="off"
        placeholder="eyJhbGciOiJQUzI1NiIs…"
      />
    </Field>
  );
}
