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
  const allHeader = all.map((c) => escapeTerminal(c));
  const allCells = rows.map((r) => all.map((c) => cell(r[c])));
  const natural = allHeader.map((h, i) => Math.max(width(h), ...allCells.map((row) => width(row[i]!))));
  const shown = shownColumns(all, natural.map((w, i) => floorOf(w, width(allHeader[i]!))), options);
  const header = shown.map((i) => allHeader[i]!);
  const cells = allCells.map((row) => shown.map((i) => row[i]!));
  const widths = shown.map((i) => natural[i]!);
  fit(widths, maxWidth - GAP * (widths.length - 1), shown.map((_, k) => cells.some((row) => row[k]!.includes(' '))), header.map(width));
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
  const left = all.filter((_, i) => !shown.includes(i));
  return [...lines(header), '-'.repeat(total), ...cells.flatMap(lines), ...(left.length > 0 ? [`(columns left out to fit the width: ${left.join(', ')})`] : [])].join('\n');
}

/** The narrowest a column gets: MIN_COLUMN or its header's width, or its natural width when that is smaller. */
function floorOf(natural: number, header: number): number {
  return Math.min(natural, Math.max(MIN_COLUMN, header));
}

/** The indices of the columns shown: all of them, or without the optional ones (in their order) while the table at its floors is wider than maxWidth. */
function shownColumns(all: readonly string[], floors: readonly number[], options: { maxWidth: number; optional?: readonly string[] }): number[] {
  const shown = all.map((_, i) => i);
  const fits = (): boolean => shown.reduce((sum, i) => sum + floors[i]!, 0) + GAP * (shown.length - 1) <= options.maxWidth;
  for (const c of options.optional ?? []) {
    if (fits()) break;
    const i = shown.findIndex((k) => all[k] === c);
    if (i !== -1) shown.splice(i, 1);
  }
  return shown;
}

/**
 * Narrows the widest columns until the widths sum to at most `budget`: first
 * the columns of prose (a cell with a space: it wraps at words), then, if
 * that is not enough, any column but the first (the row's identity: cut last),
 * then any column; never below MIN_COLUMN or the header's width (or the
 * column's natural width, when smaller).
 */
function fit(widths: number[], budget: number, prose: boolean[], headers: number[]): void {
  const floor = widths.map((w, i) => floorOf(w, headers[i]!));
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
