import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { EnvironmentDetails, EnvironmentInput, PromptSetting } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { Field } from '../../shared/field';
import { useAction } from '../../shared/use-action';
import { fixedHint } from './environment-words';
import { KNOWN_SCOPES, PromptField, ScopeFields } from './scope-fields';

interface Draft {
  name: string;
  issuer: string;
  apiBase: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  /** '' is automatic: the core decides (consent when asking for openid + offline access). */
  prompt: PromptSetting | '';
  /** '' is the default: 100, the Public API's limit. */
  readsPerMinute: string;
  /** '' is the default: 30 days for ApprovalMax's servers, unknown for others. */
  refreshTokenLifetimeDays: string;
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
  const [confirming, setConfirming] = useState(false);
  const save = useAction(bridge.environments.save);
  const remove = useAction(bridge.environments.remove);
  const busy = save.busy || remove.busy;
  const id = useId();
  const lockNote = lockReason(environment);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const result = await save.run(toInput(environment, draft, secret));
    if (!result.ok) return;
    setSecret('');
    onSaved(result.value);
  }
  async function confirmRemove(removing: EnvironmentDetails) {
    if (busy) return;
    const result = await remove.run({ id: removing.id });
    setConfirming(false);
    if (result.ok) onRemoved(removing.name);
  }

  return (
    <form
      className="form env-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      aria-describedby={lockNote ? id : undefined}
      noValidate
    >
      <FormTitle id={`${id}-title`} title={environment ? `Edit ${environment.name}` : 'Add an environment'} />
      {lockNote && (
        <p className="env-lock-note" id={id}>
          {lockNote}
        </p>
      )}
      <DraftFields
        draft={draft}
        source={environment?.source ?? 'user'}
        change={(change) => setDraft((d) => ({ ...d, ...change }))}
      />
      <SecretField stored={environment?.hasClientSecret ?? false} value={secret} onChange={setSecret} />
      <CallError error={save.error ?? remove.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {environment?.source === 'user' && (
          <button
            type="button"
            className="danger-outline push-right"
            onClick={() => setConfirming(true)}
            disabled={busy}
          >
            Remove environment
          </button>
        )}
      </div>
      {confirming && environment && (
        <ConfirmDialog
          title={`Remove ${environment.name}?`}
          confirm="Remove"
          cancel="Keep it"
          busy={remove.busy}
          busyLabel="Removing…"
          onConfirm={() => void confirmRemove(environment)}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Its settings and its Client Secret are deleted from this computer. You can add it again later with the
            details from the developer portal.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}

/** The form's heading takes focus when the form opens, so keyboard and screen-reader users start there. */
function FormTitle({ id, title }: { id: string; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h3 id={id} ref={ref} tabIndex={-1} className="env-form-title">
      {title}
    </h3>
  );
}

/** Names, addresses, Client ID, redirect URI, scopes and prompt: editable as far as the environment's source allows. */
function DraftFields({
  draft,
  source,
  change,
}: {
  draft: Draft;
  source: EnvironmentDetails['source'];
  change: (change: Partial<Draft>) => void;
}) {
  const addresses = { editable: source === 'user', source };
  const credentials = { editable: source !== 'admin', source };
  return (
    <>
      <div className="field-row even">
        <DraftInput
          {...addresses}
          label="Name"
          hint="How this environment is listed in the app, e.g. “Local test server”."
          value={draft.name}
          onChange={(name) => change({ name })}
        />
        <DraftInput
          {...credentials}
          label="Client ID"
          hint="32 characters, from your application in the ApprovalMax developer portal."
          mono
          value={draft.clientId}
          onChange={(clientId) => change({ clientId })}
        />
      </div>
      <div className="field-row even">
        <DraftInput
          {...addresses}
          label="Identity server address"
          hint="Where people sign in. It must start with https:// (http:// only for a server on this computer)."
          type="url"
          mono
          value={draft.issuer}
          onChange={(issuer) => change({ issuer })}
        />
        <DraftInput
          {...addresses}
          label="API address"
          hint="Where the app sends Public API requests. It must start with https:// (http:// only for a server on this computer)."
          type="url"
          mono
          value={draft.apiBase}
          onChange={(apiBase) => change({ apiBase })}
        />
      </div>
      <DraftInput
        {...credentials}
        label="Redirect URI"
        hint="The https address registered for your application in the developer portal, exactly as written there."
        type="url"
        mono
        value={draft.redirectUri}
        onChange={(redirectUri) => change({ redirectUri })}
      />
      <ScopeFields
        selected={draft.scopes}
        issuer={draft.issuer}
        disabled={!credentials.editable}
        source={source}
        onChange={(scopes) => change({ scopes })}
      />
      <PromptField
        value={draft.prompt}
        editable={credentials.editable}
        source={source}
        onChange={(prompt) => change({ prompt })}
      />
      <DraftInput
        {...credentials}
        label="Browse API data: reads per minute"
        hint="Browse API data reads at most this many pages a minute per organisation, and waits rather than exceed it. Leave empty for 100, the Public API's limit."
        inputMode="numeric"
        value={draft.readsPerMinute}
        onChange={(readsPerMinute) => change({ readsPerMinute })}
      />
      <DraftInput
        {...credentials}
        label="Refresh-token lifetime (days)"
        hint="How long a connection stays alive without this app renewing it; the cards say until when, and warn 5 days before. Leave empty for 30 days on ApprovalMax's servers (for other servers nothing is shown unless you set it)."
        inputMode="decimal"
        value={draft.refreshTokenLifetimeDays}
        onChange={(refreshTokenLifetimeDays) => change({ refreshTokenLifetimeDays })}
      />
    </>
  );
}

interface DraftInputProps {
  label: string;
  /** Shown while the field is editable; a fixed field says who sets it instead. */
  hint: string;
  editable: boolean;
  source: EnvironmentDetails['source'];
  type?: 'text' | 'url';
  /** Addresses and IDs: monospaced, no spell checking. */
  mono?: boolean;
  inputMode?: 'numeric' | 'decimal';
  value: string;
  onChange: (value: string) => void;
}

function DraftInput({
  label,
  hint,
  editable,
  source,
  type = 'text',
  mono = false,
  inputMode,
  value,
  onChange,
}: DraftInputProps) {
  return (
    <Field label={label} hint={editable ? hint : fixedHint(source)}>
      <input
        type={type}
        inputMode={inputMode}
        className={mono ? 'mono' : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={!editable}
        autoComplete="off"
        spellCheck={mono ? false : undefined}
      />
    </Field>
  );
}

/** The Client Secret goes in, never out: a stored one is only announced, and replacing starts from empty. */
function SecretField({
  stored,
  value,
  onChange,
}: {
  stored: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
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
        <input
          ref={inputRef}
          type="password"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      {stored && (
        <button type="button" className="link-button" onClick={() => (onChange(''), setReplacing(false))}>
          Keep the stored secret
        </button>
      )}
    </div>
  );
}

function initialDraft(env: EnvironmentDetails | null): Draft {
  if (!env)
    return {
      name: '',
      issuer: '',
      apiBase: '',
      clientId: '',
      redirectUri: '',
      scopes: KNOWN_SCOPES.map((s) => s.value),
      prompt: '',
      readsPerMinute: '',
      refreshTokenLifetimeDays: '',
    };
  return {
    name: env.name,
    issuer: env.issuer,
    apiBase: env.apiBase,
    clientId: env.clientId,
    redirectUri: env.redirectUri,
    scopes: [...env.scopes],
    prompt: env.prompt ?? '',
    readsPerMinute: env.readsPerMinute !== undefined ? String(env.readsPerMinute) : '',
    refreshTokenLifetimeDays: env.refreshTokenLifetimeDays !== undefined ? String(env.refreshTokenLifetimeDays) : '',
  };
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
    ...(draft.prompt ? { prompt: draft.prompt } : {}),
    ...(draft.readsPerMinute.trim() ? { readsPerMinute: Number(draft.readsPerMinute.trim()) } : {}),
    ...(draft.refreshTokenLifetimeDays.trim()
      ? { refreshTokenLifetimeDays: Number(draft.refreshTokenLifetimeDays.trim()) }
      : {}),
  };
  return secret.trim() ? { ...input, clientSecret: secret.trim() } : input;
}

function lockReason(env: EnvironmentDetails | null): string | null {
  if (env?.source === 'preset')
    return `${env.name} is built into the app, so its name and server addresses cannot be changed. You can set its Client ID, redirect URI, permissions and Client Secret.`;
  if (env?.source === 'admin')
    return `Your IT team set up ${env.name}, so only they can change its settings. You can still set or replace its Client Secret here.`;
  return null;
}
