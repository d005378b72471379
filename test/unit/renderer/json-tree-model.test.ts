import { describe, expect, it } from 'vitest';

// The model is renderer code, outside tsconfig.test.json's files, so it is loaded by a path tsc does
// not follow; the few types the test needs are restated here.
interface TreeState {
  readonly open: ReadonlyMap<object, boolean>;
  readonly shown: ReadonlyMap<object, number>;
}
type Row = {
  readonly kind: 'value' | 'empty' | 'open' | 'close' | 'more';
  readonly id: string;
  readonly depth: number;
  readonly name?: string;
  readonly last?: boolean;
  readonly value?: unknown;
};
interface JsonTreeModel {
  readonly JSON_TREE_LIMITS: { readonly depth: number; readonly nodes: number; readonly childrenPerStep: number };
  readBody(body: string): { kind: 'tree'; value: object } | { kind: 'text'; reason: string | null };
  measureJson(value: unknown): { nodes: number; depth: number; tooDeep: boolean; tooMany: boolean };
  jsonRows(root: object, state: TreeState): Row[];
  initialTreeState(root: object): TreeState;
}
const MODEL = '../../../renderer/shared/json-tree-model';
const { initialTreeState, JSON_TREE_LIMITS, jsonRows, measureJson, readBody } = (await import(
  /* @vite-ignore */ MODEL
)) as JsonTreeModel;

// The JSON tree's model (issue 15, item 8): a body nested thousands of levels deep froze the page and
// then overflowed the call stack. Measuring, deciding and laying out lines now walk with their own
// stacks, stop at fixed limits, and say plainly why a body is shown as text.

/** `{"a":{"a":…1…}}`, `levels` objects deep. */
const deepText = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** The same, built without parsing (so depths JSON.parse might refuse can be tried too). */
function deepValue(levels: number): object {
  let value: object = { a: 1 };
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

/** A state with every object and array of `root` open, found without recursion. */
function allOpen(root: object): TreeState {
  const open = new Map<object, boolean>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    open.set(node, true);
    stack.push(...Object.values(node));
  }
  return { open, shown: new Map() };
}

describe('readBody: a tree only for JSON within the limits, else text with the reason', () => {
  it('5,000 levels deep: no error, a plain sentence, shown as text', () => {
    const read = readBody(deepText(5000));
    expect(read).toEqual({
      kind: 'text',
      reason:
        'This answer is nested more than 100 levels deep, too deep to show as a tree. It is shown as text instead.',
    });
  });

  it('100 levels is still a tree; 101 is not', () => {
    expect(readBody(deepText(100)).kind).toBe('tree');
    expect(readBody(deepText(101)).kind).toBe('text');
  });

  it('more than 50,000 values, or more than 2 MB of text, are shown as text with the limit named', () => {
    expect(readBody(JSON.stringify(Array.from({ length: 60_000 }, (_, i) => i)))).toEqual({
      kind: 'text',
      reason: 'This answer holds more than 50,000 values, too many to show as a tree. It is shown as text instead.',
    });
    const big = readBody(JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) }));
    expect(big.kind).toBe('text');
    expect(big.kind === 'text' && big.reason).toMatch(
      /^This answer is 3\.0 MB, too large to show as a tree \(the limit is 2 MB\)\./,
    );
  });

  it('not JSON, broken JSON, or a bare JSON value: text, with nothing to explain', () => {
    for (const body of ['', 'Service Unavailable', '{"cut": "sh', '"just a string"', '42', 'null'])
      expect(readBody(body)).toEqual({ kind: 'text', reason: null });
  });

  it('an ordinary answer is a tree', () => {
    expect(readBody('{"message":"pong","items":[1,2,3]}')).toEqual({
      kind: 'tree',
      value: { message: 'pong', items: [1, 2, 3] },
    });
  });
});

describe('measureJson: counted with its own stack, stopping at the limits', () => {
  it('counts values and nesting', () => {
    expect(measureJson({ a: 1, b: [1, 2, { c: null }], d: {} })).toEqual({
      nodes: 8,
      depth: 3,
      tooDeep: false,
      tooMany: false,
    });
    expect(measureJson([])).toEqual({ nodes: 1, depth: 1, tooDeep: false, tooMany: false });
    expect(measureJson('text')).toEqual({ nodes: 1, depth: 0, tooDeep: false, tooMany: false });
  });

  it('a million levels: no RangeError, and it stops just past the depth limit', () => {
    const measured = measureJson(deepValue(1_000_000));
    expect(measured).toMatchObject({ tooDeep: true, depth: JSON_TREE_LIMITS.depth + 1 });
    expect(measured.nodes).toBeLessThanOrEqual(JSON_TREE_LIMITS.depth + 1);
  });

  it('a million values: stops as soon as the count passes the limit', () => {
    const measured = measureJson(Array.from({ length: 1_000_000 }, () => ({ a: 1 })));
    expect(measured.tooMany).toBe(true);
  });
});

describe('jsonRows: the lines drawn, made without recursion', () => {
  it('5,000 levels, every one opened: all the lines, no RangeError', () => {
    const value = deepValue(5000);
    const rows = jsonRows(value, allOpen(value));
    expect(rows).toHaveLength(5000 * 2 + 1);
    expect(rows[4999]).toMatchObject({ kind: 'open', depth: 4999, name: 'a' });
    expect(rows[5000]).toMatchObject({ kind: 'value', depth: 5000, name: 'a', value: 1 });
    expect(rows.at(-1)).toMatchObject({ kind: 'close', depth: 0, bracket: '}' });
  });

  it('a folded node is one line (its size counted) and its contents are not visited', () => {
    const inner = new Proxy({ x: 1 }, { get: () => expect.unreachable('a folded node’s contents were read') });
    const root = { folded: inner, n: 2 };
    const rows = jsonRows(root, { open: new Map([[root, true]]), shown: new Map() });
    expect(rows.map((r) => r.kind)).toEqual(['open', 'open', 'value', 'close']);
    expect(rows[1]).toMatchObject({ name: 'folded', open: false });
  });

  it('an opened node shows a hundred items, then "more" until all are asked for', () => {
    const list = Array.from({ length: 250 }, (_, i) => i);
    const open = new Map<object, boolean>([[list, true]]);
    const first = jsonRows(list, { open, shown: new Map() });
    expect(first.filter((r) => r.kind === 'value')).toHaveLength(100);
    expect(first.at(-2)).toMatchObject({ kind: 'more', shown: 100, total: 250 });
    const all = jsonRows(list, { open, shown: new Map([[list, 300]]) });
    expect(all.filter((r) => r.kind === 'value')).toHaveLength(250);
    expect(all.some((r) => r.kind === 'more')).toBe(false);
    // Commas: every item but the very last has one.
    expect(all.filter((r) => r.kind === 'value' && r.last).map((r) => r.value)).toEqual([249]);
  });

  it('lines keep their ids when a node above opens', () => {
    const root = { a: { b: 1 }, c: [1, 2] };
    const closed = jsonRows(root, { open: new Map([[root, true]]), shown: new Map() });
    const opened = jsonRows(root, {
      open: new Map<object, boolean>([
        [root, true],
        [root.a, true],
      ]),
      shown: new Map(),
    });
    const idOf = (rows: Row[], name: string) => rows.find((r) => r.name === name)?.id;
    expect(idOf(opened, 'c')).toBe(idOf(closed, 'c'));
    expect(new Set(opened.map((r) => r.id)).size).toBe(opened.length);
  });
});

describe('initialTreeState: the top levels open while they fit', () => {
  it('opens whole levels only: 250 items open at the top, their objects folded when they would not all fit', () => {
    const items = Array.from({ length: 250 }, (_, i) => ({ id: i, name: `item ${i}` }));
    const root = { items };
    const state = initialTreeState(root);
    expect(state.open.get(root)).toBe(true);
    expect(state.open.get(items)).toBe(true);
    expect(items.some((item) => state.open.has(item))).toBe(false);
  });

  it('a small answer opens three levels', () => {
    const root = { a: { b: { c: { d: 1 } } } };
    const state = initialTreeState(root);
    expect([root, root.a, root.a.b].every((n) => state.open.get(n))).toBe(true);
    expect(state.open.has(root.a.b.c)).toBe(false);
  });
});
