import { useState } from 'react';
import type { ConnectionTokenInspection } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { CopyButton } from '../../shared/copy-button';
import { useAction } from '../../shared/use-action';
import { useQuery } from '../../shared/use-query';
import { RawToken } from './raw-token';
import { TokenView } from './token-view';
import { VerifyPanel } from './verify-panel';

/** A connection's current token, hidden until revealed; a refresh replaces it here too, with what changed. */
export function ConnectionToken({ id }: { id: string }) {
  const inspection = useQuery(() => bridge.inspect.connection({ id }), {
    refetchOn: [(reload) => bridge.connections.on('changed', reload)],
  });
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useAction(async () => {
    const result = await bridge.inspect.revealConnectionToken({ id });
    if (result.ok) setRevealed(result.value.token);
    return result;
  });

  const failure = inspection.error ?? reveal.error;
  if (failure) return <CallError error={failure} />;
  const data = inspection.data;
  if (!data) return null;
  return (
    <>
      <section className="card" aria-labelledby="conn-token-title">
        <div className="section-head">
          <h2 id="conn-token-title">Access token of {data.label}</h2>
          <a href="#inspector">Inspect a pasted token instead</a>
        </div>
        {revealed ? <RawToken token={revealed} /> : <p className="hint">The token stays hidden until you reveal it.</p>}
        <div className="actions">
          {!revealed && (
            <button type="button" onClick={() => void reveal.run()}>
              Reveal token
            </button>
          )}
          <CopyButton label="Copy token" copy={() => bridge.inspect.copyConnectionToken({ id })} />
        </div>
      </section>
      {data.changes && <ClaimChanges changes={data.changes} />}
      <VerifyPanel verify={({ allowUnknownIssuer }) => bridge.inspect.verifyConnection({ id, allowUnknownIssuer })} />
      <TokenView inspection={data.inspection} />
    </>
  );
}

/** After a refresh: which claims the new token changed, before → after. */
function ClaimChanges({ changes }: { changes: NonNullable<ConnectionTokenInspection['changes']> }) {
  return (
    <section className="card" aria-labelledby="changes-title">
      <h2 id="changes-title">What changed since the previous token</h2>
      {changes.length === 0 ? (
        <p>Nothing but the token itself.</p>
      ) : (
        <table className="claims" aria-label="Changed claims">
          <tbody>
            {changes.map((c) => (
              <tr key={c.name}>
                <th scope="row" className="mono">
                  {c.name}
                </th>
                <td className="mono">{c.before ?? '—'}</td>
                <td className="mono">→ {c.after ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
