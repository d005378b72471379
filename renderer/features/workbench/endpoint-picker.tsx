import { useId, useMemo, useState } from 'react';
import type { Catalogue, ConnectionView, Endpoint } from '../../../preload/contract';
import { CallError } from '../../shared/call-error';
import { Field } from '../../shared/field';
import { localTime } from '../../shared/format';
import { groupEndpoints, type PlatformGroup } from './catalogue-model';
import type { RequestForm } from './use-request-form';

interface Props {
  connections: readonly ConnectionView[];
  connection: ConnectionView;
  onConnection(id: string): void;
  form: RequestForm;
}

/** Whose token, then which read: the connection, and the catalogue searched by name and grouped by platform and request type. */
export function EndpointPicker({ connections, connection, onConnection, form }: Props) {
  const [search, setSearch] = useState('');
  const endpoints = form.catalogue.data?.endpoints;
  const groups = useMemo(() => groupEndpoints(endpoints ?? [], search), [endpoints, search]);
  return (
    <section className="card form wb-picker" aria-labelledby="wb-picker-title">
      <h2 id="wb-picker-title" className="section-title">
        Endpoint
      </h2>
      <Field label="Connection" hint={`${connection.environmentName} · reads with this connection’s token`}>
        <select value={connection.id} onChange={(e) => onConnection(e.target.value)}>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label} — {c.environmentName}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Search endpoints" hint="By name, e.g. “bills” or “purchase order by id”">
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          data-testid="workbench-endpoint-search"
        />
      </Field>
      <CallError error={form.catalogue.error} />
      {endpoints && (
        <EndpointList groups={groups} chosen={form.endpoint} onChoose={form.choose} searched={search !== ''} />
      )}
      {!endpoints && form.catalogue.loading && <p className="muted">Loading the list of endpoints…</p>}
      {form.catalogue.data && (
        <CatalogueSource
          catalogue={form.catalogue.data}
          busy={form.refresh.busy || form.catalogue.loading}
          onRefresh={() => void form.refresh.run()}
        />
      )}
      <CallError error={form.refresh.error} compact />
    </section>
  );
}

function EndpointList({
  groups,
  chosen,
  onChoose,
  searched,
}: {
  groups: readonly PlatformGroup[];
  chosen: Endpoint | null;
  onChoose(endpoint: Endpoint): void;
  searched: boolean;
}) {
  const name = useId();
  if (groups.length === 0)
    return <p className="muted">{searched ? 'No endpoint matches that search.' : 'This list has no endpoints.'}</p>;
  return (
    <div className="wb-endpoints" role="region" aria-label="Endpoints">
      {groups.map((platform) => (
        <fieldset key={platform.platform} className="wb-platform">
          <legend>{platform.platform}</legend>
          {platform.groups.map((group) => (
            <fieldset key={group.name} className="wb-group">
              <legend>{group.name}</legend>
              {group.endpoints.map((endpoint) => (
                <EndpointChoice
                  key={endpoint.id}
                  endpoint={endpoint}
                  name={name}
                  checked={endpoint.id === chosen?.id}
                  onChoose={onChoose}
                />
              ))}
            </fieldset>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

function EndpointChoice({
  endpoint,
  name,
  checked,
  onChoose,
}: {
  endpoint: Endpoint;
  name: string;
  checked: boolean;
  onChoose(endpoint: Endpoint): void;
}) {
  const pathId = useId();
  return (
    <label className="wb-endpoint">
      <input type="radio" name={name} checked={checked} onChange={() => onChoose(endpoint)} aria-describedby={pathId} />
      <span className="wb-endpoint-name">{endpoint.name}</span>
      <span id={pathId} className="wb-endpoint-path mono" aria-hidden="true">
        {endpoint.path}
      </span>
    </label>
  );
}

/** Where the list came from, refreshable; the OpenAPI document is cached per environment. */
function CatalogueSource({ catalogue, busy, onRefresh }: { catalogue: Catalogue; busy: boolean; onRefresh(): void }) {
  const from =
    catalogue.source === 'openapi'
      ? `From the API’s OpenAPI document${catalogue.fetchedAt ? `, fetched ${localTime(catalogue.fetchedAt)}` : ''}.`
      : `Built-in list${catalogue.note ? `: ${catalogue.note}` : '.'}`;
  return (
    <div className="wb-source">
      <p className="hint">
        {from} Only reads are listed: the workbench never writes.{' '}
        <button type="button" className="link" onClick={onRefresh} disabled={busy}>
          {busy ? 'Refreshing…' : 'Refresh'}
        </button>
      </p>
    </div>
  );
}
