import { useEffect, useState } from 'react';
import type { CopyReceipt, Result } from '../../preload/contract';
import { bridge } from '../bridge';
import { CallError } from './call-error';
import { useAction } from './use-action';

/** A copy button that copies through main and says so; secrets are wiped from the clipboard after 60 s. */
export function CopyButton({
  label,
  text,
  secret = false,
  copy,
}: {
  label: string;
  text?: string;
  secret?: boolean;
  copy?: () => Promise<Result<CopyReceipt>>;
}) {
  const action = useAction(() => (copy ? copy() : bridge.app.copyText({ text: text ?? '', secret })));
  const [said, setSaid] = useState<string | null>(null);
  const failure = action.error;
  const { clearError } = action;
  // The confirmation (or the failure) shows for a few seconds, then goes.
  useEffect(() => {
    if (!said && !failure) return;
    const timer = setTimeout(() => (setSaid(null), clearError()), 4000);
    return () => clearTimeout(timer);
  }, [said, failure, clearError]);

  async function run() {
    setSaid(null);
    const result = await action.run();
    if (result.ok) setSaid(result.value.clearsAt ? 'Copied — cleared from the clipboard in 60 s' : 'Copied');
  }
  return (
    <span className="copy">
      <button type="button" className="small" onClick={() => void run()}>
        {label}
      </button>
      {said && (
        <span className="hint" role="status">
          {said}
        </span>
      )}
      <CallError error={failure} compact />
    </span>
  );
}
