/** Excel reads a UTF-8 file as UTF-8 only when it starts with this byte-order mark. */
const BOM = '\uFEFF';

/**
 * The cells as CSV (RFC 4180: CRLF between records; a field with a comma, quote or line break is
 * quoted, its quotes doubled), with a byte-order mark for Excel. Cells a spreadsheet would run as a
 * formula are neutralised with a leading apostrophe (OWASP "CSV injection").
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const records = [columns, ...rows].map((cells) => cells.map((cell) => quote(neutralise(cell))).join(','));
  return `${BOM}${records.join('\r\n')}\r\n`;
}

/** A plain number, which a spreadsheet may read as one: "-12.5", "+3", "1e6". */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Prefixes `'` to a cell starting with =, +, -, @, tab or carriage return, unless it is a plain number. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
