/** Rows as an aligned text table for terminals. Pure. */
import Table from 'cli-table3';

export function renderTable(columns: string[], rows: Array<Record<string, unknown>>): string {
  const table = new Table({
    head: columns,
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '-', 'mid-mid': '', right: '', 'right-mid': '', middle: '' },
  });
  for (const r of rows) table.push(columns.map((c) => cell(r[c])));
  return table
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
