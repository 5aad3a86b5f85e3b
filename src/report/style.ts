/** ANSI styling for human output, and the width its tables fit. Both are decided at the entry point (TTY, NO_COLOR, the terminal's width). */
export interface Style {
  /** The columns text tables fit (the terminal's width, else COLUMNS, else DEFAULT_COLUMNS). */
  columns: number;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

/** The width of a table when nothing says how wide the output is. */
export const DEFAULT_COLUMNS = 100;

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export const COLOR: Style = { columns: DEFAULT_COLUMNS, red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
const id = (s: string): string => s;
export const PLAIN: Style = { columns: DEFAULT_COLUMNS, red: id, yellow: id, green: id, dim: id, bold: id };
