// The per-platform installer settings IT relies on: Windows installs per user without admin rights
// and its uninstaller asks before removing data; the Mac app runs hardened with valid entitlements;
// every icon size exists, made from the one source image.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuilderConfig, readRepoFile, ROOT, targetsOf } from './builder-config';

const config = readBuilderConfig();
const plist = createRequire(import.meta.url)('plist') as { parse(xml: string): unknown };

/** Parses an entitlements file as macOS would read it; throws on malformed XML. */
function readEntitlements(relative: string): Record<string, unknown> {
  const xml = readRepoFile(relative);
  expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN"/);
  const parsed = plist.parse(xml);
  expect(parsed).toBeTypeOf('object');
  return parsed as Record<string, unknown>;
}

/** Width and height from a PNG's IHDR chunk, and whether it has an alpha channel. */
function pngInfo(png: Buffer): { width: number; height: number; alpha: boolean } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), alpha: png[25] === 6 };
}

describe('Windows installer (NSIS)', () => {
  it('installs per user, without admin rights, for x64 and arm64', () => {
    expect(targetsOf(config.win).get('nsis')).toEqual(expect.arrayContaining(['x64', 'arm64']));
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, packElevateHelper: false });
    // One-click per-user never shows the "for all users" choice that would need elevation.
    expect(config.nsis?.oneClick ?? true).toBe(true);
    expect(config.nsis?.selectPerMachineByDefault ?? false).toBe(false);
  });

  it('adds a Start-menu shortcut', () => {
    expect(config.nsis?.createStartMenuShortcut ?? true).toBe(true);
    expect(config.nsis?.shortcutName).toBe('ApprovalMax Connect');
  });

  it('never deletes app data silently; the uninstaller asks, and says the keychain entries stay', () => {
    expect(config.nsis?.deleteAppDataOnUninstall ?? false).toBe(false);
    expect(config.nsis?.include).toBe('build/installer.nsh');
    const script = readRepoFile('build/installer.nsh');
    expect(script).toMatch(/!macro customUnInstall[\s\S]*!macroend/);
    expect(script).toMatch(/\$\{ifNot\} \$\{isUpdated\}/); // an update keeps everything and asks nothing
    expect(script).toMatch(/\$\{GetOptions\} \$R0 "\/S" \$R1/); // a silent uninstall by IT asks nothing
    const question = /MessageBox (MB_[A-Z0-9_|]+) "(?:\$\\"|[^"])*"[^\n]*/.exec(script);
    expect(question?.[1]).toContain('MB_YESNO');
    expect(question?.[1]).toContain('MB_DEFBUTTON2'); // "No" is the default: keep the data
    expect(question?.[0]).not.toMatch(/\/SD/); // shown even in the one-click uninstaller's silent section
    expect(question?.[0]).toContain('Credential Manager');
    expect(question?.[0]).toMatch(/not removed/);
    expect(script).toContain('RMDir /r "$APPDATA\\${PRODUCT_NAME}"');
    expect(script).not.toMatch(/cmdkey|CredDelete|keytar/i); // the keychain is never touched by the uninstaller
  });
});

describe('Mac app (DMG + zip)', () => {
  it('builds DMG and zip (for updates) for Intel and Apple silicon', () => {
    const targets = targetsOf(config.mac);
    for (const target of ['dmg', 'zip']) expect(targets.get(target)).toEqual(expect.arrayContaining(['x64', 'arm64']));
  });

  it('runs with the hardened runtime and the entitlements in build/', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac?.entitlementsInherit).toBe('build/entitlements.mac.inherit.plist');
    expect(config.mac?.notarize ?? true).not.toBe(false); // notarised whenever the APPLE_* variables are set
  });

  it.each(['build/entitlements.mac.plist', 'build/entitlements.mac.inherit.plist'])('%s is valid plist XML with only what Electron needs', (file) => {
    const entitlements = readEntitlements(file);
    expect(entitlements['com.apple.security.cs.allow-jit']).toBe(true);
    for (const value of Object.values(entitlements)) expect(value).toBe(true);
    expect(entitlements).not.toHaveProperty('com.apple.security.cs.disable-library-validation');
    expect(entitlements).not.toHaveProperty('com.apple.security.get-task-allow'); // debugging a signed app
  });

  it('the plist check rejects malformed XML', () => {
    expect(() => plist.parse('<plist version="1.0"><dict><key>a</key><true/></dict>')).toThrow();
  });
});

describe('Linux', () => {
  it('builds an AppImage', () => {
    expect(targetsOf(config.linux).has('AppImage')).toBe(true);
  });
});

describe('icons, from the one source image build/icon.svg', () => {
  it('the source is the app logo: two rings on a rounded #2a5bd7 square', () => {
    const svg = readRepoFile('build/icon.svg');
    expect(svg).toContain('fill="#2a5bd7"');
    expect(svg.match(/<circle /g)).toHaveLength(2);
  });

  it('build/icon.png is the 1024 × 1024 master, with transparency', () => {
    expect(pngInfo(readFileSync(path.join(ROOT, 'build/icon.png')))).toEqual({ width: 1024, height: 1024, alpha: true });
  });

  it.each([16, 32, 48, 64, 128, 256, 512, 1024])('Linux icon %i px', (size) => {
    const file = path.join(ROOT, `build/icons/${size}x${size}.png`);
    expect(existsSync(file)).toBe(true);
    expect(pngInfo(readFileSync(file))).toMatchObject({ width: size, height: size });
  });

  it('build/icon.ico holds PNG images from 16 to 256 px', () => {
    const ico = readFileSync(path.join(ROOT, 'build/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      const { width } = pngInfo(png);
      expect(width).toBe(ico[entry] === 0 ? 256 : ico[entry]);
      sizes.push(width);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
  });

  it('build/icon.icns holds every macOS size up to 1024 px', () => {
    const icns = readFileSync(path.join(ROOT, 'build/icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      found.set(icns.subarray(at, at + 4).toString('ascii'), pngInfo(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4))).width);
    }
    expect(Object.fromEntries(found)).toMatchObject({ ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 });
  });
});
