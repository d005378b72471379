import { describe, expect, it } from 'vitest';
import type { ProxyChallenge } from '../../../main/core/proxy/proxy-credentials';
import { proxyLoginAnswerer } from '../../../main/core/proxy/proxy-login-answer';

const INFO = { host: 'proxy.corp', port: 3128, realm: 'CORP', scheme: 'basic' };
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('answering a proxy login for an Electron adapter', () => {
  it('marks a second login from the same asker for the same proxy as a retry, and no other', async () => {
    const asked: ProxyChallenge[] = [];
    const answer = proxyLoginAnswerer(async (c) => (asked.push(c), { username: 'ann', password: 'pw' }));
    const [windowA, windowB] = [{}, {}];
    const calls: unknown[][] = [];
    const callback = (...args: unknown[]) => void calls.push(args);
    answer(windowA, INFO, callback);
    answer(windowA, INFO, callback);
    answer(windowA, { ...INFO, port: 8080 }, callback);
    answer(windowB, INFO, callback);
    await tick();
    expect(asked.map((c) => c.retry)).toEqual([false, true, false, false]);
    expect(asked[0]).toEqual({ ...INFO, retry: false });
    expect(calls).toEqual(Array(4).fill(['ann', 'pw']));
  });

  it('cancels when the user cancels or asking fails', async () => {
    const calls: unknown[][] = [];
    proxyLoginAnswerer(async () => null)({}, INFO, (...args) => void calls.push(args));
    proxyLoginAnswerer(async () => Promise.reject(new Error('no window')))(
      {},
      INFO,
      (...args) => void calls.push(args),
    );
    await tick();
    expect(calls).toEqual([[], []]);
  });
});
