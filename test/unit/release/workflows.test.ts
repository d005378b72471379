// The GitHub workflows are valid YAML and do what the release process promises: tests on every push
// (Linux, as .ci/run), and on a tag: build, package, e2e against the packaged app, then sign on macOS
// and Windows with --publish never, and publish once, from one job that needs both, to one draft —
// with every secret read from `secrets.`, never written into the file.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_EXECUTABLE_VARIABLE } from '../../e2e/app-launcher';
import { readBuilderConfig, readRepoFile } from './builder-config';

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
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
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

/** The electron-builder command lines of a step (one per shell line that runs it). */
const builderCommands = (step: Step) => (step.run ?? '').split('\n').filter((line) => /\belectron-builder\b/.test(line));

/**
 * Why a step uploads to a release, or null. electron-builder publishes unless told `never` (on CI, a
 * tag or GH_TOKEN is enough for its default), so any invocation without `--publish never` counts.
 */
function publishes(step: Step): string | null {
  if (/(^|\/)(action-gh-release|create-release|upload-release-asset|electron-builder-action)@/.test(step.uses ?? '')) return `uses ${step.uses ?? ''}`;
  if (/\bgh\s+release\s+(create|upload|edit)\b/.test(step.run ?? '')) return 'gh release';
  if (/\bgh\s+api\b[^\n]*releases/.test(step.run ?? '')) return 'gh api releases';
  for (const command of builderCommands(step)) {
    if (/\belectron-builder\s+publish\b/.test(command)) return command;
    const policies = [...command.matchAll(/(?:--publish|(?<=\s)-p)(?:=|\s+)(\S+)/g)].map((m) => m[1]);
    if (policies.length !== 1 || policies[0] !== 'never') return command;
  }
  return null;
}

/** The `-c.<key>=<value>` overrides of an electron-builder command, by key. */
const overrides = (command: string) => Object.fromEntries([...command.matchAll(/(?:^|\s)(?:-c|--config)\.([\w.]+)=(\S+)/g)].map((m) => [m[1] ?? '', m[2] ?? '']));

/** The `path:` patterns of an upload-artifact step. */
const uploadPaths = (step: Step) =>
  String(step.with?.path ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const needsOf = (job: Job) => [job.needs ?? []].flat();
const read = (file: string) => parse(readRepoFile(file)) as Workflow;
const indexOf = (steps: Step[], test: (s: Step) => boolean) => steps.findIndex(test);
const isBuilder = (s: Step) => builderCommands(s).length > 0;
const isDirPackage = (s: Step) => builderCommands(s).some((c) => /\s--dir\b/.test(c));
const isInstallerBuild = (s: Step) => isBuilder(s) && !isDirPackage(s);
const isE2e = (s: Step) => /playwright test|npm run test:e2e/.test(s.run ?? '');
const isUpload = (s: Step) => s.uses?.startsWith('actions/upload-artifact@') === true;

const PRODUCT_NAME = readBuilderConfig().productName ?? '';

const OS_JOBS = [
  // runner, platform flag, the files its upload must hold, the packaged executable inside the --dir output
  ['macos-latest', '--mac', ['release/latest-mac.yml', 'release/*.dmg', 'release/*.dmg.blockmap', 'release/*.zip', 'release/*.zip.blockmap'], `mac-arm64/${PRODUCT_NAME}.app/Contents/MacOS/${PRODUCT_NAME}`],
  ['windows-latest', '--win', ['release/latest.yml', 'release/*.exe', 'release/*.exe.blockmap'], `win-unpacked/${PRODUCT_NAME}.exe`],
] as const;

describe('release workflow (.github/workflows/release.yml)', () => {
  const release = read('.github/workflows/release.yml');
  const jobOn = (runner: string) => Object.values(release.jobs).find((j) => j['runs-on'] === runner);

  it('runs on version tags', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
  });

  it.each(OS_JOBS)('a %s job installs, builds, packages, runs the e2e specs on the packaged app, then builds signed installers and keeps them', (runner, flag, files) => {
    const job = jobOn(runner);
    expect(job).toBeDefined();
    const steps = job?.steps ?? [];
    const checkout = indexOf(steps, (s) => s.uses?.startsWith('actions/checkout@') === true);
    const node = indexOf(steps, (s) => s.uses?.startsWith('actions/setup-node@') === true && String(s.with?.['node-version']) === '22');
    const install = indexOf(steps, (s) => s.run?.trim() === 'npm ci');
    const build = indexOf(steps, (s) => s.run?.trim() === 'npm run build');
    const pack = indexOf(steps, isDirPackage);
    const e2e = indexOf(steps, isE2e);
    const installers = indexOf(steps, isInstallerBuild);
    const upload = indexOf(steps, (s) => isUpload(s) && uploadPaths(s).some((p) => p.startsWith('release/')));
    const order = [checkout, node, install, build, pack, e2e, installers, upload];
    for (const index of order) expect(index).toBeGreaterThanOrEqual(0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(steps[installers]?.run).toContain(flag);
    expect(steps[installers]?.run).toContain('--publish never');
    expect(steps[installers]?.run).toContain('forceCodeSigning=true'); // a release is never unsigned
    expect(uploadPaths(steps[upload] ?? {})).toEqual(expect.arrayContaining([...files]));
    expect(steps[upload]?.with?.['if-no-files-found']).toBe('error');
  });

  it('no job uploads to a release by itself: every electron-builder run says --publish never', () => {
    const offenders = Object.entries(release.jobs).flatMap(([name, job]) => (name === 'publish' ? [] : job.steps.map(publishes).filter((why) => why !== null)));
    expect(offenders).toEqual([]);
    for (const job of Object.values(release.jobs)) for (const step of job.steps) for (const command of builderCommands(step)) expect(command).toMatch(/--publish never(\s|$)/);
  });

  it('exactly one job publishes, after every packaging job, with the only write permission', () => {
    const publishing = Object.entries(release.jobs).filter(([, job]) => job.steps.some((s) => publishes(s) !== null));
    expect(publishing.map(([name]) => name)).toEqual(['publish']);
    const [, publish] = publishing[0] ?? ['', { 'runs-on': '', steps: [] }];
    const packaging = Object.entries(release.jobs)
      .filter(([, job]) => job.steps.some(isBuilder))
      .map(([name]) => name);
    expect(packaging.length).toBeGreaterThanOrEqual(2);
    expect(needsOf(publish)).toEqual(expect.arrayContaining(packaging));
    expect(publish.steps.some(isBuilder)).toBe(false); // it publishes what the OS jobs built and tested, nothing rebuilt
    expect(release.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(release.jobs).filter(([, job]) => Object.values(job.permissions ?? {}).includes('write'));
    expect(writers.map(([name]) => name)).toEqual(['publish']);
    expect(publish.permissions).toEqual({ contents: 'write' });
  });

  it('the publish job gathers every packaging job\'s artifacts into one draft release', () => {
    const publish = release.jobs.publish;
    const steps = publish?.steps ?? [];
    const uploaded = Object.values(release.jobs).flatMap((job) => job.steps.filter((s) => isUpload(s) && uploadPaths(s).some((p) => p.startsWith('release/'))).map((s) => String(s.with?.name)));
    expect(uploaded).toHaveLength(2);
    const download = indexOf(steps, (s) => s.uses?.startsWith('actions/download-artifact@') === true);
    expect(download).toBeGreaterThanOrEqual(0);
    const { pattern, path: folder } = (steps[download]?.with ?? {}) as { pattern?: string; path?: string };
    const matches = (name: string) => new RegExp(`^${(pattern ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(name);
    expect(uploaded.filter((name) => !matches(name))).toEqual([]);
    expect(steps[download]?.with?.['merge-multiple']).toBe(true);
    const script = steps.find((s) => /\bgh\s+release\b/.test(s.run ?? ''));
    expect(script?.run).toMatch(/gh release create "\$TAG"[^\n]*--draft/);
    expect(script?.run).toContain(`gh release upload "$TAG"`);
    expect(script?.run).toContain(`${folder ?? '?'}/*`);
    for (const metadata of ['latest.yml', 'latest-mac.yml']) expect(script?.run).toContain(`${folder ?? '?'}/${metadata}`); // both present, or nothing is published
    expect(script?.env?.GH_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
  });

  it.each(OS_JOBS)('the %s e2e run launches the packaged app from the --dir step, never dist/main', (runner, flag, _files, executable) => {
    const steps = jobOn(runner)?.steps ?? [];
    const pack = steps.find(isDirPackage);
    const e2e = steps.find(isE2e);
    const command = builderCommands(pack ?? {})[0] ?? '';
    expect(command).toContain(flag);
    const output = overrides(command)['directories.output'] ?? 'release';
    expect(output).not.toBe('release'); // the e2e copy is kept apart from the installers that are uploaded
    expect(e2e?.env?.[APP_EXECUTABLE_VARIABLE]).toBe(`${output}/${executable}`);
    expect(steps.indexOf(e2e ?? {})).toBeGreaterThan(steps.indexOf(pack ?? {}));
  });

  it.each(OS_JOBS)('the %s installers keep every fuse; only the e2e copy opens --inspect, for Playwright', (runner) => {
    const steps = jobOn(runner)?.steps ?? [];
    const fuseOverrides = (s: Step | undefined) => Object.entries(overrides(builderCommands(s ?? {})[0] ?? '')).filter(([key]) => key.startsWith('electronFuses.'));
    expect(fuseOverrides(steps.find(isDirPackage))).toEqual([['electronFuses.enableNodeCliInspectArguments', 'true']]);
    expect(fuseOverrides(steps.find(isInstallerBuild))).toEqual([]);
    for (const step of steps.filter(isUpload)) for (const p of uploadPaths(step)) expect(p).not.toMatch(/\*\*|e2e-app/); // the e2e copy is never uploaded
  });

  it('signs and notarises the Mac build, and signs the Windows build, from secrets', () => {
    const env = (runner: string) => jobOn(runner)?.steps.find(isInstallerBuild)?.env ?? {};
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

describe('publishes', () => {
  it('flags every way a step could upload to a release, and passes --publish never', () => {
    expect(publishes({ run: 'npx electron-builder --mac --publish always' })).not.toBeNull();
    expect(publishes({ run: 'npx electron-builder --win --publish onTagOrDraft' })).not.toBeNull();
    expect(publishes({ run: 'npx electron-builder --win -p onTag' })).not.toBeNull();
    expect(publishes({ run: 'npx electron-builder --win' })).not.toBeNull(); // the default publishes on a CI tag
    expect(publishes({ run: 'npx electron-builder --win --publish never --publish always' })).not.toBeNull();
    expect(publishes({ run: 'npx electron-builder publish -f release/latest.yml' })).not.toBeNull();
    expect(publishes({ run: 'gh release upload v1 release/*' })).not.toBeNull();
    expect(publishes({ uses: 'softprops/action-gh-release@v2' })).not.toBeNull();
    expect(publishes({ run: 'npm ci\nnpx electron-builder --mac --publish never -c.forceCodeSigning=true' })).toBeNull();
    expect(publishes({ run: 'npx playwright test' })).toBeNull();
  });

  it('reads -c overrides', () => {
    expect(overrides('npx electron-builder --mac --dir -c.directories.output=release/e2e-app -c.electronFuses.runAsNode=true')).toEqual({
      'directories.output': 'release/e2e-app',
      'electronFuses.runAsNode': 'true',
    });
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
