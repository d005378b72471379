import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../preload/contract';
import { ACTIVITY_LIMIT, ActivityLog } from '../../../main/core/activity/activity-log';
import { EventHub } from '../../../main/core/events';
import { MemoryLogger } from '../core/fakes';

const entry = (i: number, extra: Partial<ActivityEntry> = {}): ActivityEntry => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  kind: 'ping',
  summary: `entry ${i}`,
  tone: 'good',
  ...extra,
});
const open = (dir: string, events = new EventHub()) =>
  ActivityLog.open(dir, events, () => Date.now(), new MemoryLogger());
const fresh = () => mkdtempSync(path.join(os.tmpdir(), 'amc-activity-'));

describe('activity timeline', () => {
  it(`keeps the newest ${ACTIVITY_LIMIT}, dropping the oldest, across a restart`, async () => {
    const dir = fresh();
    const { log } = await open(dir);
    for (let i = 0; i < ACTIVITY_LIMIT + 5; i++) log.record(entry(i));
    await log.flush();
    const reopened = (await open(dir)).log;
    const list = reopened.list();
    expect(list).toHaveLength(ACTIVITY_LIMIT);
    expect(list[0]?.summary).toBe(`entry ${ACTIVITY_LIMIT + 4}`);
    expect(list.at(-1)?.summary).toBe('entry 5');
  });

  it('filters by connection and by kind', async () => {
    const { log } = await open(fresh());
    log.record(entry(1, { kind: 'connect', connectionId: 'a', connectionLabel: 'A' }));
    log.record(entry(2, { kind: 'refresh', connectionId: 'a', connectionLabel: 'A' }));
    log.record(entry(3, { kind: 'refresh', connectionId: 'b', connectionLabel: 'B' }));
    log.record(entry(4, { kind: 'ping' }));
    expect(log.list({ connectionId: 'a' }).map((e) => e.summary)).toEqual(['entry 2', 'entry 1']);
    expect(log.list({ kind: 'refresh' }).map((e) => e.summary)).toEqual(['entry 3', 'entry 2']);
    expect(log.list({ connectionId: 'b', kind: 'connect' })).toEqual([]);
    expect(log.list()).toHaveLength(4);
  });

  it('redacts anything token-shaped before keeping or sending it', async () => {
    const dir = fresh();
    const events = new EventHub();
    const sent: unknown[] = [];
    events.subscribe((channel, payload) => void sent.push([channel, payload]));
    const { log } = await open(dir, events);
    log.record(
      entry(1, { summary: 'Failed https://x.test/cb?code=abc123&state=xyz with eyJhbGciOiJI.eyJzdWIiOjF9.sig' }),
    );
    await log.flush();
    const file = readFileSync(path.join(dir, 'activity.json'), 'utf8');
    for (const text of [file, JSON.stringify(sent)]) {
      expect(text).not.toMatch(/abc123|xyz|eyJhbGciOiJI/);
      expect(text).toContain('code=[redacted]');
    }
  });

  it('recording keeps the entry and pushes it to the renderer once', async () => {
    const events = new EventHub();
    const seen: string[] = [];
    events.subscribe((channel) => void seen.push(channel));
    const { log } = await open(fresh(), events);
    log.record(entry(1));
    expect(seen).toEqual(['activity:added']);
    expect(log.list()).toHaveLength(1);
  });

  it('starts empty without an unreadable activity.json (a folder in its place), names it, and skips every write with a warning', async () => {
    const dir = fresh();
    const file = path.join(dir, 'activity.json');
    mkdirSync(file);
    writeFileSync(path.join(file, 'inside'), 'kept');
    const logger = new MemoryLogger();
    const { log, notices } = await ActivityLog.open(dir, new EventHub(), () => Date.now(), logger);
    expect(notices).toEqual([
      `The activity timeline (${file}) could not be read because a folder stands where the file should be. The app started without that file and changed nothing in it. ` +
        `The timeline shows only what happens from now on, and it is not saved. Check the file's permissions or close the program holding it, then restart the app.`,
    ]);
    log.record(entry(1));
    await log.flush();
    log.record(entry(2));
    await log.flush();
    expect(log.list().map((e) => e.summary)).toEqual(['entry 2', 'entry 1']);
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([
      expect.objectContaining({ fields: { code: 'UNREADABLE_AT_START' } }),
      expect.objectContaining({ fields: { code: 'UNREADABLE_AT_START' } }),
    ]);
    expect(readdirSync(dir)).toEqual(['activity.json']);
    expect(readdirSync(file)).toEqual(['inside']);
    expect(readFileSync(path.join(file, 'inside'), 'utf8')).toBe('kept');
  });
});
