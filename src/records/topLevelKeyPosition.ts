/**
 * Where a top-level key of a plain YAML mapping is, found by reading lines
 * instead of parsing: most findings point at one field of a record
 * (`/host`, `/stage`), and loading the `yaml` package to place them costs
 * more (~0.1 s, then a few ms per file) than everything else in locating
 * them. Answers only when the lines leave no doubt, and then as the `yaml`
 * package's locator does (locate.ts; test/topLevelKeyPosition.test.ts
 * compares the two on generated texts); null otherwise, and the caller
 * parses. No doubt means:
 * - every line closes what it opens: each kind of quote an even number of
 *   times, brackets back to level 0 and never below (so no quoted scalar or
 *   flow collection spans lines, and a line at column 0 is never inside one);
 * - the first line with content, and every other line at column 0 that is
 *   not a comment or a sequence item of the key above it, is `name:` with a
 *   plain name starting with a letter (a block mapping whose keys are the
 *   strings written: no number, boolean or null key, no document marker,
 *   directive, explicit, quoted or anchored key); the first two rules only
 *   decline texts the parser rejects as well, and are kept so that an
 *   invalid text is never placed by lines;
 * - the key is there once, and (for its value) the value starts on the key's
 *   line with no anchor, tag or alias in front, and is not a block scalar;
 *   for an item of it (`/via/1`), the value is a one-line flow sequence of
 *   plain scalars.
 * Pure.
 */

export interface LinePosition {
  /** 0-based line of the text. */
  lineIndex: number;
  /** 1-based column. */
  col: number;
}

/** A plain key that YAML reads as that string: starting with a letter (`1.0:` is the number 1, `0x1F:` 31). */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?=[ ]|$)/;
/** Keys YAML 1.2 reads as a boolean or null (`True:` is the key "true"). */
const NOT_A_STRING = /^(?:true|false|null)$/i;
const VALUE_START = /^[A-Za-z0-9_."'/([{~+-]/;

function balanced(line: string): boolean {
  let depth = 0;
  let double = 0;
  let single = 0;
  for (const c of line) {
    if (c === '"') double++;
    else if (c === "'") single++;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth < 0) return false;
  }
  return depth === 0 && double % 2 === 0 && single % 2 === 0;
}

/**
 * Where item `index` of a one-line flow sequence of plain scalars starts
 * (`[a, b, c]`, with `value` the text from its `[`); null for any other
 * value, or an index past its end.
 */
function flowItemStart(value: string, index: number): number | null {
  const close = value.indexOf(']');
  if (close < 0 || !/^\s*(?:#.*)?$/.test(value.slice(close + 1))) return null;
  const inner = value.slice(1, close);
  if (/["'[\]{}#:&*!?|>`@%]/.test(inner)) return null;
  let at = 1;
  const items = inner.split(',');
  for (let i = 0; i < items.length; i++) {
    const lead = items[i]!.search(/\S/);
    if (lead < 0 || (items[i]![lead] === '-' && /^-(?:\s|$)/.test(items[i]!.slice(lead)))) return null; // an empty item, or a `- ` in it
    if (i === index) return at + lead;
    at += items[i]!.length + 1;
  }
  return null;
}

/** `path`: the key, or the key and an item's index (`/via/1`). */
export function topLevelKeyPosition(text: string, path: readonly string[], atKey: boolean): LinePosition | null {
  const [key, item] = path as [string, string | undefined];
  if (path.length === 0 || path.length > 2 || (item !== undefined && !/^(?:0|[1-9]\d*)$/.test(item))) return null;
  if (NOT_A_STRING.test(key) || text.startsWith('\uFEFF') || text.includes('\t') || text.includes('\r')) return null;
  const lines = text.split('\n');
  let found: LinePosition | null = null;
  let mapping = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!balanced(line)) return null;
    const first = line[0];
    if (first === undefined || first === '#') continue;
    if (first === ' ') {
      if (!mapping) return null; // content before the first key: not a plain mapping
      continue;
    }
    if (first === '-' && mapping && (line.length === 1 || line[1] === ' ')) continue; // a sequence item of the key above (compact notation)
    const m = KEY_LINE.exec(line);
    if (!m) return null;
    mapping = true;
    if (m[1] !== key) continue;
    if (found) return null; // there twice: which one the parser takes is its business
    if (atKey && item === undefined) {
      found = { lineIndex: i, col: 1 };
      continue;
    }
    const rest = line.slice(m[0].length);
    const at = rest.search(/\S/);
    if (at < 0 || !VALUE_START.test(rest.slice(at)) || (rest[at] === '-' && (rest[at + 1] === undefined || rest[at + 1] === ' '))) return null;
    if (item === undefined) found = { lineIndex: i, col: m[0].length + at + 1 };
    else {
      // An item (atKey means nothing for a sequence): only in a one-line flow sequence.
      const start = rest[at] === '[' ? flowItemStart(rest.slice(at), Number(item)) : null;
      if (start === null) return null;
      found = { lineIndex: i, col: m[0].length + at + start + 1 };
    }
  }
  return found;
}
