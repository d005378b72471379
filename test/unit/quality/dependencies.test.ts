import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { advisoryId, judgeAudit, readAllowlist } from '../../../scripts/security-scan.audit';
import {
  isPermissive,
  licenceTable,
  productionPackages,
  withLicenceTable,
} from '../../../scripts/security-scan.licences';
import { ROOT } from './ts-source';

// Dependency hygiene (`npm run scan`): npm audit's report judged against the allowlist, and the
// README's licence table kept equal to the installed production tree.
const advisory = (severity: string, ghsa = 'GHSA-aaaa-bbbb-cccc', name = 'left-pad') => ({
  source: 1234,
  name,
  dependency: name,
  title: 'Prototype pollution',
  url: `https://github.com/advisories/${ghsa}`,
  severity,
  range: '<2.0.0',
});
const report = (...vias: ReturnType<typeof advisory>[]) => ({
  auditReportVersion: 2,
  vulnerabilities: Object.fromEntries(
    vias.map((v) => [v.name, { name: v.name, severity: v.severity, via: [v], isDirect: false }]),
  ),
});

describe('npm audit --omit=dev, judged', () => {
  it('fails on a high or critical advisory, naming it', () => {
    const verdict = judgeAudit(report(advisory('critical'), advisory('high', 'GHSA-1111-2222-3333', 'tar-fs')), []);
    expect(verdict.checked).toBe(true);
    expect(verdict.failures).toEqual([
      expect.stringContaining('critical GHSA-aaaa-bbbb-cccc in left-pad'),
      expect.stringContaining('high GHSA-1111-2222-3333 in tar-fs'),
    ]);
  });

  it('lets moderate and low advisories, and packages vulnerable only through another, pass', () => {
    const through = {
      auditReportVersion: 2,
      vulnerabilities: { parent: { name: 'parent', severity: 'high', via: ['left-pad'] } },
    };
    expect(judgeAudit(report(advisory('moderate'), advisory('low', 'GHSA-x', 'b')), []).failures).toEqual([]);
    expect(judgeAudit(through, []).failures).toEqual([]);
  });

  it('passes an allowed advisory only for the package and id the allowlist names, and shows the reason', () => {
    const allow = [
      {
        id: 'GHSA-aaaa-bbbb-cccc',
        package: 'left-pad',
        reason: 'only reached from the build script, never at run time',
      },
    ];
    const verdict = judgeAudit(report(advisory('critical')), allow);
    expect(verdict.failures).toEqual([]);
    expect(verdict.allowed).toEqual([expect.stringContaining('allowed: only reached from the build script')]);
    expect(judgeAudit(report(advisory('critical', 'GHSA-aaaa-bbbb-cccc', 'other')), allow).failures).toHaveLength(1);
  });

  it('says plainly when the advisory service could not be asked (this registry answers 405)', () => {
    const verdict = judgeAudit({ statusCode: 405, message: '405 Method Not Allowed' }, []);
    expect(verdict).toMatchObject({ checked: false, failures: [] });
    expect(verdict.note).toMatch(/HTTP 405.*NOT checked/);
  });

  it('names advisories by GHSA id, else by npm number', () => {
    expect(advisoryId(advisory('high'))).toBe('GHSA-aaaa-bbbb-cccc');
    expect(advisoryId({ source: 1005154 })).toBe('1005154');
  });

  it('the allowlist file is well formed, and an entry without a reason is refused', () => {
    expect(Array.isArray(readAllowlist(path.join(ROOT, 'scripts/security-scan.audit-allowlist.json')))).toBe(true);
    const bad = path.join(mkdtempSync(path.join(os.tmpdir(), 'amc-allowlist-')), 'allowlist.json');
    writeFileSync(
      bad,
      JSON.stringify({ advisories: [{ id: 'GHSA-aaaa-bbbb-cccc', package: 'left-pad', reason: 'fine' }] }),
    );
    expect(() => readAllowlist(bad)).toThrow(/written "reason"/);
  });
});

describe('licences of production dependencies', () => {
  const shipped = productionPackages(ROOT);

  it('walks the same production tree npm installed (package-lock.json, non-dev entries)', () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean }>;
    };
    const production = Object.entries(lock.packages).filter(
      ([key, p]) => key !== '' && !p.dev && !p.devOptional && !p.optional,
    );
    expect(shipped.length).toBe(production.length);
    expect(shipped.map((p) => p.name)).toEqual(
      expect.arrayContaining(['react', 'react-dom', 'jose', 'zod', 'keytar', 'electron-updater']),
    );
  });

  it('every shipped package has a permissive licence', () => {
    expect(shipped.filter((p) => !isPermissive(p.licence))).toEqual([]);
  });

  it.each([
    ['MIT', true],
    ['(MIT OR WTFPL)', true],
    ['(BSD-2-Clause OR MIT OR Apache-2.0)', true],
    ['GPL-3.0-only', false],
    ['(MIT AND GPL-2.0)', false],
    ['UNKNOWN', false],
  ])('%s is permissive: %s', (licence, expected) => {
    expect(isPermissive(licence)).toBe(expected);
  });

  it('the README lists exactly the installed production tree (run `npm run licences` after changing dependencies)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(withLicenceTable(readme, licenceTable(shipped))).toBe(readme);
    expect(withLicenceTable(readme, licenceTable(shipped.slice(1)))).not.toBe(readme);
  });
});
