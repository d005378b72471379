import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleImports, parse, ROOT } from './ts-source';

// README "Architecture": 'electron' is imported only in main/electron/ and preload/index.ts. ESLint enforces it
// per folder (test/unit/layers/lint-rules.test.ts proves the rule); this reads every source file of
// the repository, so a folder the lint config forgets, a require() or an import() is caught too.
const SKIP = new Set(['node_modules', 'dist', 'release', 'test-results', 'playwright-report', '.git', '.tmp']);
const ELECTRON = /^electron(\/(main|renderer|common))?$/;

/** Every TypeScript and JavaScript source file of the repository, relative to its root. */
function sourceFiles(dir = ''): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(rel);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Files naming the electron module, and whether any such import is a run-time one. */
function electronImporters(
  files: readonly string[],
  read: (file: string) => ReturnType<typeof parse> = (f) => parse(f),
): Map<string, 'runtime' | 'types'> {
  const out = new Map<string, 'runtime' | 'types'>();
  for (const file of files) {
    const hits = moduleImports(read(file)).filter((i) => ELECTRON.test(i.specifier));
    if (hits.length > 0) out.set(file, hits.some((h) => !h.typeOnly) ? 'runtime' : 'types');
  }
  return out;
}

const allowed = (file: string) => file.startsWith('main/electron/') || file === 'preload/index.ts';

describe("where 'electron' is imported", () => {
  const files = sourceFiles();
  const importers = electronImporters(files);

  it('the scan reads the whole repository', () => {
    for (const folder of [
      'main/core/',
      'main/secrets/',
      'main/electron/',
      'preload/',
      'renderer/',
      'test/',
      'scripts/',
    ]) {
      expect(files.some((f) => f.startsWith(folder))).toBe(true);
    }
  });

  it('only main/electron/ and preload/index.ts import it', () => {
    expect([...importers.keys()].filter((f) => !allowed(f))).toEqual([]);
    expect(importers.get('preload/index.ts')).toBe('runtime');
  });

  it('window-policy.ts takes only its types, so the policy tests run under plain Node', () => {
    expect(importers.get('main/electron/window-policy.ts')).toBe('types');
  });

  it.each([
    ["import { app } from 'electron';", 'runtime'],
    ["const { app } = require('electron');", 'runtime'],
    ["export const load = () => import('electron/main');", 'runtime'],
    ["export { app } from 'electron';", 'runtime'],
    ["import type { App } from 'electron';", 'types'],
    ["let a: import('electron').App;", 'types'],
  ])('catches %s in main/core/', (code, kind) => {
    const found = electronImporters(['main/core/x.ts'], (f) => parse(f, code));
    expect(found.get('main/core/x.ts')).toBe(kind);
    expect(allowed('main/core/x.ts')).toBe(false);
  });
});
