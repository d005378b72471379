import { memo, useMemo, useState } from 'react';
import { initialTreeState, JSON_TREE_LIMITS, jsonRows, type JsonRow, type TreeState } from './json-tree-model';

export { JSON_TREE_LIMITS, readBody, type ReadBody } from './json-tree-model';

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * A JSON value as an indented tree whose objects and arrays fold, so long answers stay readable.
 * Drawn as a flat list of lines, made without recursion: a folded object's contents are not made at
 * all, and an opened one shows its first items with "Show more" for the rest.
 */
export const JsonTree = memo(function JsonTree({ value }: { value: object }) {
  const [tree, setTree] = useState<{ of: object; state: TreeState }>(() => ({
    of: value,
    state: initialTreeState(value),
  }));
  // Another value starts folded as a new one would: what was open belongs to the previous one.
  if (tree.of !== value) setTree({ of: value, state: initialTreeState(value) });
  const { state } = tree;
  const rows = useMemo(() => jsonRows(value, state), [value, state]);
  const change = (next: (s: TreeState) => TreeState) => setTree((t) => ({ ...t, state: next(t.state) }));
  const toggle = (node: object, open: boolean) => change((s) => ({ ...s, open: new Map(s.open).set(node, !open) }));
  const more = (node: object, shown: number) =>
    change((s) => ({ ...s, shown: new Map(s.shown).set(node, shown + JSON_TREE_LIMITS.childrenPerStep) }));
  return (
    <div className="json-tree">
      {rows.map((row) => (
        <Line key={row.id} row={row} onToggle={toggle} onMore={more} />
      ))}
    </div>
  );
});

function Line({
  row,
  onToggle,
  onMore,
}: {
  row: JsonRow;
  onToggle(node: object, open: boolean): void;
  onMore(node: object, shown: number): void;
}) {
  const indent = { paddingLeft: `${row.depth * 1.4 + 1.1}em` };
  const key =
    'name' in row && row.name !== undefined ? <span className="json-key">{JSON.stringify(row.name)}: </span> : null;
  const comma = 'last' in row && !row.last ? ',' : '';
  switch (row.kind) {
    case 'value':
      return (
        <div className="json-line" style={indent}>
          {key}
          <span className={`json-${row.value === null ? 'null' : typeof row.value}`}>{JSON.stringify(row.value)}</span>
          {comma}
        </div>
      );
    case 'empty':
      return (
        <div className="json-line" style={indent}>
          {key}
          {row.brackets}
          {comma}
        </div>
      );
    case 'open':
      return (
        <div className="json-line" style={indent}>
          <button
            type="button"
            className="json-toggle"
            aria-expanded={row.open}
            onClick={() => onToggle(row.node, row.open)}
          >
            <span className="json-marker" aria-hidden="true">
              {row.open ? '▾' : '▸'}
            </span>
            {key}
            {row.brackets[0]}
            <span className="json-size"> {row.size} </span>
            {!row.open && (
              <>
                <span className="json-folded">…</span>
                {row.brackets[1]}
              </>
            )}
          </button>
          {!row.open && comma}
        </div>
      );
    case 'close':
      return (
        <div className="json-line" style={indent}>
          {row.bracket}
          {comma}
        </div>
      );
    case 'more':
      return (
        <div className="json-line" style={indent}>
          <button type="button" className="small" onClick={() => onMore(row.node, row.shown)}>
            Show {count(Math.min(JSON_TREE_LIMITS.childrenPerStep, row.total - row.shown))} more ({count(row.shown)} of{' '}
            {count(row.total)} shown)
          </button>
        </div>
      );
  }
}
