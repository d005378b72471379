/** A JSON value as an indented tree whose objects and arrays fold, so long answers stay readable. */
export function JsonTree({ value, name, depth = 0, last = true }: { value: unknown; name?: string; depth?: number; last?: boolean }) {
  const key = name === undefined ? null : <span className="json-key">"{name}": </span>;
  const comma = last ? '' : ',';
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-line">
        {key}
        <span className={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
        {comma}
      </div>
    );
  }
  const entries: [string | undefined, unknown][] = Array.isArray(value) ? value.map((v) => [undefined, v]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return <div className="json-line">{key}{open}{close}{comma}</div>;
  const size = Array.isArray(value) ? `${entries.length} item${entries.length === 1 ? '' : 's'}` : `${entries.length} key${entries.length === 1 ? '' : 's'}`;
  return (
    <details className="json-node" open={depth < 3}>
      <summary>
        {key}
        {open}
        <span className="json-size"> {size} </span>
      </summary>
      <div className="json-children">
        {entries.map(([k, v], i) => (
          <JsonTree key={k ?? i} value={v} name={k} depth={depth + 1} last={i === entries.length - 1} />
        ))}
      </div>
      <div className="json-line">
        {close}
        {comma}
      </div>
    </details>
  );
}

/** The body parsed as JSON, or undefined when it is not JSON. */
export function parseJson(body: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body) };
  } catch {
    return undefined;
  }
}
