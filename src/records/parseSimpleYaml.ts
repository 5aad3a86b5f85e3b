/**
 * A fast path for the plain YAML most record files are written in: block
 * mappings and sequences indented with spaces, one-line flow collections,
 * quoted and plain scalars, comments. Anything else (anchors, tags, block
 * scalars, multi-line scalars, duplicate keys, odd indentation) makes it give
 * up and return NOT_SIMPLE, and the caller parses with js-yaml. Plain scalars
 * are resolved by js-yaml's own core-schema types, so a result is always the
 * value js-yaml would give (a differential test holds it to that). Pure.
 */
import { jsYamlLibrary } from './jsYamlLibrary.js';
import { NON_PRINTABLE } from './locateSyntaxError.js';

export const NOT_SIMPLE = Symbol('not simple YAML');

interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

let implicit: ImplicitType[] | undefined;
const IMPLICIT = (): ImplicitType[] => (implicit ??= (jsYamlLibrary().CORE_SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit);

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_.\-/]*):(?: +|$)/;

interface Line {
  indent: number;
  text: string;
}

export function parseSimpleYaml(source: string): unknown {
  if (source.includes('\t') || /\r(?!\n)/.test(source) || NON_PRINTABLE.test(source)) return NOT_SIMPLE;
  const lines: Line[] = [];
  for (const raw of source.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(text) || text.startsWith('%')) return NOT_SIMPLE;
    lines.push({ indent: text.length - trimmed.length, text: trimmed.trimEnd() });
  }
  if (lines.length === 0) return NOT_SIMPLE;
  try {
    const state = { i: 0 };
    const value = parseBlock(lines, state, lines[0]!.indent);
    if (state.i !== lines.length) return NOT_SIMPLE;
    return value;
  } catch (e) {
    if (e instanceof Bail || e instanceof RangeError) return NOT_SIMPLE;
    throw e;
  }
}

/** A block node whose lines start at exactly `indent`. */
function parseBlock(lines: Line[], state: { i: number }, indent: number): unknown {
  const first = lines[state.i]!;
  if (first.indent !== indent) bail();
  return first.text === '-' || first.text.startsWith('- ') ? parseSequence(lines, state, indent) : parseMapping(lines, state, indent, null);
}

function parseSequence(lines: Line[], state: { i: number }, indent: number): unknown[] {
  const out: unknown[] = [];
  while (state.i < lines.length) {
    const line = lines[state.i]!;
    if (line.indent < indent) break;
    if (line.indent > indent || !(line.text === '-' || line.text.startsWith('- '))) bail();
    const rest = line.text === '-' ? '' : line.text.slice(2).trimStart();
    const restIndent = line.indent + (line.text.length - rest.length);
    state.i++;
    if (rest === '') {
      out.push(childOrNull(lines, state, indent, true));
    } else if (rest === '-' || rest.startsWith('- ')) {
      bail();
    } else if (KEY.test(rest)) {
      out.push(parseMapping(lines, state, restIndent, { indent: restIndent, text: rest }));
    } else {
      out.push(scalarOrFlow(rest));
      if (state.i < lines.length && lines[state.i]!.indent > indent) bail();
    }
  }
  return out;
}

/** A mapping at `indent`; `first` is its first line when it began after a `- ` on the same line. */
function parseMapping(lines: Line[], state: { i: number }, indent: number, first: Line | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let pending: Line | null = first;
  for (;;) {
    let line: Line;
    if (pending) {
      line = pending;
      pending = null;
    } else {
      if (state.i >= lines.length) break;
      line = lines[state.i]!;
      if (line.indent < indent) break;
      if (line.indent > indent) bail();
      state.i++;
    }
    const m = KEY.exec(line.text);
    if (!m) bail();
    const key = plainKey(m![1]!, out);
    const rest = line.text.slice(m![0].length);
    if (rest === '' || rest.startsWith('#')) {
      out[key] = childOrNull(lines, state, indent, false);
    } else {
      out[key] = scalarOrFlow(rest);
      if (state.i < lines.length && lines[state.i]!.indent > indent) bail();
    }
  }
  return out;
}

/** The block under a `key:` or `- ` with nothing after it: deeper lines, a same-indent sequence under a key, or null. */
function childOrNull(lines: Line[], state: { i: number }, indent: number, inSequence: boolean): unknown {
  const next = lines[state.i];
  if (!next) return null;
  if (next.indent > indent) return parseBlock(lines, state, next.indent);
  if (!inSequence && next.indent === indent && (next.text === '-' || next.text.startsWith('- '))) return parseSequence(lines, state, indent);
  return null;
}

/** A value on the rest of a line: a quoted or plain scalar, or a one-line flow collection, with an optional comment. */
function scalarOrFlow(text: string): unknown {
  const c = text[0]!;
  if (c === '[' || c === '{') {
    const r = { s: text, i: 0 };
    const v = flowValue(r);
    skipSpaces(r);
    if (r.i < r.s.length && !isComment(r)) bail();
    return v;
  }
  if (c === '"' || c === "'") {
    const r = { s: text, i: 0 };
    const v = quoted(r);
    skipSpaces(r);
    if (r.i < r.s.length && !isComment(r)) bail();
    return v;
  }
  const hash = text.search(/ #/);
  return plain(hash === -1 ? text : text.slice(0, hash).trimEnd(), false);
}

function isComment(r: { s: string; i: number }): boolean {
  return r.s[r.i] === '#' && r.i > 0 && r.s[r.i - 1] === ' ';
}

function skipSpaces(r: { s: string; i: number }): void {
  while (r.s[r.i] === ' ') r.i++;
}

function flowValue(r: { s: string; i: number }, depth = 0): unknown {
  if (depth > 16) bail();
  skipSpaces(r);
  const c = r.s[r.i];
  if (c === '[') {
    r.i++;
    const out: unknown[] = [];
    skipSpaces(r);
    if (r.s[r.i] === ']') {
      r.i++;
      return out;
    }
    for (;;) {
      out.push(flowValue(r, depth + 1));
      skipSpaces(r);
      if (r.s[r.i] === ',') {
        r.i++;
        skipSpaces(r);
        if (r.s[r.i] === ']') bail();
        continue;
      }
      if (r.s[r.i] === ']') {
        r.i++;
        return out;
      }
      return bail();
    }
  }
  if (c === '{') {
    r.i++;
    const out: Record<string, unknown> = {};
    skipSpaces(r);
    if (r.s[r.i] === '}') {
      r.i++;
      return out;
    }
    for (;;) {
      skipSpaces(r);
      const m = /^([A-Za-z0-9_][A-Za-z0-9_.\-/]*): +/.exec(r.s.slice(r.i));
      if (!m) bail();
      const key = plainKey(m![1]!, out);
      r.i += m![0].length;
      out[key] = flowValue(r, depth + 1);
      skipSpaces(r);
      if (r.s[r.i] === ',') {
        r.i++;
        skipSpaces(r);
        if (r.s[r.i] === '}') bail();
        continue;
      }
      if (r.s[r.i] === '}') {
        r.i++;
        return out;
      }
      return bail();
    }
  }
  if (c === '"' || c === "'") return quoted(r);
  const start = r.i;
  while (r.i < r.s.length && !',[]{}'.includes(r.s[r.i]!)) r.i++;
  return plain(r.s.slice(start, r.i).trim(), true);
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };

function quoted(r: { s: string; i: number }): string {
  const q = r.s[r.i]!;
  let out = '';
  r.i++;
  for (;;) {
    if (r.i >= r.s.length) bail();
    const ch = r.s[r.i]!;
    if (q === "'") {
      if (ch === "'") {
        if (r.s[r.i + 1] === "'") {
          out += "'";
          r.i += 2;
          continue;
        }
        r.i++;
        return out;
      }
    } else {
      if (ch === '"') {
        r.i++;
        return out;
      }
      if (ch === '\\') {
        const e = r.s[r.i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(r.s.slice(r.i + 2, r.i + 6))) {
          out += String.fromCharCode(parseInt(r.s.slice(r.i + 2, r.i + 6), 16));
          r.i += 6;
          continue;
        }
        const mapped = e === undefined ? undefined : ESCAPES[e];
        if (mapped === undefined) bail();
        out += mapped;
        r.i += 2;
        continue;
      }
    }
    out += ch;
    r.i++;
  }
}

/** A plain scalar, resolved as js-yaml's core schema resolves it. */
function plain(text: string, inFlow: boolean): unknown {
  if (text === '') return inFlow ? bail() : null;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^-[0-9.]/.test(text)) bail();
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) bail();
  for (const t of IMPLICIT()) {
    if (t.resolve(text)) return t.construct(text);
  }
  return text;
}

/** A key that js-yaml would read as the same string: not a number, bool or null, not a duplicate. */
function plainKey(key: string, into: Record<string, unknown>): string {
  if (key === '__proto__' || Object.prototype.hasOwnProperty.call(into, key)) bail();
  for (const t of IMPLICIT()) if (t.resolve(key)) bail();
  return key;
}
