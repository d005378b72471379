// How long a new refresh token is at risk: from the moment the token answer has been read to the moment
// the refresh token is in the keychain (issue 15, item 4). 40 connections fall due at once, 5 times,
// through the whole core against the bench simulator; the keychain is the real ChunkedSecretStore over
// an in-memory keychain whose every call takes 1 ms (no OS keychain: its speed varies by machine and
// desktop session), after one warm-up storm. The kill test over dense kill times is test/unit/faults/refresh-kill-times.test.ts.
import { percentile, runStorm } from '../../test/unit/faults/durability';
import type { Figure } from './common';
import type { BenchSimulator } from './simulator';

const CONNECTIONS = 40;
const ROUNDS = 5;
const LATENCY_MS = 1;

export async function refreshDurability(sim: BenchSimulator): Promise<Figure[]> {
  const windows: number[] = [];
  const handedOver: number[] = [];
  let callsBefore = 0;
  const tokens = sim.tokens.slice(0, CONNECTIONS).map((t) => ({ ...t, ageMs: 3_600_001 }));
  await runStorm(sim, tokens, { latencyMs: LATENCY_MS, killAfterMs: null }); // warm-up: the first storm also compiles the code it runs
  for (let round = 0; round < ROUNDS; round++) {
    const { record } = await runStorm(sim, tokens, { latencyMs: LATENCY_MS, killAfterMs: null });
    windows.push(...record.windows());
    handedOver.push(...record.issueDelays());
    callsBefore = Math.max(callsBefore, ...record.callsBefore.values());
  }
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  return [
    {
      kind: 'budget',
      name: 'refresh durability: keychain calls between a token answer and its refresh token write',
      value: callsBefore,
      unit: 'calls',
      target: 0,
      compare: '=',
      note: `most over ${windows.length} refreshes; before issue 15 it was 3 (the store read its entry and probed two chunk slots first)`,
    },
    {
      kind: 'info',
      name: 'refresh durability: token answer read → refresh token in the keychain, p99',
      value: percentile(windows, 99),
      unit: 'ms',
      note:
        `${windows.length} refreshes (${CONNECTIONS} due at once × ${ROUNDS}); p50 ${ms(percentile(windows, 50))}, max ${ms(Math.max(...windows))}; ` +
        `answer → write handed to the keychain p99 ${ms(percentile(handedOver, 99))}; in-memory keychain, ${LATENCY_MS} ms a call, under the real ChunkedSecretStore; ` +
        'its calls complete on the event loop, so a busy loop delays them too (an OS keychain works on its own)',
    },
  ];
}
