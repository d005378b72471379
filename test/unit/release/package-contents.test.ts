// What the installers would contain, from a real electron-builder run over the real build output:
// the bundles and keytar are in, sources, tests, the simulator and the Chromium shell are out, and
// the fuses are flipped in the packaged binary.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRepoFile, REQUIRED_FUSES, ROOT } from './builder-config';
import { listAsar, packageApp, readFuses, runtimeModules, type AsarEntry, type PackagedApp } from './package-app';

let app: PackagedApp;
let entries: AsarEntry[];
let files: string[];

beforeAll(async () => {
  app = await packageApp();
  entries = listAsar(path.join(app.resources, 'app.asar'));
  files = entries.map((e) => e.path);
}, 240_000);
afterAll(() => app?.temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const topLevelModules = () => new Set(files.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(1, f.split('/')[1]?.startsWith('@') ? 3 : 2).join('/')));

describe('package contents (electron-builder over the real dist/)', () => {
  it('holds the main, preload and renderer bundles and package.json', () => {
    for (const file of ['package.json', 'dist/main/index.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html']) expect(files).toContain(file);
    expect(files.some((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(files).toContain(pkg.main);
  });

  it('unpacks keytar\'s native module from the asar, where the OS can load it', () => {
    const native = entries.find((e) => e.path === 'node_modules/keytar/build/Release/keytar.node');
    expect(native?.unpacked).toBe(true);
    expect(existsSync(path.join(app.resources, 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'))).toBe(true);
    expect(files).toContain('node_modules/keytar/lib/keytar.js');
  });

  it('leaves out sources, tests, the simulator, the Chromium shell, source maps and tooling', () => {
    const forbidden = [
      /^(main|preload|renderer|test|scripts|build|\.github|\.ci)\//, // sources, tests (incl. test/sim, test/shell), resources, CI
      /^dist\/test-shell\//, // the Chromium shell's bridge, for tests only
      /^(?!node_modules\/).*\.(ts|tsx|map)$/, // any TypeScript or source map of our own
      /^(electron-builder\.yml|vite\.config\.ts|vitest\.config\.ts|playwright\.config\.ts|eslint\.config\.js|tsconfig.*\.json|README\.md|package-lock\.json)$/,
      /^(release|test-results|node_modules\/\.cache)\//,
    ];
    const leaked = files.filter((f) => forbidden.some((pattern) => pattern.test(f)));
    expect(leaked).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/')).every((f) => /^dist\/(main|preload|renderer)\//.test(f))).toBe(true);
  });

  it('carries production dependencies only: no simulator, test runner, bundler or Electron itself', () => {
    const modules = topLevelModules();
    expect(modules.has('keytar')).toBe(true);
    // npm marks in the lock file every package that only development needs (a dev tool that a
    // production dependency also uses, such as ajv under the OpenAPI parser, is not marked).
    const lock = JSON.parse(readRepoFile('package-lock.json')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = [...modules].filter((name) => lock.packages[`node_modules/${name}`]?.dev === true);
    expect(devOnly).toEqual([]);
    for (const name of ['oidc-provider', 'playwright-core', 'vitest', 'vite', 'electron', 'electron-builder', 'typescript']) expect(modules.has(name)).toBe(false);
  });

  it('contains every module the main bundle (and its lazily loaded chunks) loads at run time', () => {
    const chunks = readdirSync(path.join(ROOT, 'dist/main'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cjs'));
    expect(chunks).toContain('index.cjs');
    for (const chunk of chunks) expect(files).toContain(`dist/main/${chunk}`);
    const bundle = chunks.map((chunk) => readFileSync(path.join(ROOT, 'dist/main', chunk), 'utf8')).join('\n');
    const needed = runtimeModules(bundle, builtinModules).filter((name) => name !== 'electron'); // electron is the runtime itself
    expect(needed).toContain('keytar');
    const missing = needed.filter((name) => !files.includes(`node_modules/${name}/package.json`));
    expect(missing).toEqual([]);
  });

  it('flips the fuses in the packaged binary', () => {
    expect(readFuses(app.executable)).toMatchObject(REQUIRED_FUSES);
  });

  it('ships the updater settings electron-updater reads (app-update.yml)', () => {
    const updateConfig = readFileSync(path.join(app.resources, 'app-update.yml'), 'utf8');
    expect(updateConfig).toContain('updaterCacheDirName: approvalmax-connect-updater');
    // The feed itself, even in a clone with no GitHub remote (electron-builder would otherwise drop it).
    expect(parse(updateConfig)).toMatchObject({ provider: 'github', owner: 'approvalmax', repo: 'approvalmax-connect' });
    expect(updateConfig).not.toMatch(/token/i);
  });
});

describe('runtimeModules', () => {
  it('finds bare requires and dynamic imports, not built-ins or relative files', () => {
    const bundle = 'require("node:fs"); require("path"); require("./x.cjs"); await import("keytar"); require("@scope/pkg/sub"); require("left-pad/index.js")';
    expect(runtimeModules(bundle, builtinModules)).toEqual(['@scope/pkg', 'keytar', 'left-pad']);
  });
});
