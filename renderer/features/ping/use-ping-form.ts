import { useCallback, useEffect, useState } from 'react';
import type { ConnectionView, EnvironmentSummary, PingInput } from '../../../preload/contract';

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

const INITIAL: PingFormState = {
  source: 'pasted',
  connectionId: '',
  environmentId: '',
  endpoint: '/ping',
  customPath: '',
  token: '',
};

/** The form's state, with its defaults: the first environment, and a connection once there is one (the user's own choice is kept). */
export function usePingForm(
  connections: readonly ConnectionView[] | null,
  environments: readonly EnvironmentSummary[],
) {
  const [form, setForm] = useState<PingFormState>(INITIAL);
  const set = useCallback((change: Partial<PingFormState>) => setForm((f) => ({ ...f, ...change })), []);

  useEffect(() => {
    const first = connections?.[0];
    if (first)
      setForm((f) =>
        f.connectionId && connections?.some((c) => c.id === f.connectionId)
          ? f
          : { ...f, connectionId: first.id, source: f.token ? f.source : 'connection' },
      );
  }, [connections]);

  const state: PingFormState = { ...form, environmentId: form.environmentId || environments[0]?.id || '' };
  return { state, set };
}

/** What the bridge gets for the form as it stands. */
export function pingInput(form: PingFormState): PingInput {
  const path = form.endpoint === CUSTOM_PATH ? form.customPath : form.endpoint;
  return form.source === 'pasted'
    ? { environmentId: form.environmentId, accessToken: form.token, path }
    : { connectionId: form.connectionId, path };
}
