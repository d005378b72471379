// Reads the release configuration the way the tests need it: electron-builder.yml and its schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { parse } from 'yaml';

/** The repository root, so tests work from any working directory. */
export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** electron-builder.yml, parsed: the one place the packaging is configured. */
export function readBuilderConfig(): Configuration {
  return parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;
}

/** electron-builder's own JSON schema of its configuration (what it validates against before building). */
export function readBuilderSchema(): object {
  return JSON.parse(readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
}

/** A file of this repository, as text. */
export const readRepoFile = (relative: string) => readFileSync(path.join(ROOT, relative), 'utf8');

/** The targets of one platform with their architectures, however the config spells them. */
export function targetsOf(platform: { target?: unknown } | null | undefined): Map<string, string[]> {
  const list = Array.isArray(platform?.target) ? platform.target : [platform?.target];
  const result = new Map<string, string[]>();
  for (const entry of list) {
    if (typeof entry === 'string') result.set(entry, []);
    else if (entry && typeof entry === 'object' && 'target' in entry) {
      const { target, arch } = entry as { target: string; arch?: string | string[] };
      result.set(target, arch === undefined ? [] : Array.isArray(arch) ? arch : [arch]);
    }
  }
  return result;
}

/** The Electron fuses README "Security checks" requires, as electron-builder and the packaged binary name them. */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false, // the app serves its pages from app://, never file://
} as const;
