import type { HeaderPair } from '../../preload/contract';

/** HTTP headers as a two-column table, in the order they came. */
export function HeaderTable({ headers, label }: { headers: readonly HeaderPair[]; label: string }) {
  return (
    <table className="headers" aria-label={label}>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={`${name}-${i}`}>
            <th scope="row">{name}</th>
            <td className="mono">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
