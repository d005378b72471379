import { useState } from 'react';
import type { Result, VerifyResult } from '../../../preload/contract';
import { CallError } from '../../shared/call-error';
import { useAction } from '../../shared/use-action';

const TONE: Record<VerifyResult['kind'], 'good' | 'warning' | 'bad'> = {
  valid: 'good',
  'invalid-signature': 'bad',
  'key-not-found': 'bad',
  'unsupported-algorithm': 'bad',
  malformed: 'bad',
  'no-keys-published': 'warning',
  'issuer-unreachable': 'warning',
  'unknown-issuer': 'warning',
};

const HEADLINE: Record<VerifyResult['kind'], string> = {
  valid: 'Valid signature',
  'invalid-signature': 'Invalid signature',
  'key-not-found': 'Signing key not found',
  'unsupported-algorithm': 'Cannot be verified',
  malformed: 'Cannot be verified',
  'no-keys-published': 'Could not verify: no keys published',
  'issuer-unreachable': 'Could not verify: issuer unreachable',
  'unknown-issuer': 'Not checked: an issuer this app does not know',
};

/** "Check the signature" on request: discovery → keys → verify, with the verdict in plain words. */
export function VerifyPanel({ verify }: { verify: () => Promise<Result<VerifyResult>> }) {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const check = useAction(async () => {
    const answer = await verify();
    if (answer.ok) setResult(answer.value);
    return answer;
  });
  return (
    <section className="card verify" aria-labelledby="verify-title">
      <div className="verify-head">
        <h2 id="verify-title">Signature</h2>
        <button type="button" onClick={() => void check.run()} disabled={check.busy}>
          {check.busy ? 'Checking…' : result ? 'Check again' : 'Check the signature'}
        </button>
      </div>
      {!result && !check.error && <p className="hint">Decoding shows what a token says; only the signature proves who issued it. The check fetches the issuer's published keys.</p>}
      <CallError error={check.error} />
      {result && <VerifyVerdict result={result} />}
    </section>
  );
}

function VerifyVerdict({ result }: { result: VerifyResult }) {
  return (
    <div className={`verdict-line tone-${TONE[result.kind]}`} role="status">
      <strong>{HEADLINE[result.kind]}</strong>
      {result.kind === 'valid' && result.keyId && (
        <span className="hint">
          {' '}
          · key {result.keyId}, {result.algorithm}
        </span>
      )}
      <p>{result.message}</p>
      {result.timeValidity && <p className="hint">{result.timeValidity.message}</p>}
    </div>
  );
}
