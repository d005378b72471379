// The GitHub workflows are valid YAML and do what the release process promises: tests on every push
// (Linux, as .ci/run), and on a tag: build, e2e against real Electron, then sign and publish on macOS
// and Windows — with every secret read from `secrets.`, never written into the file.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRepoFile } from './builder-config';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  container?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const SECRET_NAME = /TOKEN|PASSWORD|SECRET|CSC_LINK|APPLE_ID|TEAM_ID|API_KEY/i;

/** Environment entries that look like secrets but are not read from `secrets.` (i.e. inlined). */
function inlinedSecrets(workflow: Workflow): string[] {
  const problems: string[] = [];
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    for (const step of job.steps) {
      for (const [key, value] of Object.entries(step.env ?? {})) {
        if (SECRET_NAME.test(key) && !/^\$\{\{\s*secrets\.[A-Z0-9_]+\s*\}\}$/.test(String(value))) problems.push(`${jobName}: ${key}`);
      }
    }
  }
  return problems;
}

const read = (file: string) => parse(readRepoFile(file)) as Workflow;
const indexOf = (steps: Step[], test: (s: Step) => boolean) => steps.findIndex(test);

describe('release workflow (.github/workflows/release.yml)', () => {
  const release = read('.github/workflows/release.yml');

  it('runs on version tags', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
  });

  it.each([
    ['macos-latest', ['--mac']],
    ['windows-latest', ['--win']],
  ])('a %s job installs, builds, runs the e2e specs on real Electron, then publishes', (runner, flags) => {
    const job = Object.values(release.jobs).find((j) => j['runs-on'] === runner);
    expect(job).toBeDefined();
    const steps = job?.steps ?? [];
    const checkout = indexOf(steps, (s) => s.uses?.startsWith('actions/checkout@') === true);
    const node = indexOf(steps, (s) => s.uses?.startsWith('actions/setup-node@') === true && String(s.with?.['node-version']) === '22');
    const install = indexOf(steps, (s) => s.run?.trim() === 'npm ci');
    const build = indexOf(steps, (s) => s.run?.trim() === 'npm run build');
    const electron = indexOf(steps, (s) => /require\('electron'\)|install-electron/.test(s.run ?? ''));
    const e2e = indexOf(steps, (s) => /playwright test|npm run test:e2e/.test(s.run ?? ''));
    const publish = indexOf(steps, (s) => /electron-builder/.test(s.run ?? '') && /--publish always/.test(s.run ?? ''));
    for (const index of [checkout, node, install, build, electron, e2e, publish]) expect(index).toBeGreaterThanOrEqual(0);
    expect([checkout, node, install, build, electron, e2e, publish]).toEqual([...[checkout, node, install, build, electron, e2e, publish]].sort((a, b) => a - b));
    for (const flag of flags) expect(steps[publish]?.run).toContain(flag);
    expect(steps[publish]?.run).toContain('forceCodeSigning=true'); // a release is never unsigned
    expect(steps[publish]?.env?.GH_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
  });

  it('signs and notarises the Mac build, and signs the Windows build, from secrets', () => {
    const env = (runner: string) => Object.values(release.jobs).find((j) => j['runs-on'] === runner)?.steps.find((s) => /--publish always/.test(s.run ?? ''))?.env ?? {};
    expect(Object.keys(env('macos-latest'))).toEqual(expect.arrayContaining(['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']));
    expect(Object.keys(env('windows-latest'))).toEqual(expect.arrayContaining(['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']));
  });

  it('reads every secret from `secrets.` and inlines none', () => {
    expect(inlinedSecrets(release)).toEqual([]);
  });

  it('names every secret it uses in the README', () => {
    const readme = readRepoFile('README.md');
    const names = [...readRepoFile('.github/workflows/release.yml').matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => name !== 'GITHUB_TOKEN' && !readme.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('test workflow (.github/workflows/test.yml)', () => {
  const test = read('.github/workflows/test.yml');

  it('runs the whole suite on every push, on Linux, as .ci/run does', () => {
    expect(test.on).toHaveProperty('push');
    const jobs = Object.values(test.jobs);
    expect(jobs.some((j) => j['runs-on'].startsWith('ubuntu') && j.steps.some((s) => /(^|\s|\/)\.ci\/run\b/.test(s.run ?? '')))).toBe(true);
    expect(inlinedSecrets(test)).toEqual([]);
  });
});

describe('inlinedSecrets', () => {
  it('flags a secret written into the workflow, or taken from anywhere but `secrets.`', () => {
    const workflow: Workflow = {
      on: {},
      jobs: { build: { 'runs-on': 'x', steps: [{ env: { CSC_KEY_PASSWORD: 'hunter2', GH_TOKEN: '${{ github.token }}', APPLE_ID: '${{ secrets.APPLE_ID }}', NODE_ENV: 'production' } }] } },
    };
    expect(inlinedSecrets(workflow)).toEqual(['build: CSC_KEY_PASSWORD', 'build: GH_TOKEN']);
  });
});
