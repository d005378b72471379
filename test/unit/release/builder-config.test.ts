// The electron-builder configuration is valid for electron-builder itself, names the app, sets the
// fuses, and keeps every secret out of the repository.
import { Ajv } from 'ajv';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';
import { readBuilderConfig, readBuilderSchema, readRepoFile, REQUIRED_FUSES, ROOT } from './builder-config';

const config = readBuilderConfig();

/** Validates like electron-builder, but stricter: no type coercion ("false" is not false). */
const validate = new Ajv({ allErrors: true, strict: false }).compile(readBuilderSchema());

function schemaErrors(candidate: unknown): string[] {
  return validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

describe('electron-builder configuration', () => {
  it("matches electron-builder's own JSON schema (app-builder-lib/scheme.json)", () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('the schema check catches a misspelt or mistyped option', () => {
    expect(schemaErrors({ ...config, nsis: { ...config.nsis, perMachin: false } })).not.toEqual([]);
    expect(schemaErrors({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'false' } })).not.toEqual([]);
    expect(schemaErrors({ ...config, electronFuse: {} })).not.toEqual([]);
  });

  it('is the file electron-builder loads, and passes its own validation', async () => {
    const pkg = JSON.parse(readRepoFile('package.json')) as Record<string, unknown>;
    expect(pkg).not.toHaveProperty('build'); // a "build" key would silently win over electron-builder.yml
    const loaded = await getConfig(ROOT, null, null);
    expect(loaded.appId).toBe('com.approvalmax.connect');
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...loaded, mac: { ...loaded.mac, hardenedRuntim: true } } as typeof loaded, new DebugLogger(false))).rejects.toThrow(
      /configuration\.mac/,
    );
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.approvalmax.connect');
    expect(config.productName).toBe('ApprovalMax Connect');
    expect(config.copyright).toMatch(/^Copyright © \d{4} ApprovalMax$/);
    expect(config.directories?.output).toBe('release'); // never dist/, which holds the Vite build
  });

  it('sets the Electron fuses at package time (README "Security checks")', () => {
    expect(config.electronFuses).toMatchObject(REQUIRED_FUSES);
    expect(config.asar ?? true).toBe(true); // OnlyLoadAppFromAsar and integrity need the asar
  });

  it('publishes to a configured target and keeps signing to environment variables', () => {
    const publish = [config.publish].flat();
    expect(publish.length).toBeGreaterThan(0);
    for (const target of publish) expect(typeof target === 'object' && target !== null && 'provider' in target).toBe(true);
    const text = readRepoFile('electron-builder.yml');
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|token|password|appleIdPassword)\s*:/im);
    expect(config).not.toHaveProperty('cscLink');
    expect(config).not.toHaveProperty('cscKeyPassword');
    expect(config.forceCodeSigning ?? false).toBe(false); // local builds may be unsigned; CI forces signing
  });

  it('names the GitHub feed itself, so packaging never reads a git remote (a clone without one still gets a feed)', () => {
    const github = [config.publish].flat().find((target) => typeof target === 'object' && target !== null && target.provider === 'github') as { owner?: string; repo?: string } | undefined;
    expect(github?.owner).toBe('approvalmax');
    expect(github?.repo).toBe('approvalmax-connect');
    // electron-builder's other source, and what npm shows: the same repository.
    const pkg = JSON.parse(readRepoFile('package.json')) as { repository?: { type?: string; url?: string } };
    expect(pkg.repository).toEqual({ type: 'git', url: `https://github.com/${github?.owner ?? '?'}/${github?.repo ?? '?'}.git` });
  });

  it('names every file that goes on the release the way GitHub keeps it (no spaces), so latest*.yml points at what was uploaded', () => {
    const githubSafe = (pattern: string | null | undefined) => typeof pattern === 'string' && /^[0-9A-Za-z._-]+$/.test(pattern.replace(/\$\{(version|arch|ext)\}/g, 'x'));
    expect(githubSafe(config.nsis?.artifactName)).toBe(true);
    expect(githubSafe(config.dmg?.artifactName)).toBe(true);
    expect(githubSafe(config.mac?.artifactName)).toBe(true); // the zip electron-updater downloads; its default has the product name's space
    expect(config.mac?.artifactName).toContain('${arch}'); // x64 and arm64 zips never overwrite each other
    expect(githubSafe('${productName}-${version}.${ext}')).toBe(false);
  });
});
