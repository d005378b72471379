import { useState } from 'react';
import type { ProxyAnswer, ProxyChallengeView } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { Field } from '../../shared/field';
import { Modal } from '../../shared/modal';
import { useAction } from '../../shared/use-action';
import { updateOn, useQuery } from '../../shared/use-query';

const added = (queue: ProxyChallengeView[] | null, items: readonly ProxyChallengeView[]) => {
  const current = queue ?? [];
  return [...current, ...items.filter((i) => !current.some((x) => x.id === i.id))];
};

/** Shows one dialog per proxy that asks for a user name and password, oldest first. */
export function ProxyDialogs() {
  const queue = useQuery(bridge.proxy.waiting, {
    refetchOn: [
      updateOn(
        (apply) => bridge.proxy.on('credentialsNeeded', apply),
        (q: ProxyChallengeView[] | null, view: ProxyChallengeView) => added(q, [view]),
      ),
    ],
  });
  const current = queue.data?.[0];
  if (!current) return null;
  return <ProxyDialog key={current.id} challenge={current} onDone={() => queue.update((q) => q?.slice(1) ?? [])} />;
}

function ProxyDialog({ challenge, onDone }: { challenge: ProxyChallengeView; onDone(): void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const send = useAction((answer: ProxyAnswer) => bridge.proxy.answer({ id: challenge.id, answer }));
  const answer = (login: boolean) =>
    void send.run(login ? { kind: 'login', username, password, remember } : { kind: 'cancel' }).then(onDone);
  const titleId = `proxy-title-${challenge.id}`;
  return (
    <Modal titleId={titleId} onCancel={() => answer(false)}>
      <form method="dialog" onSubmit={(e) => (e.preventDefault(), answer(true))}>
        <h2 id={titleId}>Your network's proxy asks you to sign in</h2>
        {challenge.refused && (
          <p className="notice" role="alert">
            The proxy did not accept that user name and password. Check them and try again.
          </p>
        )}
        <ProxyExplanation challenge={challenge} />
        <Field label="User name">
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            required
            data-autofocus
          />
        </Field>
        <Field label="Password">
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </Field>
        <label className="check">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember in this
          computer's keychain
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
    </Modal>
  );
}

function ProxyExplanation({ challenge }: { challenge: ProxyChallengeView }) {
  return (
    <p>
      ApprovalMax Connect reaches the internet through the proxy server{' '}
      <strong>
        {challenge.host}:{challenge.port}
      </strong>
      {challenge.realm ? ` (${challenge.realm})` : ''}, which wants a user name and password. These are usually your
      work account's; ask your IT team if you are not sure.
    </p>
  );
}
