import { useState } from 'react';
import type { PingCopy, PingReport } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { failed, useAction } from '../../shared/use-action';
import { useQuery } from '../../shared/use-query';
import { pingInput, type PingFormState } from './use-ping-form';

/** The ping tester's calls: send, the history (open an earlier check, clear it all), and copying the shown result. */
export function usePing() {
  const [report, setReport] = useState<PingReport | null>(null);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const history = useQuery(bridge.ping.history);
  const show = (next: PingReport) => (setReport(next), setCopyNote(null));

  const send = useAction(async (form: PingFormState) => {
    if (form.source === 'pasted' && form.token.trim() === '') return failed('Paste an access token first.');
    setCopyNote(null);
    const result = await bridge.ping.send(pingInput(form));
    if (result.ok) {
      show(result.value);
      void history.reload();
    }
    return result;
  });
  const open = useAction(async (id: string) => {
    const result = await bridge.ping.openHistory({ id });
    if (result.ok) show(result.value);
    return result;
  });
  const clear = useAction(async () => {
    const result = await bridge.ping.clearHistory();
    if (result.ok) history.update(() => []);
    return result;
  });
  const copy = useAction(async (what: PingCopy) => {
    if (!report) return failed('Send a request first.');
    const result = await bridge.ping.copy({ id: report.id, what });
    const wiped =
      result.ok && result.value.clearsAt
        ? ` It holds the real token and will be cleared from the clipboard at ${new Date(result.value.clearsAt).toLocaleTimeString()}.`
        : '';
    setCopyNote(result.ok ? `${what === 'response' ? 'Response' : 'cURL command'} copied.${wiped}` : null);
    return result;
  });

  // One line says what last went wrong: starting anything clears what an earlier call said.
  const steps = [send, open, clear];
  const clearing =
    <A extends unknown[], T>(run: (...args: A) => Promise<T>) =>
    (...args: A) => (steps.forEach((s) => s.clearError()), run(...args));
  return {
    report,
    copyNote,
    history: history.data ?? [],
    busy: send.busy,
    error: send.error ?? open.error ?? clear.error ?? history.error,
    copyError: copy.error,
    send: clearing(send.run),
    open: clearing(open.run),
    clear: clearing(clear.run),
    copy: copy.run,
  };
}
