import { useCallback, useEffect, useMemo, useState } from 'react';
import type {
  ConnectionView,
  Endpoint,
  ParameterValues,
  RequestPreview,
  WorkbenchRequest,
} from '../../../preload/contract';
import { bridge, call } from '../../bridge';
import { useAction } from '../../shared/use-action';
import { useQuery } from '../../shared/use-query';
import { initialValues } from './catalogue-model';

/** How long typing must pause before the request line is built again. */
const PREVIEW_DELAY_MS = 250;

/** The connection's catalogue, the endpoint chosen from it, the values typed for it, and the request line they make. */
export function useRequestForm(connection: ConnectionView) {
  const connectionId = connection.id;
  const catalogue = useQuery(() => bridge.workbench.catalogue({ connectionId }), { deps: [connectionId] });
  const refresh = useAction(async () => {
    const result = await bridge.workbench.catalogue({ connectionId, refresh: true });
    if (result.ok) catalogue.update(() => result.value);
    return result;
  });
  const [endpointId, setEndpointId] = useState<string | null>(null);
  const [values, setValues] = useState<ParameterValues>({});
  const endpoint = catalogue.data?.endpoints.find((e) => e.id === endpointId) ?? null;
  const organisations = connection.organisations;

  const choose = useCallback(
    (next: Endpoint) => {
      setEndpointId(next.id);
      setValues((before) => initialValues(next, before, organisations));
    },
    [organisations],
  );
  const setValue = useCallback((name: string, value: string) => setValues((v) => ({ ...v, [name]: value })), []);

  // Another connection may cover other organisations: an organisation it does not cover gives way to its first.
  useEffect(() => {
    if (endpoint)
      setValues((before) => initialValues(endpoint, keepOwn(before, endpoint, organisations), organisations));
    // Only when the connection changes; the endpoint's own changes go through `choose`.
  }, [connectionId]);

  const request = useMemo<WorkbenchRequest | null>(
    () => (endpoint ? { connectionId, endpointId: endpoint.id, values } : null),
    [connectionId, endpoint, values],
  );
  const preview = usePreview(request);
  return { catalogue, refresh, endpoint, values, choose, setValue, request, preview };
}

/** The values without an organisation the connection does not cover (typed ids the user chose stay). */
function keepOwn(
  values: ParameterValues,
  endpoint: Endpoint,
  organisations: ConnectionView['organisations'],
): ParameterValues {
  const kept = { ...values };
  for (const parameter of endpoint.parameters)
    if (parameter.kind === 'company' && !organisations.some((o) => o.companyId === kept[parameter.name]))
      delete kept[parameter.name];
  return kept;
}

/** The request line for what is typed, built by main a moment after typing stops; the newest request wins. */
function usePreview(request: WorkbenchRequest | null): RequestPreview | null {
  const [preview, setPreview] = useState<{ for: WorkbenchRequest; value: RequestPreview } | null>(null);
  useEffect(() => {
    if (!request) return;
    let current = true;
    const timer = setTimeout(() => {
      void call(bridge.workbench.preview(request)).then((result) => {
        if (current && result.ok) setPreview({ for: request, value: result.value });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request]);
  // A line built for another endpoint or connection is not shown while the new one is on its way.
  if (!request || !preview) return null;
  const same = preview.for.endpointId === request.endpointId && preview.for.connectionId === request.connectionId;
  return same ? preview.value : null;
}

export type RequestForm = ReturnType<typeof useRequestForm>;
