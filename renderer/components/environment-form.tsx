import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { EnvironmentDetails, EnvironmentInput } from '../../preload/contract';
import { bridge, call } from '../bridge';
import { Field } from './field';

/** The scopes ApprovalMax offers, named the way a non-technical user thinks of them. */
const KNOWN_SCOPES: readonly { value: string; label: string }[] = [
  { value: 'https://www.approvalmax.com/scopes/public_api/read', label: 'Read data' },
  { value: 'https://www.approvalmax.com/scopes/public_api/write', label: 'Create and change data' },
  { value: 'offline_access', label: 'Stay connected (refresh token)' },
];

interface Draft {
  name: string;
  issuer: string;
  apiBase: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
}

interface FormProps {
  /** The environment to edit, or null to add a new one. */
  environment: EnvironmentDetails | null;
  onSaved: (saved: EnvironmentDetails) => void;
  onRemoved: (name: string) => void;
  onCancel: () => void;
}

/** Adds or edits one environment; only what its source allows is editable, and the secret is write-only. */
export function EnvironmentForm({ environment, onSaved, onRemoved, onCancel }: FormProps) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(environment));
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const lockId = useId();
  const source = environment?.source ?? 'user';
  const canEditAddresses = source === 'user';
  const canEditCredentials = source !== 'admin';
  const set = (field: keyof Omit<Draft, 'scopes'>) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  useEffect(() => titleRef.current?.focus(), []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await call(bridge.environments.save(toInput(environment, draft, secret)));
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setSecret('');
    onSaved(result.value);
  }

  async function remove() {
    if (!environment || busy) return;
    setBusy(true);
    const result = await call(bridge.environments.remove({ id: environment.id }));
    setBusy(false);
    setConfirming(false);
    if (result.ok) onRemoved(environment.name);
    else setError(result.error.message);
  }

  const title = environment ? `Edit ${environment.name}` : 'Add an environment';
  const lockNote = lockReason(environment);
  return (
    <form className="form env-form" onSubmit={save} aria-labelledby={`${lockId}-title`} aria-describedby={lockNote ? lockId : undefined} noValidate>
      <h3 id={`${lockId}-title`} ref={titleRef} tabIndex={-1} className="env-form-title">
        {title}
      </h3>
      {lockNote && (
        <p className="env-lock-note" id={lockId}>
          {lockNote}
        </p>
      )}
      <div className="field-row even">
        <Field label="Name" hint={canEditAddresses ? 'How this environment is listed in the app, e.g. “Local test server”.' : fixedHint(source)}>
          <input type="text" value={draft.name} onChange={(e) => set('name')(e.target.value)} disabled={!canEditAddresses} autoComplete="off" />
        </Field>
        <Field label="Client ID" hint={canEditCredentials ? '32 characters, from your application in the ApprovalMax developer portal.' : fixedHint(source)}>
          <input type="text" className="mono" value={draft.clientId} onChange={(e) => set('clientId')(e.target.value)} disabled={!canEditCredentials} autoComplete="off" spellCheck={false} />
        </Field>
      </div>
      <div className="field-row even">
        <Field label="Identity server address" hint={canEditAddresses ? 'Where people sign in. It must start with https:// (http:// only for a server on this computer).' : fixedHint(source)}>
          <input type="url" className="mono" value={draft.issuer} onChange={(e) => set('issuer')(e.target.value)} disabled={!canEditAddresses} autoComplete="off" spellCheck={false} />
        </Field>
        <Field label="API address" hint={canEditAddresses ? 'Where the app sends Public API requests. It must start with https:// (http:// only for a server on this computer).' : fixedHint(source)}>
          <input type="url" className="mono" value={draft.apiBase} onChange={(e) => set('apiBase')(e.target.value)} disabled={!canEditAddresses} autoComplete="off" spellCheck={false} />
        </Field>
      </div>
      <Field label="Redirect URI" hint={canEditCredentials ? 'The https address registered for your application in the developer portal, exactly as written there.' : fixedHint(source)}>
        <input type="url" className="mono" value={draft.redirectUri} onChange={(e) => set('redirectUri')(e.target.value)} disabled={!canEditCredentials} autoComplete="off" spellCheck={false} />
      </Field>
      <ScopeChoices selected={draft.scopes} disabled={!canEditCredentials} source={source} onChange={(scopes) => setDraft((d) => ({ ...d, scopes }))} />
      <SecretField stored={environment?.hasClientSecret ?? false} value={secret} onChange={setSecret} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {environment?.source === 'user' && (
          <button type="button" className="danger-outline push-right" onClick={() => setConfirming(true)} disabled={busy}>
            Remove environment
          </button>
        )}
      </div>
      {environment?.source === 'user' && <RemoveDialog name={environment.name} open={confirming} busy={busy} onConfirm={remove} onKeep={() => setConfirming(false)} />}
    </form>
  );
}

/** Ticks for each scope, the plain name as the label and the raw scope as its description. */
function ScopeChoices({ selected, disabled, source, onChange }: { selected: readonly string[]; disabled: boolean; source: EnvironmentDetails['source']; onChange: (scopes: string[]) => void }) {
  const id = useId();
  const extra = selected.filter((s) => !KNOWN_SCOPES.some((k) => k.value === s)).map((value) => ({ value, label: value }));
  const options = [...KNOWN_SCOPES, ...extra];
  const toggle = (value: string, on: boolean) => onChange(options.map((o) => o.value).filter((v) => (v === value ? on : selected.includes(v))));
  return (
    <fieldset className="field scopes" disabled={disabled} aria-describedby={`${id}-hint`}>
      <legend className="label">Permissions to ask for</legend>
      <span className="hint" id={`${id}-hint`}>
        {disabled ? fixedHint(source) : 'What the app asks ApprovalMax to allow when someone connects an organisation.'}
      </span>
      {options.map((option, index) => (
        <label key={option.value} className="check" title={option.value}>
          <input type="checkbox" checked={selected.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} aria-describedby={`${id}-scope-${index}`} />
          <span>
            {option.label}
            <span className="hint mono scope-raw" id={`${id}-scope-${index}`}>
              {option.value}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The Client Secret goes in, never out: a stored one is only announced, and replacing starts from empty. */
function SecretField({ stored, value, onChange }: { stored: boolean; value: string; onChange: (value: string) => void }) {
  const [replacing, setReplacing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const labelId = useId();

  useEffect(() => {
    if (replacing) inputRef.current?.focus();
  }, [replacing]);

  if (stored && !replacing) {
    return (
      <div className="field" role="group" aria-labelledby={labelId}>
        <span className="label" id={labelId}>
          Client Secret
        </span>
        <div className="secret-stored">
          <span>A Client Secret is stored in the keychain.</span>
          <button type="button" onClick={() => setReplacing(true)}>
            Replace secret
          </button>
        </div>
      </div>
    );
  }
  const hint = stored
    ? 'Paste the new secret. It replaces the stored one when you save, and is never shown again.'
    : 'Shown only once in the developer portal. It goes straight into this computer’s keychain and is never shown again. Leave it empty if your application has no secret.';
  return (
    <div className="secret-entry">
      <Field label={stored ? 'New Client Secret' : 'Client Secret'} hint={hint}>
        <input ref={inputRef} type="password" value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" spellCheck={false} />
      </Field>
      {stored && (
        <button type="button" className="link-button" onClick={() => (onChange(''), setReplacing(false))}>
          Keep the stored secret
        </button>
      )}
    </div>
  );
}

/** A native modal dialog, so focus is trapped and Escape means "keep it". */
function RemoveDialog({ name, open, busy, onConfirm, onKeep }: { name: string; open: boolean; busy: boolean; onConfirm: () => void; onKeep: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      keepRef.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={onKeep}>
      <h2 id={`${id}-title`}>Remove {name}?</h2>
      <p id={`${id}-text`}>Its settings and its Client Secret are deleted from this computer. You can add it again later with the details from the developer portal.</p>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
          {busy ? 'Removing…' : 'Remove'}
        </button>
        <button type="button" ref={keepRef} onClick={onKeep} disabled={busy}>
          Keep it
        </button>
      </div>
    </dialog>
  );
}

function initialDraft(env: EnvironmentDetails | null): Draft {
  if (!env) return { name: '', issuer: '', apiBase: '', clientId: '', redirectUri: '', scopes: KNOWN_SCOPES.map((s) => s.value) };
  return { name: env.name, issuer: env.issuer, apiBase: env.apiBase, clientId: env.clientId, redirectUri: env.redirectUri, scopes: [...env.scopes] };
}

/** What the bridge gets: trimmed text, and the secret only when one was typed (omitted keeps the stored one). */
function toInput(env: EnvironmentDetails | null, draft: Draft, secret: string): EnvironmentInput {
  const input: EnvironmentInput = {
    ...(env ? { id: env.id } : {}),
    name: draft.name.trim(),
    issuer: draft.issuer.trim(),
    apiBase: draft.apiBase.trim(),
    clientId: draft.clientId.trim(),
    redirectUri: draft.redirectUri.trim(),
    scopes: draft.scopes,
  };
  return secret.trim() ? { ...input, clientSecret: secret.trim() } : input;
}

function lockReason(env: EnvironmentDetails | null): string | null {
  if (env?.source === 'preset') return `${env.name} is built into the app, so its name and server addresses cannot be changed. You can set its Client ID, redirect URI, permissions and Client Secret.`;
  if (env?.source === 'admin') return `Your IT team set up ${env.name}, so only they can change its settings. You can still set or replace its Client Secret here.`;
  return null;
}

function fixedHint(source: EnvironmentDetails['source']): string {
  return source === 'preset' ? 'Fixed for the built-in environment.' : 'Set by your IT team; ask them to change it.';
}
