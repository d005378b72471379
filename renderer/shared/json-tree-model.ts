// The JSON tree's model, without React: how big and how deep a parsed body is, and which lines a tree
// shows for what the user opened. Both walk with a stack of their own, never by recursion, so no
// input — however deep — can overflow the call stack, and both stop at fixed limits.

/** When a body is shown as text instead of a tree, and how much of an opened node is drawn at once. */
export const JSON_TREE_LIMITS = {
  /** Characters of body text (about 2 MB). */
  chars: 2 * 1024 * 1024,
  /** Values in all (objects, arrays, and the numbers, strings… in them). */
  nodes: 50_000,
  /** Objects and arrays nested in one another. */
  depth: 100,
  /** Items of an opened object or array drawn at once; "Show more" adds as many again. */
  childrenPerStep: 100,
  /** Lines drawn open at first (the top three levels, as long as they fit). */
  initialLines: 300,
  /** Levels open at first. */
  initialDepth: 3,
} as const;

export type JsonTreeLimits = { readonly [K in keyof typeof JSON_TREE_LIMITS]: number };

/** The size of a parsed value, counted until a limit is passed (so the count stops early on a huge body). */
export interface JsonMeasure {
  /** Values counted (all of them when no limit was passed). */
  readonly nodes: number;
  /** The deepest nesting of objects and arrays seen (1 for a flat object). */
  readonly depth: number;
  readonly tooDeep: boolean;
  readonly tooMany: boolean;
}

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** Counts values and nesting without recursion; stops as soon as either passes its limit. */
export function measureJson(
  root: unknown,
  limits: Pick<JsonTreeLimits, 'nodes' | 'depth'> = JSON_TREE_LIMITS,
): JsonMeasure {
  const values: unknown[] = [root];
  const depths: number[] = [isContainer(root) ? 1 : 0];
  let nodes = 0;
  let deepest = 0;
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    nodes++;
    if (depth > deepest) deepest = depth;
    if (deepest > limits.depth) return { nodes, depth: deepest, tooDeep: true, tooMany: false };
    if (nodes + values.length > limits.nodes)
      return { nodes: nodes + values.length, depth: deepest, tooDeep: false, tooMany: true };
    if (!isContainer(value)) continue;
    for (const child of Object.values(value)) {
      values.push(child);
      depths.push(isContainer(child) ? depth + 1 : depth);
    }
  }
  return { nodes, depth: deepest, tooDeep: false, tooMany: false };
}

/** What the user opened and closed, and how many items of each opened node they asked to see. */
export interface TreeState {
  readonly open: ReadonlyMap<object, boolean>;
  readonly shown: ReadonlyMap<object, number>;
}

interface LineBase {
  /** Stable across openings: the path of item positions from the top. */
  readonly id: string;
  readonly depth: number;
}

/** One line of the tree as drawn. */
export type JsonRow =
  | (LineBase & {
      readonly kind: 'value';
      readonly name: string | undefined;
      readonly last: boolean;
      readonly value: string | number | boolean | null;
    })
  | (LineBase & {
      readonly kind: 'empty';
      readonly name: string | undefined;
      readonly last: boolean;
      readonly brackets: string;
    })
  | (LineBase & {
      readonly kind: 'open';
      readonly name: string | undefined;
      readonly last: boolean;
      readonly node: object;
      readonly open: boolean;
      readonly brackets: readonly [string, string];
      readonly size: string;
    })
  | (LineBase & { readonly kind: 'close'; readonly last: boolean; readonly bracket: string })
  | (LineBase & { readonly kind: 'more'; readonly node: object; readonly shown: number; readonly total: number });

/** The keys of an object, or null for an array. */
const keysOf = (node: object): string[] | null => (Array.isArray(node) ? null : Object.keys(node));
const itemCount = (node: object, keys: string[] | null) => (keys ? keys.length : (node as unknown[]).length);
const child = (node: object, keys: string[] | null, i: number): unknown =>
  keys ? (node as Record<string, unknown>)[keys[i]!] : (node as unknown[])[i];

/** Which nodes are open at first: the top levels, a whole level at a time, while their lines fit the budget (the top one always opens). */
export function initialTreeState(
  root: object,
  limits: Pick<JsonTreeLimits, 'childrenPerStep' | 'initialLines' | 'initialDepth'> = JSON_TREE_LIMITS,
): TreeState {
  const open = new Map<object, boolean>();
  let budget = limits.initialLines;
  let level: object[] = [root];
  for (let depth = 0; depth < limits.initialDepth && level.length > 0; depth++) {
    const lines = level.reduce((sum, node) => sum + Math.min(itemCount(node, keysOf(node)), limits.childrenPerStep), 0);
    if (depth > 0 && lines > budget) break;
    budget -= lines;
    const next: object[] = [];
    for (const node of level) {
      open.set(node, true);
      const keys = keysOf(node);
      const shown = Math.min(itemCount(node, keys), limits.childrenPerStep);
      for (let i = 0; i < shown; i++) {
        const item = child(node, keys, i);
        if (isContainer(item)) next.push(item);
      }
    }
    level = next;
  }
  return { open, shown: new Map() };
}

type Task =
  | {
      readonly value: unknown;
      readonly name: string | undefined;
      readonly depth: number;
      readonly last: boolean;
      readonly id: string;
    }
  | { readonly line: JsonRow };

/** The lines the tree shows: opened nodes' first items (as many as asked), folded nodes as one line. Walks with its own stack. */
export function jsonRows(
  root: object,
  state: TreeState,
  limits: Pick<JsonTreeLimits, 'childrenPerStep'> = JSON_TREE_LIMITS,
): JsonRow[] {
  const rows: JsonRow[] = [];
  const stack: Task[] = [{ value: root, name: undefined, depth: 0, last: true, id: 'r' }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    if ('line' in task) {
      rows.push(task.line);
      continue;
    }
    const { value, name, depth, last, id } = task;
    if (!isContainer(value)) {
      rows.push({ kind: 'value', id, depth, name, last, value: value as string | number | boolean | null });
      continue;
    }
    const keys = keysOf(value);
    const total = itemCount(value, keys);
    const brackets: [string, string] = keys ? ['{', '}'] : ['[', ']'];
    if (total === 0) {
      rows.push({ kind: 'empty', id, depth, name, last, brackets: brackets.join('') });
      continue;
    }
    const open = state.open.get(value) ?? false;
    const size = keys
      ? `${total.toLocaleString('en-GB')} key${total === 1 ? '' : 's'}`
      : `${total.toLocaleString('en-GB')} item${total === 1 ? '' : 's'}`;
    rows.push({ kind: 'open', id, depth, name, last, node: value, open, brackets, size });
    if (!open) continue;
    const shown = Math.min(total, state.shown.get(value) ?? limits.childrenPerStep);
    stack.push({ line: { kind: 'close', id: `${id}/`, depth, last, bracket: brackets[1] } });
    if (shown < total)
      stack.push({ line: { kind: 'more', id: `${id}+`, depth: depth + 1, node: value, shown, total } });
    for (let i = shown - 1; i >= 0; i--)
      stack.push({
        value: child(value, keys, i),
        name: keys ? keys[i] : undefined,
        depth: depth + 1,
        last: i === total - 1,
        id: `${id}.${i}`,
      });
  }
  return rows;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** What a body is, read once: JSON that fits in a tree, JSON too big or deep for one (and why), or not JSON. */
export type ReadBody =
  { readonly kind: 'tree'; readonly value: object } | { readonly kind: 'text'; readonly reason: string | null };

const SHOWN_AS_TEXT = 'It is shown as text instead.';

/**
 * Decides how a body can be shown: as a tree only when it is a JSON object or array within the limits
 * (size, values, depth), checked before anything is drawn; otherwise as text, with the reason in plain words.
 */
export function readBody(body: string): ReadBody {
  const text = { kind: 'text', reason: null } as const;
  if (body === '' || !/^\s*[[{]/.test(body)) return text;
  if (body.length > JSON_TREE_LIMITS.chars)
    return {
      kind: 'text',
      reason: `This answer is ${(body.length / 1024 / 1024).toFixed(1)} MB, too large to show as a tree (the limit is ${JSON_TREE_LIMITS.chars / 1024 / 1024} MB). ${SHOWN_AS_TEXT}`,
    };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    // V8 parses deep JSON without recursion, but an engine that cannot says so with a RangeError.
    if (error instanceof RangeError)
      return {
        kind: 'text',
        reason: `This answer is nested too deeply for this app to read as JSON. ${SHOWN_AS_TEXT}`,
      };
    return text;
  }
  if (typeof value !== 'object' || value === null) return text;
  const size = measureJson(value);
  if (size.tooDeep)
    return {
      kind: 'text',
      reason: `This answer is nested more than ${JSON_TREE_LIMITS.depth} levels deep, too deep to show as a tree. ${SHOWN_AS_TEXT}`,
    };
  if (size.tooMany)
    return {
      kind: 'text',
      reason: `This answer holds more than ${count(JSON_TREE_LIMITS.nodes)} values, too many to show as a tree. ${SHOWN_AS_TEXT}`,
    };
  return { kind: 'tree', value };
}
