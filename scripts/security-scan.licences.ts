// The licences of the production dependencies (what ships inside the installers), read from each
// installed package.json of the production tree, as a Markdown table for the README.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One shipped package and its declared licence. */
export interface ShippedPackage {
  readonly name: string;
  readonly version: string;
  readonly licence: string;
}

/** Licences that allow shipping in a closed-source, commercially distributed app without more than a notice. */
export const PERMISSIVE = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  'Unlicense',
  'CC0-1.0',
  'Python-2.0',
]);

/** README markers between which the table is kept. */
export const README_START = '<!-- licences:start (npm run licences) -->';
export const README_END = '<!-- licences:end -->';

interface Manifest {
  name: string;
  version: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

function licenceOf(manifest: Manifest): string {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license?.type) return manifest.license.type;
  const list = (manifest.licenses ?? []).map((l) => l.type).filter(Boolean);
  return list.length ? list.join(' OR ') : 'UNKNOWN';
}

/** Where Node would load `name` from when required in `fromDir`: the nearest node_modules up the tree. */
function resolvePackage(name: string, fromDir: string, root: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || dir === path.dirname(dir)) return null;
  }
}

/** Every package reachable from package.json's `dependencies` (with their dependencies and peers), sorted by name. */
export function productionPackages(root: string): ShippedPackage[] {
  const top = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  const seen = new Map<string, ShippedPackage>();
  const queue: { name: string; from: string; optional: boolean }[] = Object.keys(top.dependencies ?? {}).map(
    (name) => ({ name, from: root, optional: false }),
  );
  while (queue.length > 0) {
    const { name, from, optional } = queue.shift()!;
    const dir = resolvePackage(name, from, root);
    if (!dir) {
      if (optional) continue;
      throw new Error(
        `${name} (needed by ${path.relative(root, from) || 'the app'}) is not installed; run npm ci first`,
      );
    }
    if (seen.has(dir)) continue;
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
    seen.set(dir, { name: manifest.name, version: manifest.version, licence: licenceOf(manifest) });
    for (const dep of Object.keys(manifest.dependencies ?? {})) queue.push({ name: dep, from: dir, optional: false });
    for (const dep of Object.keys(manifest.optionalDependencies ?? {}))
      queue.push({ name: dep, from: dir, optional: true });
    // npm installs peers too (openapi-types under the OpenAPI parser), so they ship like dependencies.
    for (const dep of Object.keys(manifest.peerDependencies ?? {}))
      queue.push({ name: dep, from: dir, optional: manifest.peerDependenciesMeta?.[dep]?.optional === true });
  }
  const unique = new Map([...seen.values()].map((p) => [`${p.name}@${p.version}`, p]));
  return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** True when an SPDX expression like "(MIT OR Apache-2.0)" has an alternative made only of permissive licences. */
export function isPermissive(licence: string): boolean {
  return licence
    .replace(/[()]/g, '')
    .split(/\s+OR\s+/)
    .some((alternative) => alternative.split(/\s+AND\s+/).every((id) => PERMISSIVE.has(id.trim())));
}

/** The README table: licence counts first, then every package. */
export function licenceTable(packages: readonly ShippedPackage[]): string {
  const counts = new Map<string, number>();
  for (const p of packages) counts.set(p.licence, (counts.get(p.licence) ?? 0) + 1);
  const summary = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([l, n]) => `${l} (${n})`)
    .join(', ');
  const rows = packages.map((p) => `| ${p.name} | ${p.version} | ${p.licence} |`);
  return [
    `${packages.length} packages: ${summary}.`,
    '',
    '| package | version | licence |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The README with the table between its markers replaced; throws when the markers are missing. */
export function withLicenceTable(readme: string, table: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error('README.md has no licences markers');
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`;
}
