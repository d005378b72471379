import { useRef, useState, type FormEvent } from 'react';
import type { PasteInspection } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { CopyButton } from '../../shared/copy-button';
import { Field } from '../../shared/field';
import { useAction } from '../../shared/use-action';
import { RawToken } from './raw-token';
import { TokenView } from './token-view';
import { VerifyPanel } from './verify-panel';

/** Paste anything that holds a token: what was found and cleaned, the choice when there are several, and the chosen one explained. */
export function PastedTokens() {
  const [result, setResult] = useState<PasteInspection | null>(null);
  const [chosen, setChosen] = useState(0);
  const inspect = useAction(async (text: string) => {
    const answer = await bridge.inspect.paste({ text });
    if (answer.ok) {
      setResult(answer.value);
      setChosen(0);
    }
    return answer;
  });
  const token = result?.tokens[chosen];
  return (
    <>
      <PasteForm onInspect={(text) => void inspect.run(text)} />
      <CallError error={inspect.error} />
      {result?.problem && <CallError error={{ message: result.problem }} />}
      {result && <CleaningNotes result={result} />}
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
          {token.inspection.ok && (
            <VerifyPanel
              key={token.token}
              verify={({ allowUnknownIssuer }) => bridge.inspect.verify({ token: token.token, allowUnknownIssuer })}
            />
          )}
          <TokenView inspection={token.inspection} />
        </>
      )}
    </>
  );
}

/**
 * The token box. Uncontrolled: a pasted token can be hundreds of KB, and a controlled box would copy
 * all of it into React (and back into the element) on every key press. Nothing is decoded until Inspect.
 */
function PasteForm({ onInspect }: { onInspect(text: string): void }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const [blank, setBlank] = useState(true);
  function submit(event?: FormEvent) {
    event?.preventDefault();
    onInspect(box.current?.value ?? '');
  }
  return (
    <form className="card form" onSubmit={submit} aria-label="Token to inspect">
      <Field
        label="Token"
        hint="Paste a token, “Bearer …”, an Authorization header, a JSON token response, a URL or a cURL command: the token is found and cleaned for you. It stays on this computer."
      >
        <textarea
          ref={box}
          onChange={(e) => setBlank(!/\S/.test(e.target.value))}
          onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && submit()}
          rows={5}
          spellCheck={false}
          autoComplete="off"
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={blank}>
          Inspect
        </button>
      </div>
    </form>
  );
}

/** What was removed or set aside to find the token (e.g. "Bearer ", a refresh token that is not a JWT). */
function CleaningNotes({ result }: { result: PasteInspection }) {
  if (result.notes.length === 0 && result.opaque.length === 0) return null;
  return (
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
  );
}
