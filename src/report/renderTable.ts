/**
 * Rows as an aligned text table for terminals. Pure and linear in the number
 * of rows (cli-table3 was quadratic: 4.5 s for 10,000 rows).
 *
 * The table fits `maxWidth` columns (the caller's Style.columns: the entry
 * point decides it, and no table forgets it): when it would not, the
 * widest columns are narrowed and their cells wrap onto more lines (at
 * spaces where they can). Widths are measured without colour codes, so
 * colour does not break the alignment, and wide (East Asian) characters
 * count two. Cells are escaped for the terminal (escapeTerminal; a cell's
 * colour codes are kept, and the CLI's last pass escapes them when the output
 * has no colour).
 */
import { escapeTerminal } from './escapeTerminal.js';

/** No column is narrowed below this (or its natural width, when smaller). */
const MIN_COLUMN = 10;
const GAP = 2;
const SGR = /\x1b\[[0-9;]*m/g;

export function renderTable(columns: string[], rows: Array<Record<string, unknown>>, options: { maxWidth: number }): string {
  const { maxWidth } = options;
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
  return [...lines(header), '-'.repeat(total), ...cells.flatMap(lines)].join('\n');
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

/** A cell's lines at most `w` wide: broken at spaces, long words cut; a cell painted in one colour keeps it on every line. */
function wrap(v: string, w: number): string[] {
  if (width(v) <= w) return [v];
  const painted = /^(\x1b\[[0-9;]*m)([^\x1b]*)(\x1b\[[0-9;]*m)$/.exec(v);
  const text = painted ? painted[2]! : v.replace(SGR, '');
  const out: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (width(candidate) <= w) {
      current = candidate;
      continue;
    }
    if (current !== '') out.push(current);
    current = '';
    let rest = word;
    while (width(rest) > w) {
      let cut = '';
      for (const ch of rest) {
        if (width(cut + ch) > w) break;
        cut += ch;
      }
      if (cut === '') cut = [...rest][0]!;
      const dash = Math.max(cut.lastIndexOf('-'), cut.lastIndexOf('.'), cut.lastIndexOf('/'));
      if (dash >= cut.length / 2 && dash < cut.length - 1) cut = cut.slice(0, dash + 1);
      out.push(cut);
      rest = rest.slice(cut.length);
    }
    current = rest;
  }
  if (current !== '') out.push(current);
  return painted ? out.map((l) => `${painted[1]}${l}${painted[3]}`) : out;
}

/** Display width: colour codes take none; wide (East Asian) characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s.replace(SGR, '')) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff)) ? 2 : 1;
  }
  return w;
}
