import { useEffect, useState, type FormEvent } from 'react';
import type { ConnectionTokenInspection, PasteInspection } from '../../preload/contract';
import { bridge, call } from '../bridge';
import { CopyButton } from '../components/copy-button';
import { Field } from '../components/field';
import { RawToken } from '../components/raw-token';
import { TokenView } from '../components/token-view';
import { VerifyPanel } from '../components/verify-panel';
import '../inspector.css';

/** Understand a token in ten seconds: paste anything that holds one, or open a connection's token. */
export function InspectorScreen({ connectionId }: { connectionId?: string | undefined }) {
  return (
    <section className="screen" aria-labelledby="inspector-title">
      <header className="screen-header">
        <h1 id="inspector-title">Inspect a token</h1>
        <p className="lead">See what an access token says — who issued it, what it allows, when it expires — and check its signature.</p>
      </header>
      {connectionId ? <ConnectionToken id={connectionId} /> : <PastedTokens />}
    </section>
  );
}

function PastedTokens() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<PasteInspection | null>(null);
  const [chosen, setChosen] = useState(0);
  const [error, setError] = useState<string | null>(null);

  async function inspect(event?: FormEvent) {
    event?.preventDefault();
    const answer = await call(bridge.inspect.paste({ text }));
    if (!answer.ok) return setError(answer.error.message);
    setError(null);
    setResult(answer.value);
    setChosen(0);
  }

  const token = result?.tokens[chosen];
  return (
    <>
      <form className="card form" onSubmit={inspect} aria-label="Token to inspect">
        <Field label="Token" hint="Paste a token, “Bearer …”, an Authorization header, a JSON token response, a URL or a cURL command: the token is found and cleaned for you. It stays on this computer.">
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void inspect()}
            rows={5}
            spellCheck={false}
            autoComplete="off"
          />
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={text.trim() === ''}>
            Inspect
          </button>
        </div>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      {result?.problem && <p className="form-error" role="alert">{result.problem}</p>}
      {result && (result.notes.length > 0 || result.opaque.length > 0) && (
        <ul className="notes" aria-label="What was cleaned">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          {result.opaque.map((o) => (
            <li key={o.label}>
              <strong>{o.label}:</strong> {o.note}
            </li>
          ))}
        </ul>
      )}
      {result && result.tokens.length > 1 && (
        <fieldset className="card token-choice">
          <legend>Tokens found</legend>
          {result.tokens.map((t, i) => (
            <label key={`${t.label}-${i}`}>
              <input type="radio" name="token" checked={i === chosen} onChange={() => setChosen(i)} /> {t.label}
            </label>
          ))}
        </fieldset>
      )}
      {token && (
        <>
          <section className="card" aria-label="Raw token">
            <RawToken token={token.token} />
            <CopyButton label="Copy token" text={token.token} secret />
          </section>
          {token.inspection.ok && <VerifyPanel key={token.token} verify={() => bridge.inspect.verify({ token: token.token })} />}
          <TokenView inspection={token.inspection} />
        </>
      )}
    </>
  );
}

function ConnectionToken({ id }: { id: string }) {
  const [data, setData] = useState<ConnectionTokenInspection | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setRevealed(null);
    void call(bridge.inspect.connection({ id })).then((r) => (r.ok ? (setData(r.value), setError(null)) : setError(r.error.message)));
    // A refresh replaces the token: show the new one (and what changed) without a reload.
    return bridge.connections.on('changed', () => void call(bridge.inspect.connection({ id })).then((r) => r.ok && setData(r.value)));
  }, [id]);

  async function reveal() {
    const r = await call(bridge.inspect.revealConnectionToken({ id }));
    if (r.ok) setRevealed(r.value.token);
    else setError(r.error.message);
  }

  if (error) return <p className="form-error" role="alert">{error}</p>;
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
            <button type="button" onClick={() => void reveal()}>
              Reveal token
            </button>
          )}
          <CopyButton label="Copy token" copy={() => bridge.inspect.copyConnectionToken({ id })} />
        </div>
      </section>
      {data.changes && (
        <section className="card" aria-labelledby="changes-title">
          <h2 id="changes-title">What changed since the previous token</h2>
          {data.changes.length === 0 ? (
            <p>Nothing but the token itself.</p>
          ) : (
            <table className="claims" aria-label="Changed claims">
              <tbody>
                {data.changes.map((c) => (
                  <tr key={c.name}>
                    <th scope="row" className="mono">{c.name}</th>
                    <td className="mono">{c.before ?? '—'}</td>
                    <td className="mono">→ {c.after ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <VerifyPanel verify={() => bridge.inspect.verifyConnection({ id })} />
      <TokenView inspection={data.inspection} />
    </>
  );
}
