/**
 * Rows as an aligned text table for terminals. Pure and linear in the number
 * of rows (cli-table3 was quadratic: 4.5 s for 10,000 rows).
 *
 * The table fits `maxWidth` columns (the caller's Style.columns: the entry
 * point decides it, and no table forgets it): when it would not, the
 * widest columns are narrowed and their cells wrap onto more lines (at
 * spaces where they can). Widths are measured without colour codes, so
 * colour does not break the alignment, and wide (East Asian) characters
 * count two. Columns named `optional` are left out, in that order, when the
 * table could not fit even with every column narrowed to its floor; a last
 * line then says which. Cells are escaped for the terminal (escapeTerminal; a cell's
 * colour codes are kept, and the CLI's last pass escapes them when the output
 * has no colour).
 */
import { displayWidth as width } from './displayWidth.js';
import { escapeTerminal } from './escapeTerminal.js';
import { wrapText as wrap } from './wrapText.js';

/** No column is narrowed below this (or its natural width, when smaller). */
const MIN_COLUMN = 10;
const GAP = 2;

export function renderTable(all: string[], rows: Array<Record<string, unknown>>, options: { maxWidth: number; optional?: readonly string[] }): string {
  const { maxWidth } = options;
  const columns = fewerColumns(all, rows, options);
  const header = columns.map((c) => escapeTerminal(c));
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((row) => width(row[i]!))));
  fit(widths, maxWidth - GAP * (widths.length - 1), columns.map((_, i) => cells.some((row) => row[i]!.includes(' '))), header.map(width));
  const line = (values: string[]): string =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v + ' '.repeat(Math.max(0, widths[i]! - width(v)) + GAP)))
      .join('')
      .trimEnd();
  const lines = (values: string[]): string[] => {
    const wrapped = values.map((v, i) => wrap(v, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, k) => line(wrapped.map((w) => w[k] ?? '')));
  };
  const total = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  const left = all.filter((c) => !columns.includes(c));
  return [...lines(header), '-'.repeat(total), ...cells.flatMap(lines), ...(left.length > 0 ? [`(columns left out to fit the width: ${left.join(', ')})`] : [])].join('\n');
}

/** The columns shown: all of them, or without the optional ones (in their order) that keep the narrowest table wider than maxWidth. */
function fewerColumns(all: string[], rows: Array<Record<string, unknown>>, options: { maxWidth: number; optional?: readonly string[] }): string[] {
  const narrowest = (c: string): number => {
    const natural = Math.max(width(c), ...rows.map((r) => width(cell(r[c]))));
    return Math.min(natural, Math.max(MIN_COLUMN, width(c)));
  };
  const floors = new Map(all.map((c) => [c, narrowest(c)]));
  const columns = [...all];
  const fits = (): boolean => columns.reduce((sum, c) => sum + floors.get(c)!, 0) + GAP * (columns.length - 1) <= options.maxWidth;
  for (const c of options.optional ?? []) {
    if (fits()) break;
    if (columns.includes(c)) columns.splice(columns.indexOf(c), 1);
  }
  return columns;
}

/**
 * Narrows the widest columns until the widths sum to at most `budget`: first
 * the columns of prose (a cell with a space: it wraps at words), then, if
 * that is not enough, any column but the first (the row's identity: cut last),
 * then any column; never below MIN_COLUMN or the header's width (or the
 * column's natural width, when smaller).
 */
function fit(widths: number[], budget: number, prose: boolean[], headers: number[]): void {
  const floor = widths.map((w, i) => Math.min(w, Math.max(MIN_COLUMN, headers[i]!)));
  for (const pass of [prose, widths.map((_, i) => i > 0), widths.map(() => true)]) {
    let sum = widths.reduce((a, b) => a + b, 0);
    while (sum > budget) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) if (pass[i] && widths[i]! > floor[i]! && (widest === -1 || widths[i]! > widths[widest]!)) widest = i;
      if (widest === -1) break;
      const next = Math.max(floor[widest]!, ...widths.filter((w, i) => pass[i] && i !== widest && w < widths[widest]!), widths[widest]! - (sum - budget));
      sum -= widths[widest]! - next;
      widths[widest] = next;
    }
  }
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return escapeTerminal(s, { keepColours: true });
}
