// `npm run scan`: the security checks CI runs besides the tests. Electronegativity over main/ and
// preload/ (SARIF in test-results/electronegativity.sarif), npm audit of the production
// dependencies, and the licences of what ships. Exits 1 on anything not explained in writing.
// `npm run licences` rewrites the README's licence table.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { judgeAudit, readAllowlist, runNpmAudit } from './security-scan.audit';
import { EXCLUDED_CHECKS, scanElectron } from './security-scan.electron';
import { isPermissive, licenceTable, productionPackages, withLicenceTable } from './security-scan.licences';

const root = path.resolve(import.meta.dirname, '..');
const readmePath = path.join(root, 'README.md');
const failures: string[] = [];
const section = (title: string) => console.log(`\n== ${title}`);

if (process.argv.includes('--write-licences')) {
  writeFileSync(readmePath, withLicenceTable(readFileSync(readmePath, 'utf8'), licenceTable(productionPackages(root))));
  console.log('README.md: licence table rewritten');
  process.exit(0);
}

section('Electronegativity over main/ and preload/');
const sarif = path.join(root, 'test-results/electronegativity.sarif');
const electron = await scanElectron(root, ['main', 'preload'], sarif);
console.log(`${electron.files} files scanned; SARIF written to ${path.relative(root, sarif)}`);
for (const c of EXCLUDED_CHECKS) console.log(`  check off: ${c.id} — ${c.reason}`);
for (const s of electron.suppressed)
  console.log(`  suppressed: ${s.finding.file}:${s.finding.line} ${s.finding.ruleId} — ${s.reason}`);
failures.push(...electron.failures);

section('npm audit --omit=dev (high and critical advisories)');
const audit = judgeAudit(
  await runNpmAudit(root),
  readAllowlist(path.join(root, 'scripts/security-scan.audit-allowlist.json')),
);
console.log(audit.note);
for (const line of audit.allowed) console.log(`  ${line}`);
failures.push(...audit.failures);
if (!audit.checked && process.env.AUDIT_REQUIRED === '1')
  failures.push('AUDIT_REQUIRED=1 but the advisory service could not be asked');

section('Licences of production dependencies');
const shipped = productionPackages(root);
const table = licenceTable(shipped);
console.log(table.split('\n')[0]);
for (const p of shipped.filter((x) => !isPermissive(x.licence)))
  failures.push(`${p.name}@${p.version} is licensed "${p.licence}", not on the permissive list: check it may ship`);
if (withLicenceTable(readFileSync(readmePath, 'utf8'), table) !== readFileSync(readmePath, 'utf8'))
  failures.push('README.md lists other licences than the installed production tree: run `npm run licences`');

section('Result');
for (const f of failures) console.log(`FAIL  ${f}`);
console.log(failures.length === 0 ? 'Security scan passed.' : `Security scan failed: ${failures.length} problem(s).`);
process.exitCode = failures.length === 0 ? 0 : 1;
