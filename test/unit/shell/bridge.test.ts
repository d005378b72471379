import { describe, expect, it } from 'vitest';
import { createBridge } from '../../../preload/bridge';

describe('createBridge', () => {
  it('maps each method to its contract channel and passes results through', async () => {
    const calls: [string, unknown][] = [];
    const bridge = createBridge(async (channel, arg) => (calls.push([channel, arg]), { ok: true, value: channel }), () => () => undefined);
    expect(await bridge.getAppInfo()).toEqual({ ok: true, value: 'app:info' });
    await bridge.listEnvironments();
    await bridge.ping({ environmentId: 'production', accessToken: 't', path: '/ping' });
    expect(calls).toEqual([
      ['app:info', undefined],
      ['environments:list', undefined],
      ['ping:send', { environmentId: 'production', accessToken: 't', path: '/ping' }],
    ]);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('subscribes to events and returns a working unsubscribe', () => {
    const listeners = new Set<(p: unknown) => void>();
    const bridge = createBridge(async () => null, (_channel, listener) => (listeners.add(listener), () => void listeners.delete(listener)));
    const seen: unknown[] = [];
    const off = bridge.on('activity:added', (entry) => seen.push(entry.summary));
    listeners.forEach((l) => l({ summary: 'one' }));
    off();
    listeners.forEach((l) => l({ summary: 'two' }));
    expect(seen).toEqual(['one']);
    expect(() => bridge.on('nope' as 'activity:added', () => undefined)).toThrow(/Unknown event channel/);
  });
});
