import { useState } from 'react';
import type { CopyReceipt, Result } from '../../preload/contract';
import { bridge, call } from '../bridge';

/** A copy button that copies through main and says so; secrets are wiped from the clipboard after 60 s. */
export function CopyButton({ label, text, secret = false, copy }: { label: string; text?: string; secret?: boolean; copy?: () => Promise<Result<CopyReceipt>> }) {
  const [said, setSaid] = useState<string | null>(null);
  async function run() {
    const result = await call(copy ? copy() : bridge.app.copyText({ text: text ?? '', secret }));
    setSaid(result.ok ? (result.value.clearsAt ? 'Copied — cleared from the clipboard in 60 s' : 'Copied') : result.error.message);
    setTimeout(() => setSaid(null), 4000);
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
    </span>
  );
}
