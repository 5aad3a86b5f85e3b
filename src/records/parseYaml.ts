/**
 * Record YAML: js-yaml (gray-matter's own engine) with the core schema, so
 * dates stay strings. Guards against alias bombs and deep nesting. Pure.
 */
import { pointerSegment } from './pointerSegment.js';
import { jsYamlLibrary, yamlCoreSchema } from './jsYamlLibrary.js';
import { createLocator } from './locate.js';
import { locateSyntaxError, strictPosition } from './locateSyntaxError.js';

export const MAX_YAML_NODES = 20_000;
export const MAX_YAML_DEPTH = 32;
/** A value that starts quoted, and something other than a comment after its closing quote on the same line. */
const TEXT_AFTER_QUOTED = /^[^#\n]*?[:-][ \t]+("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')[ \t]+[^\s#]/m;

export type ParsedYaml =
  | { ok: true; data: unknown }
  | { ok: false; code: 'yaml-syntax' | 'yaml-too-large' | 'yaml-too-deep'; message: string; line: number; col: number };

/** `line` is the 1-based file line the YAML text starts on. */
export function parseYaml(text: string, line = 1): ParsedYaml {
  let data: unknown;
  try {
    const jsyaml = jsYamlLibrary();
    data = jsyaml.load(text, { schema: yamlCoreSchema(), json: false });
  } catch (e) {
    if (e instanceof RangeError) {
      const at = deepBracket(text);
      return { ok: false, code: 'yaml-too-deep', message: `YAML nests deeper than the parser can follow (limit ${MAX_YAML_DEPTH} levels)`, line: line + at.line - 1, col: at.col };
    }
    const err = e as { reason?: string; mark?: { line: number; column: number }; message?: string };
    const reason = err.reason ?? String(err.message ?? e);
    const at = locateSyntaxError(text, reason, err.mark);
    // js-yaml notices a tab in the indentation a line late, as "bad indentation": the tab is the cause, and where to point.
    const tab = indentationTab(text, at.line);
    if (tab) return { ok: false, code: 'yaml-syntax', message: 'YAML: a tab in the indentation (YAML indents with spaces only)', line: line + tab.line - 1, col: tab.col };
    return { ok: false, code: 'yaml-syntax', message: `YAML: ${reason}`, line: line + at.line - 1, col: at.col };
  }
  // js-yaml tolerates tabs where YAML forbids them (indentation), and text after a quoted value on its line
  // (`title: "a" role: b` reads as two keys): with either, the strict parser has the last word.
  if (text.includes('\t') || TEXT_AFTER_QUOTED.test(text)) {
    const strict = strictPosition(text);
    if (strict) {
      const after = TEXT_AFTER_QUOTED.exec(text.split('\n')[strict.line - 1] ?? '');
      const message = after ? `text after the quoted value ${after[1]} on this line: put the next key on its own line, or quote the whole value` : strict.message;
      return { ok: false, code: 'yaml-syntax', message: `YAML: ${message}`, line: line + strict.line - 1, col: strict.col };
    }
  }
  return measured(data, text, line);
}

/** A tab in the leading whitespace of the error's line or the two before it (the nearest), or null. */
function indentationTab(text: string, errorLine: number): { line: number; col: number } | null {
  const lines = text.split('\n');
  for (let l = Math.min(errorLine, lines.length); l >= Math.max(1, errorLine - 2); l--) {
    const m = /^([ ]*)\t/.exec(lines[l - 1]!);
    if (m) return { line: l, col: m[1]!.length + 1 };
  }
  return null;
}

function measured(data: unknown, text: string, line: number): ParsedYaml {
  const { shape, path } = measure(data);
  if (shape === 'too-deep') {
    // At the value MAX_YAML_DEPTH levels down: where to start flattening.
    const at = createLocator(text, line)(path.map((k) => `/${pointerSegment(k)}`).join(''));
    return { ok: false, code: 'yaml-too-deep', message: `YAML nests deeper than ${MAX_YAML_DEPTH} levels`, line: at.line, col: at.col };
  }
  if (shape === 'too-large') {
    return { ok: false, code: 'yaml-too-large', message: `YAML expands to more than ${MAX_YAML_NODES} values (an alias bomb?)`, line, col: 1 };
  }
  return { ok: true, data };
}

/**
 * Counts values as if aliases were expanded, stopping at the limits. Depth
 * first, the last child first (the order decides which limit a text over both
 * reports); recursive, since it stops MAX_YAML_DEPTH levels down.
 */
function measure(root: unknown): { shape: 'ok' | 'too-deep' | 'too-large'; path: string[] } {
  let count = 0;
  /** The keys down to the value a limit stopped at (filled in on the way back up). */
  const path: string[] = [];
  const visit = (v: unknown, depth: number): 'ok' | 'too-deep' | 'too-large' => {
    if (++count > MAX_YAML_NODES) return 'too-large';
    if (v === null || typeof v !== 'object') return 'ok';
    if (depth >= MAX_YAML_DEPTH) return 'too-deep';
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const r = visit(v[i], depth + 1);
        if (r !== 'ok') return (path.unshift(String(i)), r);
      }
      return 'ok';
    }
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    for (let i = keys.length - 1; i >= 0; i--) {
      const r = visit(o[keys[i]!], depth + 1);
      if (r !== 'ok') return (path.unshift(keys[i]!), r);
    }
    return 'ok';
  };
  return { shape: visit(root, 0), path };
}

/**
 * Where flow brackets (`[`, `{`) first nest MAX_YAML_DEPTH deep, outside
 * quotes and comments: the spot a text too deep for the parser itself goes
 * wrong (1-based line and column of the YAML text); its first line when
 * brackets are not what nests.
 */
function deepBracket(text: string): { line: number; col: number } {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '#' && (i === lineStart || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if ((c === '"' || c === "'") && (i === lineStart || /[\s[{,:]/.test(text[i - 1]!))) {
      // A quoted scalar: to its closing quote ('' and \" stay inside), not past the line's end.
      for (i++; i < text.length && text[i] !== '\n'; i++) {
        if (c === '"' && text[i] === '\\') i++;
        else if (text[i] === c && !(c === "'" && text[i + 1] === "'")) break;
        else if (text[i] === c) i++;
      }
      if (text[i] === '\n') i--;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_DEPTH) return { line, col: i - lineStart + 1 };
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return { line: 1, col: 1 };
}
