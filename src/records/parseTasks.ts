/**
 * Workplan tasks: Markdown list items with a box and Dataview-style inline
 * fields, e.g. `- [ ] T04 Forge and CI [depends:: T03] [owner:: ops] [done-when:: forge-up]`.
 * Pure: text in, tasks and problems out.
 */

export type TaskState = 'todo' | 'doing' | 'done' | 'cancelled' | 'blocked';

export const BOX_STATES: Readonly<Record<string, TaskState>> = {
  ' ': 'todo',
  '/': 'doing',
  x: 'done',
  X: 'done',
  '-': 'cancelled',
  '!': 'blocked',
};

export interface TaskField {
  key: string;
  value: string;
  /** 1-based column of the value. */
  col: number;
}

export interface ParsedTask {
  id: string;
  title: string;
  state: TaskState;
  /** 1-based file line and the column of the task id. */
  line: number;
  col: number;
  /** 1-based column of the box character. */
  boxCol: number;
  depth: number;
  parent: string | null;
  fields: TaskField[];
}

export interface TaskProblem {
  code: 'task-syntax' | 'task-missing-id' | 'task-unknown-state' | 'task-duplicate-id' | 'task-malformed';
  /** A look-alike line (`task-malformed`) is a warning: it is not read as a task, so it breaks nothing by itself. */
  severity: 'error' | 'warning';
  message: string;
  line: number;
  col: number;
}

const TASK_LINE = /^([ \t]*)(?:[-*+]|\d+[.)])[ \t]+\[(.)\][ \t]+(.*)$/;
const BOXLIKE_LINE = /^([ \t]*)(?:[-*+]|\d+[.)])[ \t]+\[(.{0,3})\](?:[ \t]|$)/;
const FIELD = /\[([A-Za-z][A-Za-z0-9_ -]*?)::[ \t]*([^\]]*)\]|\(([A-Za-z][A-Za-z0-9_ -]*?)::[ \t]*([^)]*)\)/g;
const UNCLOSED_FIELD = /([[(])[A-Za-z][A-Za-z0-9_ -]*?::/;
const TASK_ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const FENCE = /^[ \t]*(```|~~~)/;
/**
 * A line that looks like a task but is not read as one: a box with no space
 * before or after it (`-[ ] T08`, `- [x]T08`), or a box and an id with no list
 * marker (`[ ] T08`). Without an id right after the box, only a marker, a box and
 * a space count (`-[ ] buy milk`), so `*[x]*` and `[link](url)` stay prose.
 */
const LOOKALIKE = /^([ \t]*)([-*+]|\d+[.)])?([ \t]*)\[([^\]]{0,3})\]([ \t]*)(.*)$/;

/** `bodyLine` is the 1-based file line the body starts on. */
export function parseTasks(body: string, bodyLine: number): { tasks: ParsedTask[]; problems: TaskProblem[] } {
  const tasks: ParsedTask[] = [];
  const problems: TaskProblem[] = [];
  const seen = new Map<string, number>();
  const open: Array<{ indent: number; id: string }> = [];
  let fence: string | null = null;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const line = bodyLine + i;
    const f = FENCE.exec(raw);
    if (f) {
      fence = fence === null ? f[1]! : fence === f[1] ? null : fence;
      continue;
    }
    if (fence !== null) continue;
    const m = TASK_LINE.exec(raw);
    if (!m) {
      const b = BOXLIKE_LINE.exec(raw);
      if (b && b[2] !== undefined && b[2].length !== 1) {
        problems.push({ code: 'task-syntax', severity: 'error', message: `task box '[${b[2]}]' must hold exactly one character`, line, col: b[1]!.length + 3 });
      } else if (!b) {
        const look = lookAlike(raw, line);
        if (look) problems.push(look);
      }
      continue;
    }
    const indent = expandedWidth(m[1]!);
    const boxChar = m[2]!;
    const boxCol = raw.indexOf('[') + 2;
    const state = BOX_STATES[boxChar];
    if (!state) {
      problems.push({ code: 'task-unknown-state', severity: 'error', message: `unknown task box '[${boxChar}]'`, line, col: boxCol });
      continue;
    }
    const rest = m[3]!;
    const restCol = raw.length - rest.length + 1;
    const idMatch = /^(\S+)/.exec(rest);
    const firstWord = idMatch?.[1] ?? '';
    if (!TASK_ID.test(firstWord) || !/\d/.test(firstWord)) {
      problems.push({ code: 'task-missing-id', severity: 'error', message: `task has no id: '${truncate(rest)}'`, line, col: restCol });
      continue;
    }
    const fields: TaskField[] = [];
    FIELD.lastIndex = 0;
    for (let fm = FIELD.exec(rest); fm; fm = FIELD.exec(rest)) {
      const key = (fm[1] ?? fm[3])!.trim().toLowerCase().replace(/ /g, '-');
      const value = (fm[2] ?? fm[4])!.trim();
      const valueOffset = fm[0].indexOf('::') + 2;
      const lead = fm[0].slice(valueOffset).length - fm[0].slice(valueOffset).trimStart().length;
      fields.push({ key, value, col: restCol + fm.index + valueOffset + lead });
    }
    const title = rest
      .slice(firstWord.length)
      .replace(FIELD, '')
      .replace(/\s+/g, ' ')
      .trim();
    // A field opened and never closed would be read as title text, and its value lost: the task is not read.
    const unclosed = UNCLOSED_FIELD.exec(rest.replace(FIELD, (f) => ' '.repeat(f.length)));
    if (unclosed) {
      const close = unclosed[1] === '[' ? ']' : ')';
      problems.push({ code: 'task-syntax', severity: 'error', message: `field '${unclosed[0].trim()}' is not closed: end it with '${close}'`, line, col: restCol + unclosed.index + unclosed[0].indexOf(unclosed[1]!) });
      continue;
    }
    while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop();
    const parent = open.length > 0 ? open[open.length - 1]!.id : null;
    const firstLine = seen.get(firstWord);
    if (firstLine !== undefined) {
      problems.push({ code: 'task-duplicate-id', severity: 'error', message: `task id ${firstWord} is already used on line ${firstLine}`, line, col: restCol });
      continue;
    }
    seen.set(firstWord, line);
    tasks.push({ id: firstWord, title, state, line, col: restCol, boxCol, depth: open.length, parent, fields });
    open.push({ indent, id: firstWord });
  }
  return { tasks, problems };
}

/** The warning for a line that looks like a task but is not one, with the form it should take; null for other lines. */
function lookAlike(raw: string, line: number): TaskProblem | null {
  const m = LOOKALIKE.exec(raw);
  if (!m) return null;
  const [, indent = '', marker, gapBefore = '', box = '', gapAfter = '', rest = ''] = m;
  const firstWord = /^\S*/.exec(rest)![0];
  const idLike = TASK_ID.test(firstWord) && /\d/.test(firstWord);
  if (!idLike && (marker === undefined || gapAfter === '')) return null; // prose such as *[x]*, or a bare '-[ ]'
  let col: number;
  let what: string;
  if (marker === undefined) {
    col = indent.length + gapBefore.length + 1;
    what = 'has no list marker before the box';
  } else if (gapBefore === '') {
    col = indent.length + marker.length + 1;
    what = `needs a space between '${marker}' and the box`;
  } else if (gapAfter === '') {
    col = raw.length - rest.length + 1;
    what = 'needs a space after the box';
  } else return null;
  const boxChar = box.length === 1 ? box : box.trim().length === 1 ? box.trim() : ' ';
  const right = `${marker ?? '-'} [${boxChar}] ${rest.trim()}`;
  return { code: 'task-malformed', severity: 'warning', message: `this line looks like a task but is not read as one: it ${what}; write '${truncate(right)}'`, line, col };
}

/** Splits a list-valued field (`T02, T03`) into its items with their columns. */
export function splitList(field: TaskField): Array<{ value: string; col: number }> {
  const out: Array<{ value: string; col: number }> = [];
  let offset = 0;
  for (const part of field.value.split(',')) {
    const lead = part.length - part.trimStart().length;
    const value = part.trim();
    if (value) out.push({ value, col: field.col + offset + lead });
    offset += part.length + 1;
  }
  return out;
}

function expandedWidth(ws: string): number {
  let w = 0;
  for (const c of ws) w += c === '\t' ? 4 - (w % 4) : 1;
  return w;
}

function truncate(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}
