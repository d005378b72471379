import { useEffect, useRef, useState } from 'react';
import type { ProxyChallengeView } from '../../preload/contract';
import { bridge, call } from '../bridge';
import { Field } from './field';

/** Shows one dialog per proxy that asks for a user name and password, oldest first. */
export function ProxyDialogs() {
  const [queue, setQueue] = useState<ProxyChallengeView[]>([]);
  useEffect(() => {
    const add = (items: ProxyChallengeView[]) => setQueue((q) => [...q, ...items.filter((i) => !q.some((x) => x.id === i.id))]);
    void call(bridge.proxy.waiting()).then((r) => r.ok && add(r.value));
    return bridge.proxy.on('credentialsNeeded', (view) => add([view]));
  }, []);
  const current = queue[0];
  if (!current) return null;
  return <ProxyDialog key={current.id} challenge={current} onDone={() => setQueue((q) => q.slice(1))} />;
}

function ProxyDialog({ challenge, onDone }: { challenge: ProxyChallengeView; onDone(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  const answer = (login: boolean) => {
    const reply = login ? ({ kind: 'login', username, password, remember } as const) : ({ kind: 'cancel' } as const);
    void call(bridge.proxy.answer({ id: challenge.id, answer: reply })).finally(onDone);
  };
  const where = `${challenge.host}:${challenge.port}`;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`proxy-title-${challenge.id}`} onCancel={(e) => (e.preventDefault(), answer(false))}>
      <form method="dialog" onSubmit={(e) => (e.preventDefault(), answer(true))}>
        <h2 id={`proxy-title-${challenge.id}`}>Your network's proxy asks you to sign in</h2>
        {challenge.refused && (
          <p className="notice" role="alert">
            The proxy did not accept that user name and password. Check them and try again.
          </p>
        )}
        <p>
          ApprovalMax Connect reaches the internet through the proxy server <strong>{where}</strong>
          {challenge.realm ? ` (${challenge.realm})` : ''}, which wants a user name and password. These are usually your work account's; ask your IT team if
          you are not sure.
        </p>
        <Field label="User name">
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required autoFocus />
        </Field>
        <Field label="Password">
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </Field>
        <label className="check">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember in this computer's keychain
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={!username}>
            Sign in to the proxy
          </button>
          <button type="button" onClick={() => answer(false)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
