import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSuppressions, judge, scanElectron, type Finding } from '../../../scripts/security-scan.electron';
import { ROOT } from './ts-source';

// `npm run scan`'s Electron part: electronegativity really runs (offline, a few seconds) over the
// repository and over a fixture app whose every file breaks one rule of the scan.
const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'SANDBOX_JS_CHECK',
  file: 'main/electron/w.ts',
  line: 7,
  level: 'warning',
  message: 'Use sandbox',
  ...over,
});
const marker = (ids: string[], reason: string, line = 7) => ({ file: 'main/electron/w.ts', line, ids, reason });

describe('judge: every finding needs a suppression with a reason on its own line', () => {
  it('passes a finding suppressed with a reason, and keeps the reason', () => {
    const verdict = judge(
      [finding()],
      [marker(['SANDBOX_JS_CHECK'], 'set by mainWindowPreferences, tested exactly')],
      [],
    );
    expect(verdict).toEqual({
      failures: [],
      suppressed: [{ finding: finding(), reason: 'set by mainWindowPreferences, tested exactly' }],
    });
  });

  it.each([
    ['no suppression', [], /SANDBOX_JS_CHECK \(warning\): Use sandbox/],
    ['a suppression without a reason', [marker(['SANDBOX_JS_CHECK'], '')], /needs a written reason/],
    ['a reason of two words', [marker(['SANDBOX_JS_CHECK'], 'trust me')], /needs a written reason/],
    [
      'a suppression of another check',
      [marker(['NODE_INTEGRATION_JS_CHECK'], 'not the right check at all')],
      /Use sandbox/,
    ],
    [
      'a suppression on the line above',
      [marker(['SANDBOX_JS_CHECK'], 'set by the policy function', 6)],
      /suppresses nothing/,
    ],
    [
      'a class name instead of the check ID',
      [marker(['SandboxJSCheck'], 'set by the policy function')],
      /must name check IDs/,
    ],
    [
      'a file-wide suppression on line 1',
      [marker(['SANDBOX_JS_CHECK'], 'set by the policy function', 1)],
      /first line/,
    ],
  ])('fails on %s', (_, suppressions, message) => {
    expect(judge([finding()], suppressions, []).failures.join('\n')).toMatch(message);
  });

  it('fails on a suppression that suppresses nothing, and on a file it could not parse', () => {
    expect(judge([], [marker(['SANDBOX_JS_CHECK'], 'left over from an old window')], []).failures).toEqual([
      expect.stringMatching(/suppresses nothing; remove it/),
    ]);
    expect(judge([], [], [{ file: 'main/x.ts', message: 'Unexpected token' }]).failures).toEqual([
      expect.stringMatching(/main\/x.ts: could not be parsed/),
    ]);
  });

  it('reads markers in line and block comments, with the reason after " -- "', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-markers-'));
    writeFileSync(
      path.join(dir, 'a.ts'),
      'x();\nnew W(o); // eng-disable SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- set in policy -- see tests\nopen(u); /* eng-disable OPEN_EXTERNAL_JS_CHECK */\n',
    );
    expect(findSuppressions(dir, ['a.ts'])).toEqual([
      { file: 'a.ts', line: 2, ids: ['SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'], reason: 'set in policy -- see tests' },
      { file: 'a.ts', line: 3, ids: ['OPEN_EXTERNAL_JS_CHECK'], reason: '' },
    ]);
  });
});

describe('electronegativity, for real', () => {
  it('finds nothing unexplained in main/ and preload/, and writes SARIF with each justification', async () => {
    const sarif = path.join(mkdtempSync(path.join(os.tmpdir(), 'amc-sarif-')), 'scan.sarif');
    const verdict = await scanElectron(ROOT, ['main', 'preload'], sarif);
    expect(verdict.failures).toEqual([]);
    expect(verdict.files).toBeGreaterThan(50);
    // The window findings are the ones electronegativity cannot see through a function call: suppressed, with reasons.
    expect(verdict.suppressed.map((s) => `${s.finding.file} ${s.finding.ruleId}`)).toEqual(
      expect.arrayContaining([
        'main/electron/main-window.ts SANDBOX_JS_CHECK',
        'main/electron/auth-window.ts CONTEXT_ISOLATION_JS_CHECK',
      ]),
    );
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as {
      runs: { results: { suppressions?: { kind: string; justification: string }[] }[] }[];
    };
    const results = log.runs[0]!.results;
    expect(results.length).toBe(verdict.suppressed.length);
    for (const r of results)
      expect(r.suppressions).toEqual([{ kind: 'inSource', justification: expect.stringMatching(/\w+ \w+ \w+/) }]);
  }, 60_000);

  it('fails a fixture app on an insecure window, a marker without a reason and an unparsable file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-bad-app-'));
    mkdirSync(path.join(dir, 'main'));
    const window = (extra: string) =>
      `import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true } });${extra}\n`;
    writeFileSync(path.join(dir, 'main/open.ts'), window(''));
    writeFileSync(path.join(dir, 'main/lazy.ts'), window(' // eng-disable NODE_INTEGRATION_JS_CHECK'));
    writeFileSync(
      path.join(dir, 'main/ok.ts'),
      window(
        ' // eng-disable NODE_INTEGRATION_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- a fixture that is never run',
      ),
    );
    writeFileSync(path.join(dir, 'main/broken.ts'), 'export const = ;\n');
    const verdict = await scanElectron(dir, ['main'], path.join(dir, 'out.sarif'));
    const text = verdict.failures.join('\n');
    expect(text).toMatch(/main\/open.ts:2 NODE_INTEGRATION_JS_CHECK/);
    expect(text).toMatch(/main\/lazy.ts:2: eng-disable NODE_INTEGRATION_JS_CHECK needs a written reason/);
    expect(text).toMatch(/main\/broken.ts: could not be parsed/);
    expect(text).not.toMatch(/main\/ok.ts/);
    expect(
      verdict.suppressed.some(
        (s) => s.finding.file === 'main/ok.ts' && s.finding.ruleId === 'NODE_INTEGRATION_JS_CHECK',
      ),
    ).toBe(true);
  }, 60_000);
});
