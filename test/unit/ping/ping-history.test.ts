import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PingReport } from '../../../preload/contract';
import { HISTORY_PER_TARGET, PingHistory, STORED_BODY_CHARS } from '../../../main/core/ping/ping-history';
import { MemoryLogger } from '../core/fakes';

const JWT = 'eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

/** A minimal report of one ping, as the ping service makes them. */
export function report(
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

const open = (dir: string) => PingHistory.open(dir, () => Date.now(), new MemoryLogger());
const fresh = () => mkdtempSync(path.join(os.tmpdir(), 'amc-history-'));

describe('ping history', () => {
  it('keeps the last 50 per connection and 50 for pasted tokens, newest first', async () => {
    const dir = fresh();
    const { history } = await open(dir);
    const conn = { kind: 'connection', connectionId: 'c1', label: 'Org' } as const;
    for (let i = 0; i < 60; i++) await history.add(report(`p${i}`));
    for (let i = 0; i < 55; i++) await history.add(report(`c${i}`, conn));
    const items = history.list();
    expect(items.filter((i) => i.target.kind === 'pasted')).toHaveLength(HISTORY_PER_TARGET);
    expect(items.filter((i) => i.target.kind === 'connection')).toHaveLength(HISTORY_PER_TARGET);
    expect(items[0]?.id).toBe('c54');
    expect(history.get('p9')).toBeUndefined();
    expect(history.get('p10')).toBeDefined();
  });

  it('survives a restart, and clearing empties it on disk too', async () => {
    const dir = fresh();
    await (await open(dir)).history.add(report('a'));
    const reopened = (await open(dir)).history;
    expect(reopened.list().map((i) => i.id)).toEqual(['a']);
    expect(reopened.get('a')?.response?.body).toBe('{"message":"pong"}');
    await reopened.clear();
    expect((await open(dir)).history.list()).toEqual([]);
  });

  it('never writes a token-shaped string, and cuts stored bodies', async () => {
    const dir = fresh();
    const { history } = await open(dir);
    await history.add(
      report('a', { kind: 'pasted' }, JSON.stringify({ echo: JWT, pad: 'x'.repeat(STORED_BODY_CHARS) })),
    );
    const file = readFileSync(path.join(dir, 'ping-history.json'), 'utf8');
    expect(file).not.toContain(JWT);
    expect(history.get('a')?.response?.bodyTruncated).toBe(true);
    expect(history.get('a')?.response?.body.length).toBeLessThanOrEqual(STORED_BODY_CHARS + 20);
  });

  it('keeps a damaged file aside and says so', async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'ping-history.json'), '{ nope');
    const { history, notices } = await open(dir);
    expect(history.list()).toEqual([]);
    expect(notices[0]).toMatch(/ping history could not be read because it is not valid JSON/);
  });

  it('starts empty without an unreadable ping-history.json (a folder in its place), names it, and skips every write with a warning', async () => {
    const dir = fresh();
    const file = path.join(dir, 'ping-history.json');
    mkdirSync(file);
    writeFileSync(path.join(file, 'inside'), 'kept');
    const logger = new MemoryLogger();
    const { history, notices } = await PingHistory.open(dir, () => Date.now(), logger);
    expect(notices).toEqual([
      `The ping history (${file}) could not be read because a folder stands where the file should be. The app started without that file and changed nothing in it. ` +
        `Pings from now on are listed but not saved. Check the file's permissions or close the program holding it, then restart the app.`,
    ]);
    await history.add(report('a'));
    await history.clear();
    await history.add(report('b'));
    expect(history.list().map((i) => i.id)).toEqual(['b']);
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(3);
    expect(logger.lines.every((l) => l.level !== 'warn' || l.fields?.code === 'UNREADABLE_AT_START')).toBe(true);
    expect(readdirSync(dir)).toEqual(['ping-history.json']);
    expect(readdirSync(file)).toEqual(['inside']);
    expect(readFileSync(path.join(file, 'inside'), 'utf8')).toBe('kept');
  });
});
