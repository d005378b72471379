import { useId, useState, type KeyboardEvent } from 'react';
import type { EnvironmentDetails, PromptSetting } from '../../../preload/contract';
import { Field } from '../../shared/field';
import { fixedHint } from './environment-words';
import { useScopeSuggestions } from './use-scope-suggestions';

/** The scopes ApprovalMax offers, named the way a non-technical user thinks of them. */
export const KNOWN_SCOPES: readonly { value: string; label: string }[] = [
  { value: 'https://www.approvalmax.com/scopes/public_api/read', label: 'Read data' },
  { value: 'https://www.approvalmax.com/scopes/public_api/write', label: 'Create and change data' },
  { value: 'offline_access', label: 'Stay connected (refresh token)' },
];

const isKnown = (scope: string) => KNOWN_SCOPES.some((k) => k.value === scope);

/** One scope as RFC 6749 §3.3 writes it: printable ASCII without spaces, quotes or backslashes (the core has the last word). */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

interface ScopeFieldsProps {
  selected: readonly string[];
  /** The identity server address in the form: its discovery document offers suggestions. */
  issuer: string;
  disabled: boolean;
  source: EnvironmentDetails['source'];
  onChange: (scopes: string[]) => void;
}

/** The preset scopes as ticks, any other scope typed in (or picked from the server's list), and a warning for scopes the server does not list. */
export function ScopeFields({ selected, issuer, disabled, source, onChange }: ScopeFieldsProps) {
  const id = useId();
  const listed = useScopeSuggestions(issuer, !disabled);
  const add = (scopes: readonly string[]) =>
    onChange([...selected, ...scopes.filter((s, i) => !selected.includes(s) && scopes.indexOf(s) === i)]);
  const remove = (scope: string) => onChange(selected.filter((s) => s !== scope));
  return (
    <fieldset className="field scopes" disabled={disabled} aria-describedby={`${id}-hint`}>
      <legend className="label">Permissions to ask for</legend>
      <span className="hint" id={`${id}-hint`}>
        {disabled
          ? fixedHint(source)
          : 'What the app asks the identity server to allow when someone connects an organisation.'}
      </span>
      {KNOWN_SCOPES.map((option, index) => (
        <label key={option.value} className="check" title={option.value}>
          <input
            type="checkbox"
            checked={selected.includes(option.value)}
            onChange={(e) => (e.target.checked ? add([option.value]) : remove(option.value))}
            aria-describedby={`${id}-scope-${index}`}
          />
          <span>
            {option.label}
            <span className="hint mono scope-raw" id={`${id}-scope-${index}`}>
              {option.value}
            </span>
          </span>
        </label>
      ))}
      <OtherScopes scopes={selected.filter((s) => !isKnown(s))} disabled={disabled} onRemove={remove} />
      {!disabled && <AddScope listed={listed} selected={selected} onAdd={add} />}
      <UnlistedWarning listed={listed} selected={selected} />
    </fieldset>
  );
}

/** The scopes beyond the presets, each with a button to take it out. */
function OtherScopes({
  scopes,
  disabled,
  onRemove,
}: {
  scopes: readonly string[];
  disabled: boolean;
  onRemove: (scope: string) => void;
}) {
  if (scopes.length === 0) return null;
  return (
    <ul className="scope-chips" aria-label="Other scopes">
      {scopes.map((scope) => (
        <li key={scope} className="scope-chip">
          <span className="mono">{scope}</span>
          {!disabled && (
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${scope}`}
              title={`Remove ${scope}`}
              onClick={() => onRemove(scope)}
            >
              <span aria-hidden="true">×</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A box for any other scope (several at once, separated by spaces), and the server's own scopes to pick from. */
function AddScope({
  listed,
  selected,
  onAdd,
}: {
  listed: readonly string[] | null;
  selected: readonly string[];
  onAdd: (scopes: readonly string[]) => void;
}) {
  const [text, setText] = useState('');
  const listId = useId();
  const typed = text.split(/\s+/).filter(Boolean);
  const invalid = typed.filter((s) => !SCOPE_TOKEN.test(s));
  const offered = (listed ?? []).filter((s) => !isKnown(s) && !selected.includes(s));
  function commit() {
    if (typed.length === 0 || invalid.length > 0) return;
    onAdd(typed);
    setText('');
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    commit();
  }
  return (
    <div className="scope-add">
      <div className="scope-add-row">
        <Field
          label="Add a scope"
          hint="Any other scope the server expects, for example openid or profile. Separate several with spaces."
        >
          <input
            type="text"
            className="mono"
            list={offered.length > 0 ? listId : undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <button type="button" onClick={commit} disabled={typed.length === 0 || invalid.length > 0}>
          Add scope
        </button>
      </div>
      <p className="scope-invalid" aria-live="polite">
        {invalid.length > 0 &&
          `${invalid.map((s) => `“${s}”`).join(', ')} cannot be a scope: a scope is a single word without quotes or backslashes.`}
      </p>
      {offered.length > 0 && (
        <>
          <datalist id={listId}>
            {offered.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <div className="scope-offered" role="group" aria-label="Scopes the identity server lists">
            <span className="hint">The identity server also lists:</span>
            {offered.map((s) => (
              <button
                key={s}
                type="button"
                className="scope-suggestion mono"
                title={`Add ${s}`}
                onClick={() => onAdd([s])}
              >
                <span aria-hidden="true">+ </span>
                {s}
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** A warning, never a block: chosen scopes the server's discovery document does not list (when it lists any). */
function UnlistedWarning({ listed, selected }: { listed: readonly string[] | null; selected: readonly string[] }) {
  const unlisted = listed ? selected.filter((s) => !listed.includes(s)) : [];
  return (
    <div aria-live="polite">
      {unlisted.length > 0 && (
        <p className="scope-warning">
          The identity server does not list {unlisted.length === 1 ? 'this scope' : 'these scopes'}:{' '}
          <span className="mono">{unlisted.join(', ')}</span>. It may refuse the sign-in because of{' '}
          {unlisted.length === 1 ? 'it' : 'them'}; you can still save, if you know the server accepts{' '}
          {unlisted.length === 1 ? 'it' : 'them'}.
        </p>
      )}
    </div>
  );
}

/** The authorise request's `prompt`: automatic unless the identity server needs a fixed value. */
export function PromptField({
  value,
  editable,
  source,
  onChange,
}: {
  value: PromptSetting | '';
  editable: boolean;
  source: EnvironmentDetails['source'];
  onChange: (value: PromptSetting | '') => void;
}) {
  const hint = editable
    ? 'Automatic asks for consent when the scopes include both openid and offline access (OpenID Connect needs it for a lasting refresh token), and sends no prompt otherwise. Choose another value only if the identity server needs it.'
    : fixedHint(source);
  return (
    <Field label="Prompt" hint={hint}>
      <select
        className="prompt-select"
        value={value}
        onChange={(e) => onChange(e.target.value as PromptSetting | '')}
        disabled={!editable}
      >
        <option value="">Automatic (recommended)</option>
        <option value="none">none: never show a page; fails if signing in is needed</option>
        <option value="consent">consent: always ask to allow access again</option>
        <option value="login">login: always ask to sign in again</option>
        <option value="select_account">select_account: ask which account to use</option>
      </select>
    </Field>
  );
}
