import { useState } from 'react';
import type { WorkbenchRequest } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { CopyTokenDialog } from '../../shared/copy-token-dialog';
import { failed, useAction } from '../../shared/use-action';

/** "Copy as cURL" for the request as built: `$TOKEN` by default; the real token only after asking, and wiped after 60 s. */
export function CurlCopy({ request, ready }: { request: WorkbenchRequest | null; ready: boolean }) {
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const copy = useAction(async (withToken: boolean) => {
    setNote(null);
    if (!request) return failed('Pick an endpoint first.');
    const result = await bridge.workbench.copyCurl({ ...request, withToken });
    if (result.ok)
      setNote(
        result.value.clearsAt
          ? `cURL command copied. It holds the real token and will be cleared from the clipboard at ${new Date(result.value.clearsAt).toLocaleTimeString()}.`
          : 'cURL command copied, with $TOKEN in place of the token.',
      );
    return result;
  });
  return (
    <div className="actions copy-actions">
      <button type="button" onClick={() => void copy.run(false)} disabled={!ready}>
        Copy as cURL
      </button>
      <button type="button" onClick={() => setAsking(true)} disabled={!ready}>
        Copy as cURL with the token…
      </button>
      {note && (
        <span className="hint" role="status">
          {note}
        </span>
      )}
      <CallError error={copy.error} compact />
      {asking && (
        <CopyTokenDialog onConfirm={() => (setAsking(false), void copy.run(true))} onCancel={() => setAsking(false)} />
      )}
    </div>
  );
}
