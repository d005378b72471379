import { describe, expect, it } from 'vitest';
import { createBridge } from '../../../preload/bridge';
import { CONTRACT, EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../preload/contract';

describe('createBridge', () => {
  it('has one method per call in the contract, each reaching the channel of its feature and name', async () => {
    const calls: string[] = [];
    const bridge = createBridge(
      async (channel) => (calls.push(channel), { ok: true, value: channel }),
      () => () => undefined,
    );
    const expected: string[] = [];
    for (const [feature, contract] of Object.entries(CONTRACT)) {
      const methods = (bridge as unknown as Record<string, Record<string, (arg?: unknown) => Promise<unknown>>>)[
        feature
      ]!;
      for (const method of Object.keys(contract.calls)) {
        expect(await methods[method]!({})).toEqual({ ok: true, value: `${feature}:${method}` });
        expected.push(`${feature}:${method}`);
      }
      expect(
        Object.keys(methods)
          .filter((m) => m !== 'on')
          .sort(),
      ).toEqual(Object.keys(contract.calls).sort());
    }
    expect(calls).toEqual(expected);
    expect([...INVOKE_CHANNELS]).toEqual(expected);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.ping)).toBe(true);
  });

  it('passes the argument through unchanged', async () => {
    const calls: [string, unknown][] = [];
    const bridge = createBridge(
      async (channel, arg) => (calls.push([channel, arg]), { ok: true, value: null }),
      () => () => undefined,
    );
    await bridge.ping.send({ environmentId: 'production', accessToken: 't', path: '/ping' });
    await bridge.app.info();
    expect(calls).toEqual([
      ['ping:send', { environmentId: 'production', accessToken: 't', path: '/ping' }],
      ['app:info', undefined],
    ]);
  });

  it("subscribes to a feature's events and returns a working unsubscribe", () => {
    const listeners = new Map<string, Set<(p: unknown) => void>>();
    const bridge = createBridge(
      async () => null,
      (channel, listener) => {
        const set = listeners.get(channel) ?? new Set();
        listeners.set(channel, set.add(listener));
        return () => void set.delete(listener);
      },
    );
    const seen: unknown[] = [];
    const off = bridge.activity.on('added', (entry) => seen.push(entry.summary));
    listeners.get('activity:added')!.forEach((l) => l({ summary: 'one' }));
    off();
    listeners.get('activity:added')!.forEach((l) => l({ summary: 'two' }));
    expect(seen).toEqual(['one']);
    expect(() => bridge.activity.on('nope' as 'added', () => undefined)).toThrow(/Unknown event/);
    expect(EVENT_CHANNELS).toEqual([
      'app:noticesChanged',
      'proxy:credentialsNeeded',
      'connections:changed',
      'connections:signInProblem',
      'health:progress',
      'workbench:page',
      'workbench:progress',
      'activity:added',
    ]);
    expect('on' in bridge.ping).toBe(false);
  });
});
