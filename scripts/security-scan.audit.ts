// `npm audit --omit=dev`: the production dependencies may carry no high or critical advisory unless
// scripts/security-scan.audit-allowlist.json names it with a written reason. npm audit's own exit
// code cannot say this (it fails on any advisory, and on an unreachable service).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One allowed advisory: its GHSA id (or npm advisory number), the package, and why it may stay. */
export interface AllowedAdvisory {
  readonly id: string;
  readonly package: string;
  readonly reason: string;
}

/** What the audit concluded; `checked` is false when the advisory service could not be asked. */
export interface AuditVerdict {
  readonly checked: boolean;
  readonly note: string;
  readonly allowed: readonly string[];
  readonly failures: readonly string[];
}

interface Advisory {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
}
interface AuditReport {
  vulnerabilities?: Record<string, { name: string; severity: string; via: (Advisory | string)[] }>;
  statusCode?: number;
  message?: string;
  error?: { summary?: string };
}

const BLOCKING = new Set(['high', 'critical']);

/** The advisory's id as the allowlist names it: the GHSA id from its URL, else npm's number. */
export function advisoryId(advisory: Advisory): string {
  return (
    /GHSA(-[0-9a-z]{4}){3}/i.exec(advisory.url ?? '')?.[0] ?? String(advisory.source ?? advisory.title ?? 'unknown')
  );
}

/** Reads and checks the allowlist file: every entry needs an id, a package and a reason of three words or more. */
export function readAllowlist(file: string): AllowedAdvisory[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { advisories?: unknown };
  if (!Array.isArray(parsed.advisories)) throw new Error(`${file}: "advisories" must be a list`);
  return parsed.advisories.map((entry: Partial<AllowedAdvisory>, i) => {
    if (!entry.id || !entry.package || (entry.reason ?? '').trim().split(/\s+/).length < 3)
      throw new Error(`${file}: advisories[${i}] needs "id", "package" and a written "reason"`);
    return entry as AllowedAdvisory;
  });
}

/** Judges an `npm audit --json` report: each high or critical advisory on a production package fails unless allowed. */
export function judgeAudit(report: AuditReport, allowlist: readonly AllowedAdvisory[]): AuditVerdict {
  if (!report.vulnerabilities) {
    const why = report.statusCode
      ? `HTTP ${report.statusCode}`
      : report.error?.summary || report.message || 'no report';
    return {
      checked: false,
      note: `npm audit could not ask the advisory service (${why}); production dependencies were NOT checked for advisories`,
      allowed: [],
      failures: [],
    };
  }
  const failures: string[] = [];
  const allowed: string[] = [];
  const seen = new Set<string>();
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via) {
      // A string `via` means "vulnerable through that package", whose own entry carries the advisory.
      if (typeof via === 'string' || !BLOCKING.has(via.severity ?? '')) continue;
      const id = advisoryId(via);
      const key = `${id}@${vulnerability.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const line = `${via.severity} ${id} in ${vulnerability.name}: ${via.title ?? ''}`.trim();
      const entry = allowlist.find((a) => a.id === id && a.package === (via.name ?? vulnerability.name));
      if (entry) allowed.push(`${line} — allowed: ${entry.reason}`);
      else
        failures.push(
          `${line} (${via.url ?? 'no link'}); fix it (npm update / a newer version) or add it with a reason to the allowlist`,
        );
    }
  }
  const count = Object.keys(report.vulnerabilities).length;
  return {
    checked: true,
    note: `npm audit --omit=dev: ${count} vulnerable package(s), ${failures.length} high/critical without a reason`,
    allowed,
    failures,
  };
}

/** Runs `npm audit --omit=dev --json` in `cwd` and parses what it prints (it exits non-zero on findings). */
export function runNpmAudit(cwd: string): Promise<AuditReport> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['audit', '--omit=dev', '--json'],
      { cwd, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        try {
          resolve(JSON.parse(stdout) as AuditReport);
        } catch {
          resolve({ message: error ? error.message.split('\n')[0] : 'npm audit printed no JSON' });
        }
      },
    );
  });
}
