import { createHash, randomBytes } from 'node:crypto';

/** Bytes one keychain entry may hold: Windows Credential Manager stops at 2,560, so we keep a margin. */
export const MAX_ENTRY_BYTES = 2000;

/** Accounts starting with this belong to the store itself (chunks, probes), never to a caller's key. */
export const RESERVED_PREFIX = 'amc-internal:';

const MANIFEST_MARKER = 'amc-chunked-secret:v1:';
const MANIFEST = /^amc-chunked-secret:v1:([ab]):([A-Za-z0-9_-]{8,32}):([1-9][0-9]{0,5}):([A-Za-z0-9_-]{43})$/;

/** The two places a key's chunks can live: writes go to the one the pointer does not name. */
export type Slot = 'a' | 'b';

/** What the pointer entry says when a value is chunked: where the chunks are and how to check them. */
export interface Manifest {
  readonly slot: Slot;
  readonly generation: string;
  readonly count: number;
  readonly digest: string;
}

/** The pointer entry, read: nothing, a value held inline (the cheap, common case), or a manifest. */
export type Pointer =
  | { readonly kind: 'none' }
  | { readonly kind: 'inline'; readonly value: string }
  | { readonly kind: 'chunked'; readonly manifest: Manifest }
  | { readonly kind: 'damaged' };

/** Reads a pointer entry; a value that starts like a manifest but is not one is damaged, not a secret. */
export function parsePointer(raw: string | null): Pointer {
  if (raw === null) return { kind: 'none' };
  if (!raw.startsWith(MANIFEST_MARKER)) return { kind: 'inline', value: raw };
  const m = MANIFEST.exec(raw);
  if (!m) return { kind: 'damaged' };
  return { kind: 'chunked', manifest: { slot: m[1] as Slot, generation: m[2]!, count: Number(m[3]), digest: m[4]! } };
}

/** Writes a manifest; it is small, so switching the pointer to it is one atomic entry write. */
export function formatManifest(m: Manifest): string {
  return `${MANIFEST_MARKER}${m.slot}:${m.generation}:${m.count}:${m.digest}`;
}

/** Short values are stored as themselves; anything that could be mistaken for a manifest is chunked instead. */
export function fitsInline(value: string): boolean {
  return Buffer.byteLength(value, 'utf8') <= MAX_ENTRY_BYTES && !value.startsWith(MANIFEST_MARKER);
}

/** A fresh id per write, stamped on every chunk, so chunks of two writes can never be mixed. */
export function newGeneration(): string {
  return randomBytes(9).toString('base64url');
}

/** Checks a reassembled value against its manifest: a whole value or nothing. */
export function digestOf(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

/** The account of chunk `index` in `slot` for `key`; the reserved prefix keeps it apart from every caller key. */
export function chunkAccount(key: string, slot: Slot, index: number): string {
  return `${RESERVED_PREFIX}chunk:${slot}:${index}:${key}`;
}

/** Splits by UTF-8 bytes, never inside a code point, so each chunk is a valid string of at most `maxBytes`. */
export function splitUtf8(value: string, maxBytes: number): string[] {
  if (maxBytes < 4) throw new RangeError('A chunk must hold at least one code point (4 bytes).');
  const bytes = Buffer.from(value, 'utf8');
  const chunks: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + maxBytes, bytes.length);
    // Step back off UTF-8 continuation bytes (10xxxxxx) so the cut lands between code points.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    chunks.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return chunks;
}
