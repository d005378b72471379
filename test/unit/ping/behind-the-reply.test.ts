// The ping's bookkeeping happens behind the reply: the history and the timeline are written on a
// later turn, a burst in one write, and both are on disk after flush() (a quit).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActivityLog } from '../../../main/core/activity/activity-log';
import { EventHub } from '../../../main/core/events';
import { nodeFetchTransport } from '../../../main/core/http/node-fetch-transport';
import { PingHistory } from '../../../main/core/ping/ping-history';
import type { PingReport } from '../../../preload/contract';
import { MemoryLogger } from '../core/fakes';

/** A minimal report of one ping to the pasted-token history, with the given body. */
function report(
  id: string,
  target: PingReport['target'] = { kind: 'pasted' },
  body = '{"message":"pong"}',
): PingReport {
  return {
    id,
    environmentId: 'sandbox',
    environmentName: 'Local simulator',
    target,
    path: '/ping',
    startedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    elapsedMs: 5,
    verdict: {
      outcome: 'success',
      tone: 'good',
      headline: 'ApprovalMax is reachable and accepted the token.',
      explanation: 'x',
      nextStep: 'y',
    },
    problem: null,
    clockSkew: null,
    timings: { totalMs: 5, transport: 'test', phases: [], note: null },
    curl: 'curl …',
    request: { method: 'GET', url: 'http://127.0.0.1:4011/ping', headers: [['Authorization', 'Bearer eyJhbG…dXJl']] },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [['content-type', 'application/json']],
      body,
      bodyTruncated: false,
    },
  };
}

const fresh = () => mkdtempSync(path.join(os.tmpdir(), 'amc-behind-'));
const readJson = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, { id?: string; summary?: string }[]>;

describe('ping history behind the reply', () => {
  it('adding touches no disk in the same turn; a burst is saved together, newest first, and flush() waits for it', async () => {
    const dir = fresh();
    const file = path.join(dir, 'ping-history.json');
    const { history } = await PingHistory.open(dir, () => Date.now(), new MemoryLogger());
    for (const id of ['a', 'b', 'c']) void history.add(report(id));
    expect(existsSync(file)).toBe(false);
    expect(history.list().map((i) => i.id)).toEqual(['c', 'b', 'a']);
    await history.flush();
    expect(readJson(file).pings!.map((p) => p.id)).toEqual(['c', 'b', 'a']);
  });

  it('is readable at once, redacted and deduplicated, before anything is written', async () => {
    const { history } = await PingHistory.open(fresh(), () => Date.now(), new MemoryLogger());
    const jwt = 'eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    void history.add(report('a', { kind: 'pasted' }, `{"echo":"${jwt}"}`));
    void history.add(report('a', { kind: 'pasted' }, '{"second":true}'));
    expect(history.list().map((i) => i.id)).toEqual(['a']);
    expect(history.get('a')?.response?.body).toBe('{"second":true}');
    void history.add(report('b', { kind: 'pasted' }, `{"echo":"${jwt}"}`));
    expect(history.latest(1)[0]?.response?.body).not.toContain(jwt);
    await history.flush();
  });
});

describe('activity timeline behind the change', () => {
  it('records and tells the renderer at once, writes on a later turn, a burst in one file, and flush() waits for it', async () => {
    const dir = fresh();
    const file = path.join(dir, 'activity.json');
    const events = new EventHub();
    const seen: string[] = [];
    events.subscribe((channel) => void seen.push(channel));
    const { log } = await ActivityLog.open(dir, events, () => Date.now(), new MemoryLogger());
    for (let i = 0; i < 3; i++)
      log.record({
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        kind: 'ping',
        summary: `entry ${i}`,
        tone: 'good',
      });
    expect(seen).toEqual(['activity:added', 'activity:added', 'activity:added']);
    expect(log.list().map((e) => e.summary)).toEqual(['entry 2', 'entry 1', 'entry 0']);
    expect(existsSync(file)).toBe(false);
    await log.flush();
    expect(readJson(file).entries!.map((e) => e.summary)).toEqual(['entry 2', 'entry 1', 'entry 0']);
  });
});

describe("Node's fetch transport timings", () => {
  it('gives the phases of the request it just made, never an earlier request to the same address', async () => {
    const server = createServer((_req, res) => res.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping?t=${Date.now()}`;
    try {
      await (await fetch(url)).text(); // an earlier request to the same address, with its own entry
      const real = nodeFetchTransport();
      await (await real(url, {})).text();
      expect(await real.timings?.(url)).toMatchObject({
        firstByteMs: expect.any(Number),
        downloadMs: expect.any(Number),
      });
      // A transport whose request leaves no entry (here: answered without the network) gets none, not the older one.
      const offline = nodeFetchTransport(async () => new Response('pong'));
      await (await offline(url, {})).text();
      expect(await offline.timings?.(url)).toBeNull();
    } finally {
      server.close();
    }
  });
});
