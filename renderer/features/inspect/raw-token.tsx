import { memo, useState } from 'react';

/** Above this length the raw token is shown shortened until asked (laying out hundreds of KB of unbroken text takes the page a noticeable while). */
export const LONG_RAW_TOKEN = 64 * 1024;
/** Characters kept of each part of a shortened token. */
const KEPT = 2048;

/** The token's three parts in three colours, so a person sees where header, payload and signature are. */
export const RawToken = memo(function RawToken({ token }: { token: string }) {
  const [whole, setWhole] = useState(false);
  const short = token.length > LONG_RAW_TOKEN && !whole;
  const [header = '', payload = '', signature = ''] = token.split('.');
  const part = (text: string) => (short && text.length > KEPT ? `${text.slice(0, KEPT)}…` : text);
  return (
    <>
      <p className="raw-token mono" aria-label="Raw token, coloured by part">
        <span className="part-header" title="Header">
          {part(header)}
        </span>
        .
        <span className="part-payload" title="Payload (the claims)">
          {part(payload)}
        </span>
        .
        <span className="part-signature" title="Signature">
          {part(signature)}
        </span>
      </p>
      {short && (
        <p className="hint">
          Shortened: the token is {Math.round(token.length / 1024).toLocaleString('en-GB')} KB long, so only the start
          of each long part is shown here. Copying copies it whole.{' '}
          <button type="button" className="link" onClick={() => setWhole(true)}>
            Show the whole token
          </button>
        </p>
      )}
    </>
  );
});
