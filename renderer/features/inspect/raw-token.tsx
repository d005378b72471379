import { memo } from 'react';

/** The token's three parts in three colours, so a person sees where header, payload and signature are. */
export const RawToken = memo(function RawToken({ token }: { token: string }) {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return (
    <p className="raw-token mono" aria-label="Raw token, coloured by part">
      <span className="part-header" title="Header">{header}</span>.<span className="part-payload" title="Payload (the claims)">{payload}</span>.
      <span className="part-signature" title="Signature">{signature}</span>
    </p>
  );
});
