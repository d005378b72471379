// Packages the app with electron-builder itself — the real configuration, file patterns, production
// dependency collection, asar and fuses — around a stand-in Electron binary, because the real one
// cannot be downloaded here. The result is what the installers would contain.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Arch, build, Platform } from 'electron-builder';
import { ROOT } from './builder-config';

/** Marks the fuse wire in every Electron binary; @electron/fuses looks for it to flip fuses. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's fuse order (FuseV1Options) and factory states: '1' on, '0' off. */
export const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
const FACTORY_WIRE = '10110001';

/** Where a packaged app landed. */
export interface PackagedApp {
  /** Temporary folders to delete when done. */
  readonly temporary: readonly string[];
  readonly appDir: string;
  readonly resources: string;
  readonly executable: string;
}

/** The built app must exist before packaging; `npm run build` is what the release jobs run too. */
export function ensureBuilt(): void {
  const outputs = ['dist/main/index.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html'];
  if (outputs.every((file) => existsSync(path.join(ROOT, file)))) return;
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
}

/** A directory shaped like an unpacked Linux Electron, whose "binary" carries a factory fuse wire. */
function standInElectron(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-stand-in-electron-'));
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, FACTORY_WIRE.length]), Buffer.from(FACTORY_WIRE), Buffer.from('\n')]);
  writeFileSync(path.join(dir, 'electron'), binary, { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), '');
  writeFileSync(path.join(dir, 'version'), '45.0.0');
  mkdirSync(path.join(dir, 'resources'));
  return dir;
}

/** Runs electron-builder (Linux, unpacked folder) with the repository's configuration. */
export async function packageApp(): Promise<PackagedApp> {
  ensureBuilt();
  const output = mkdtempSync(path.join(os.tmpdir(), 'amc-package-'));
  const electronDist = standInElectron();
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    // Only what cannot work offline changes: the Electron binary, and no rebuild of keytar against
    // Electron's headers (the release jobs rebuild it for each target architecture).
    config: { electronDist, npmRebuild: false, directories: { output } },
  });
  const appDir = path.join(output, 'linux-unpacked');
  const executable = readdirSync(appDir).find((name) => name === 'approvalmax-connect');
  if (!executable) throw new Error(`No executable in ${appDir}: ${readdirSync(appDir).join(', ')}`);
  return { temporary: [output, electronDist], appDir, resources: path.join(appDir, 'resources'), executable: path.join(appDir, executable) };
}

/** The fuse states found in a binary, by fuse name: true on, false off. */
export function readFuses(binaryFile: string): Record<string, boolean> {
  const binary = readFileSync(binaryFile);
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`No fuse wire in ${binaryFile}`);
  const length = binary[at + FUSE_SENTINEL.length + 1] ?? 0;
  const wire = binary.subarray(at + FUSE_SENTINEL.length + 2, at + FUSE_SENTINEL.length + 2 + length).toString('latin1');
  return Object.fromEntries(FUSE_ORDER.map((name, i) => [name, wire[i] === '1']));
}

/** One file in an asar archive; `unpacked` files live beside it in app.asar.unpacked. */
export interface AsarEntry {
  readonly path: string;
  readonly unpacked: boolean;
}

interface AsarNode {
  files?: Record<string, AsarNode>;
  unpacked?: boolean;
  link?: string;
}

/** Lists an asar archive's files from its header (a pickled JSON index), independent of electron-builder. */
export function listAsar(file: string): AsarEntry[] {
  const archive = readFileSync(file);
  const jsonLength = archive.readUInt32LE(12);
  const root = JSON.parse(archive.subarray(16, 16 + jsonLength).toString('utf8')) as AsarNode;
  const entries: AsarEntry[] = [];
  const walk = (node: AsarNode, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const childPath = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, childPath);
      else entries.push({ path: childPath, unpacked: child.unpacked === true });
    }
  };
  walk(root, '');
  return entries;
}

/** Bare module names a bundle loads at run time (require or dynamic import), Node built-ins excluded. */
export function runtimeModules(bundle: string, builtins: readonly string[]): string[] {
  const names = [...bundle.matchAll(/\b(?:require|import)\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1] ?? '');
  const packageName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
  const isBuiltin = (spec: string) => spec.startsWith('node:') || builtins.includes(spec) || builtins.includes(packageName(spec));
  return [...new Set(names.filter((n) => !isBuiltin(n)).map(packageName))].sort();
}
