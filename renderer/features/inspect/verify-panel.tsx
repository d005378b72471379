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

/**
 * How the panel asks main to check: `allowUnknownIssuer` is true only after the user answered "Fetch
 * its published keys" for this very check.
 */
export type Verify = (options: { allowUnknownIssuer: boolean }) => Promise<Result<VerifyResult>>;

/**
 * "Check the signature" on request: discovery → keys → verify, with the verdict in plain words. Keys
 * of the user's environments' issuers are fetched at once; for any other issuer main answers
 * "unknown-issuer" without fetching, and the panel asks before anything is requested from it.
 */
export function VerifyPanel({ verify }: { verify: Verify }) {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [declined, setDeclined] = useState(false);
  const check = useAction(async (allowUnknownIssuer: boolean) => {
    const answer = await verify({ allowUnknownIssuer });
    if (answer.ok) {
      setResult(answer.value);
      setDeclined(false);
    }
    return answer;
  });
  const asking = result?.kind === 'unknown-issuer' && !declined;
  return (
    <section className="card verify" aria-labelledby="verify-title">
      <div className="verify-head">
        <h2 id="verify-title">Signature</h2>
        {!asking && (
          <button type="button" onClick={() => void check.run(false)} disabled={check.busy}>
            {check.busy ? 'Checking…' : result ? 'Check again' : 'Check the signature'}
          </button>
        )}
      </div>
      {!result && !check.error && (
        <p className="hint">
          Decoding shows what a token says; only the signature proves who issued it. The check fetches the issuer's
          published keys — at once for the issuers of your environments, for any other only if you say so.
        </p>
      )}
      <CallError error={check.error} />
      {result && !declined && <VerifyVerdict result={result} />}
      {asking && (
        <div className="actions verify-question">
          <button type="button" className="primary" onClick={() => void check.run(true)} disabled={check.busy}>
            {check.busy ? 'Fetching…' : 'Fetch its published keys'}
          </button>
          <button type="button" onClick={() => setDeclined(true)} disabled={check.busy}>
            Don't fetch
          </button>
        </div>
      )}
      {result && declined && (
        <div className="verdict-line tone-warning" role="status">
          <strong>Not checked</strong>
          <p>
            Nothing was fetched from the issuer, so the signature was not checked. Do not rely on what this token says
            about who issued it.
          </p>
        </div>
      )}
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
