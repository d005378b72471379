import { describe, expect, it } from 'vitest';
import type { ProxyChallengeView } from '../../../preload/contract';
import { EventHub } from '../../../main/core/events';
import { ProxyCredentials, type ProxyChallenge } from '../../../main/core/proxy/proxy-credentials';
import { MemoryLogger, MemorySecretStore } from './fakes';

const challenge = (overrides: Partial<ProxyChallenge> = {}): ProxyChallenge => ({
  host: 'proxy.corp',
  port: 8080,
  realm: 'CORP',
  scheme: 'basic',
  retry: false,
  ...overrides,
});

function setup(timeoutMs?: number) {
  const events = new EventHub();
  const asked: ProxyChallengeView[] = [];
  events.subscribe(
    (channel, payload) => channel === 'proxy:credentialsNeeded' && asked.push(payload as ProxyChallengeView),
  );
  const secrets = new MemorySecretStore();
  return { proxy: new ProxyCredentials(secrets, events, new MemoryLogger(), timeoutMs), asked, secrets };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ProxyCredentials', () => {
  it('asks once for many requests to the same proxy, then answers from memory without asking again', async () => {
    const { proxy, asked } = setup();
    const first = proxy.ask(challenge());
    const second = proxy.ask(challenge({ host: 'PROXY.corp' }));
    await tick();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ host: 'proxy.corp', port: 8080, realm: 'CORP', refused: false });
    expect(
      await proxy.answer(asked[0]!.id, { kind: 'login', username: 'ann', password: 'pw', remember: false }),
    ).toEqual({ ok: true, value: null });
    expect(await first).toEqual({ username: 'ann', password: 'pw' });
    expect(await second).toEqual({ username: 'ann', password: 'pw' });
    expect(await proxy.ask(challenge())).toEqual({ username: 'ann', password: 'pw' });
    expect(asked).toHaveLength(1);
  });

  it('a refused answer is forgotten and the user is asked again, told it was refused', async () => {
    const { proxy, asked, secrets } = setup();
    const first = proxy.ask(challenge());
    await tick();
    await proxy.answer(asked[0]!.id, { kind: 'login', username: 'ann', password: 'wrong', remember: true });
    await first;
    expect(await secrets.get('proxy:proxy.corp:8080')).toContain('wrong');
    const again = proxy.ask(challenge({ retry: true }));
    await tick();
    expect(asked).toHaveLength(2);
    expect(asked[1]!.refused).toBe(true);
    expect(await secrets.get('proxy:proxy.corp:8080')).toBeNull();
    await proxy.answer(asked[1]!.id, { kind: 'cancel' });
    expect(await again).toBeNull();
  });

  it('keeps the password in the keychain only when asked to, and uses it after a restart', async () => {
    const { proxy, asked, secrets } = setup();
    const p = proxy.ask(challenge());
    await tick();
    await proxy.answer(asked[0]!.id, { kind: 'login', username: 'ann', password: 'pw', remember: true });
    await p;
    const restarted = new ProxyCredentials(secrets, new EventHub(), new MemoryLogger());
    expect(await restarted.ask(challenge())).toEqual({ username: 'ann', password: 'pw' });

    const other = setup();
    const q = other.proxy.ask(challenge());
    await tick();
    await other.proxy.answer(other.asked[0]!.id, { kind: 'login', username: 'bob', password: 'pw2', remember: false });
    await q;
    expect(await other.secrets.get('proxy:proxy.corp:8080')).toBeNull();
  });

  it('cancels a prompt nobody answers, and refuses an answer to an unknown prompt in words', async () => {
    const { proxy, asked } = setup(20);
    expect(await proxy.ask(challenge())).toBeNull();
    expect(proxy.waiting()).toEqual([]);
    const late = await proxy.answer(asked[0]!.id, { kind: 'cancel' });
    expect(late).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
  });

  it('lists prompts still waiting, for a window that opens meanwhile', async () => {
    const { proxy } = setup();
    void proxy.ask(challenge());
    await tick();
    expect(proxy.waiting()).toEqual([expect.objectContaining({ host: 'proxy.corp', port: 8080 })]);
  });
});
