// Electronegativity (Doyensec) over main/ and preload/, offline, with SARIF out. Electronegativity
// exits 0 whatever it finds, so this module decides: every finding must be suppressed on its own
// line with electronegativity's inline syntax AND a written reason, or the scan fails:
//
//   const window = new BrowserWindow(options); // eng-disable SANDBOX_JS_CHECK -- why this is safe
//
// Electronegativity itself drops findings it sees suppressed (reason or not) and says nothing about
// files it could not parse, so the sources are staged with the markers neutralised, every finding
// comes back, and the suppressions are matched here, strictly: same line only (a marker on a file's
// first line would silence a check for the whole file), IDs only, a reason of at least three words,
// and no marker that suppresses nothing.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** Checks turned off for the whole scan because they cannot point at a line; each says what covers it instead. */
export const EXCLUDED_CHECKS: readonly { id: string; className: string; reason: string }[] = [
  {
    id: 'CSP_GLOBAL_CHECK',
    className: 'CSPGlobalCheck',
    reason:
      'It finds a CSP only in onHeadersReceived or an HTML meta tag; ours is a header set by the app:// protocol handler (main/static/renderer-assets.ts). test/unit/quality/electron-policy.test.ts asserts it exactly and runs the same evaluator (@doyensec/csp-evaluator) over it.',
  },
  {
    id: 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK',
    className: 'AvailableSecurityFixesGlobalCheck',
    reason:
      "It downloads Electron's release list from GitHub, which the build machines cannot reach; Electron is a pinned devDependency updated like any other.",
  },
];

/** The Electron version the app is built with (electronegativity cannot find it in main/). */
export const ELECTRON_VERSION = '45.5.0';

/** One electronegativity finding, as read from the SARIF file. */
export interface Finding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly level: string;
  readonly message: string;
}

/** One `eng-disable` marker found in the sources. */
export interface Suppression {
  readonly file: string;
  readonly line: number;
  readonly ids: readonly string[];
  readonly reason: string;
}

/** The scan's verdict: what is suppressed (with its reason) and every reason to fail. */
export interface ScanVerdict {
  readonly suppressed: readonly { finding: Finding; reason: string }[];
  readonly failures: readonly string[];
}

const MARKER = /(?:\/\/|\/\*)[ \t]*eng-disable\b(.*)$/;
const SOURCE = /\.(ts|tsx|js|cjs|mjs|html)$/;

/** Every source file under the given folders (relative to root), sorted. */
export function listSources(root: string, folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const child = path.join(rel, name);
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (SOURCE.test(name)) out.push(child.split(path.sep).join('/'));
    }
  };
  for (const folder of folders) walk(folder);
  return out;
}

/** Reads the `eng-disable` markers of the given files: `// eng-disable ID [ID…] -- reason`. */
export function findSuppressions(root: string, files: readonly string[]): Suppression[] {
  const out: Suppression[] = [];
  for (const file of files) {
    readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const match = MARKER.exec(text);
        if (!match) return;
        const [names = '', ...rest] = match[1]!.replace(/\*\/\s*$/, '').split(/\s--\s/);
        out.push({
          file,
          line: index + 1,
          ids: names
            .trim()
            .split(/[\s,]+/)
            .filter(Boolean),
          reason: rest.join(' -- ').trim(),
        });
      });
  }
  return out;
}

/** Runs electronegativity over copies of the files with their markers neutralised, writing SARIF; returns parse errors. */
export async function runElectronegativity(
  root: string,
  files: readonly string[],
  sarifPath: string,
): Promise<{ file: string; message: string }[]> {
  const stage = mkdtempSync(path.join(os.tmpdir(), 'amc-electronegativity-'));
  try {
    for (const file of files) {
      mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
      writeFileSync(
        path.join(stage, file),
        readFileSync(path.join(root, file), 'utf8').replaceAll('eng-disable', 'eng-suppressed'),
      );
    }
    mkdirSync(path.dirname(sarifPath), { recursive: true });
    rmSync(sarifPath, { force: true });
    keepOffline();
    const run = createRequire(import.meta.url)('@doyensec/electronegativity') as (
      options: Record<string, unknown>,
    ) => Promise<{ errors: { file: string; message: string }[] }>;
    const log = console.log;
    console.log = () => undefined; // it reports a failed download of translations; nothing else goes to the console
    try {
      const result = await run({
        input: stage,
        output: sarifPath,
        isSarif: true,
        isRelative: true,
        electronVersionOverride: ELECTRON_VERSION,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS.map((c) => c.className.toLowerCase()),
        parserPlugins: [],
      });
      await settled(sarifPath);
      return result.errors.map((e) => ({ file: path.relative(stage, e.file), message: e.message }));
    } finally {
      console.log = log;
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Electronegativity writes its SARIF with a fire-and-forget fs.writeFile: wait until the file is whole JSON. */
async function settled(sarifPath: string): Promise<void> {
  for (let waited = 0; ; waited += 50) {
    try {
      JSON.parse(readFileSync(sarifPath, 'utf8'));
      return;
    } catch (error) {
      if (waited >= 10_000) throw new Error(`electronegativity did not finish writing ${sarifPath}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

interface SarifResult {
  ruleId: string;
  level?: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
  suppressions?: { kind: string; justification: string }[];
}
interface SarifLog {
  runs: { results: SarifResult[] }[];
}

/** The findings in a SARIF file electronegativity wrote. */
export function readSarif(sarifPath: string): Finding[] {
  const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as SarifLog;
  return log.runs.flatMap((run) =>
    run.results.map((r) => {
      const location = r.locations?.[0]?.physicalLocation;
      return {
        ruleId: r.ruleId,
        file: location?.artifactLocation.uri ?? '',
        line: location?.region?.startLine ?? 0,
        level: r.level ?? 'warning',
        message: r.message.text,
      };
    }),
  );
}

/** Decides: each finding suppressed on its own line with a reason, no bad or unused marker, no unparsed file. */
export function judge(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  parseErrors: readonly { file: string; message: string }[],
): ScanVerdict {
  const failures: string[] = parseErrors.map(
    (e) => `${e.file}: could not be parsed, so it was not scanned (${e.message})`,
  );
  const valid = suppressions.filter((s) => {
    const where = `${s.file}:${s.line}`;
    if (s.ids.length === 0 || s.ids.some((id) => !/^[A-Z0-9_]+_CHECK$/.test(id)))
      failures.push(`${where}: eng-disable must name check IDs such as SANDBOX_JS_CHECK`);
    else if (s.line === 1)
      failures.push(
        `${where}: eng-disable on a file's first line silences the check for the whole file; put it on the finding's line`,
      );
    else if (s.reason.split(/\s+/).filter(Boolean).length < 3)
      failures.push(`${where}: eng-disable ${s.ids.join(' ')} needs a written reason: "-- why this is safe"`);
    else return true;
    return false;
  });
  const used = new Set<string>();
  const suppressed: { finding: Finding; reason: string }[] = [];
  for (const finding of findings) {
    const by = valid.find((s) => s.file === finding.file && s.line === finding.line && s.ids.includes(finding.ruleId));
    if (by) {
      used.add(`${by.file}:${by.line}:${finding.ruleId}`);
      suppressed.push({ finding, reason: by.reason });
    } else
      failures.push(
        `${finding.file || '(whole app)'}:${finding.line} ${finding.ruleId} (${finding.level}): ${finding.message}`,
      );
  }
  for (const s of valid)
    for (const id of s.ids)
      if (!used.has(`${s.file}:${s.line}:${id}`))
        failures.push(`${s.file}:${s.line}: eng-disable ${id} suppresses nothing; remove it`);
  return { suppressed, failures };
}

/** Rewrites the SARIF file with each suppressed result marked `inSource` and its justification, as code-scanning tools read it. */
export function annotateSarif(sarifPath: string, verdict: ScanVerdict): void {
  const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as SarifLog;
  for (const run of log.runs)
    for (const result of run.results) {
      const location = result.locations?.[0]?.physicalLocation;
      const hit = verdict.suppressed.find(
        (s) =>
          s.finding.ruleId === result.ruleId &&
          s.finding.file === location?.artifactLocation.uri &&
          s.finding.line === location?.region?.startLine,
      );
      if (hit) result.suppressions = [{ kind: 'inSource', justification: hit.reason }];
    }
  writeFileSync(sarifPath, JSON.stringify(log, null, 2));
}

/** The whole Electron scan of `folders` under `root`: run, read, judge, annotate. */
export async function scanElectron(
  root: string,
  folders: readonly string[],
  sarifPath: string,
): Promise<ScanVerdict & { files: number }> {
  const files = listSources(root, folders);
  const parseErrors = await runElectronegativity(root, files, sarifPath);
  const verdict = judge(readSarif(sarifPath), findSuppressions(root, files), parseErrors);
  annotateSarif(sarifPath, verdict);
  return { ...verdict, files: files.length };
}

/**
 * electronegativity downloads "updated translations" from GitHub at every start. CI reaches only the
 * package registries, so its HTTP client is replaced, for its translation module only, by one that
 * answers "offline" at once: the scan never tries the network and uses its bundled English texts.
 */
function keepOffline(): void {
  const fromI18n = createRequire(
    createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/locales/i18n.js'),
  );
  const gotPath = fromI18n.resolve('got');
  const offline = () => Promise.reject(new Error('offline: translations are not downloaded'));
  const cache = fromI18n.cache as Record<string, unknown>;
  cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: Object.assign(offline, { default: offline, __esModule: true }),
  };
}
