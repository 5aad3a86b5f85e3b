/**
 * Where to point for a YAML syntax error. js-yaml often reports the place it
 * gave up (the end of the text for an unclosed quote, just past an alias),
 * so this moves the position to the cause: the opening quote or bracket, the
 * alias or tag itself, the non-printable character, or the strict parser's
 * (`yaml` package) position where js-yaml's is missing or a line late. Pure; positions are 1-based within the
 * YAML text.
 */
import { lineColumn } from './lineColumn.js';
import { yamlLibrary } from './yamlLibrary.js';

/** What YAML (and js-yaml) refuse as non-printable, lone surrogates included. */
export const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

export interface SyntaxPosition {
  line: number;
  col: number;
}

export function locateSyntaxError(text: string, reason: string, mark: { line: number; column: number } | undefined): SyntaxPosition {
  const lines = text.split('\n');
  const js = mark && Number.isFinite(mark.line) ? { line: mark.line + 1, col: mark.column + 1 } : null;

  if (/non-printable/.test(reason)) {
    const at = NON_PRINTABLE.exec(text);
    if (at) return lineColumn(text, at.index);
  }
  if (js && /alias|tag/.test(reason)) {
    const lineText = lines[js.line - 1] ?? '';
    const indicator = /alias/.test(reason) ? '*' : '!';
    let i = lineText.lastIndexOf(indicator, js.col - 1);
    while (i > 0 && lineText[i - 1] === indicator) i--; // the start of '!!tag'
    if (i !== -1) return { line: js.line, col: i + 1 };
  }
  if (/quoted scalar|flow collection/.test(reason)) {
    const opener = lastOpener(lines, js?.line ?? lines.length, /double quoted/.test(reason) ? '"' : /single quoted/.test(reason) ? "'" : '[{');
    if (opener) return opener;
  }
  // A repeated key: the strict parser points at the second one (js-yaml, after a block scalar, at a column left of the line).
  if (/duplicated mapping key/.test(reason)) {
    const dup = strictPosition(text, { uniqueKeys: true });
    if (dup) return dup;
  }
  // Without a position, or when js-yaml only noticed on the next line that a key went wrong, the strict parser knows better.
  if (!js || /multiline key may not be an implicit key/.test(reason)) return strictPosition(text) ?? js ?? { line: 1, col: 1 };
  return { line: js.line, col: Math.max(1, js.col) };
}

/** The strict parser's first error position, if it finds one. */
export function strictPosition(text: string, options: { uniqueKeys?: boolean } = {}): (SyntaxPosition & { message: string }) | null {
  const { LineCounter, parseDocument } = yamlLibrary();
  const counter = new LineCounter();
  const err = parseDocument(text, { lineCounter: counter, uniqueKeys: options.uniqueKeys ?? false }).errors[0];
  if (!err) return null;
  const pos = counter.linePos(err.pos[0]);
  return { line: pos.line, col: pos.col, message: err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') };
}

/** The last value-opening quote or bracket at or before `uptoLine`. */
function lastOpener(lines: string[], uptoLine: number, chars: string): SyntaxPosition | null {
  for (let l = Math.min(uptoLine, lines.length); l >= 1; l--) {
    const m = new RegExp(`(?:^\\s*(?:-\\s+)?|:\\s+|[\\[{,]\\s*)([${chars.replace(/[[\]]/g, '\\$&')}])`, 'g');
    let last: number | null = null;
    for (let x = m.exec(lines[l - 1]!); x; x = m.exec(lines[l - 1]!)) last = x.index + x[0].length - 1;
    if (last !== null) return { line: l, col: last + 1 };
  }
  return null;
}
