/**
 * Help text fitted to the terminal: a line wider than `width` is broken at
 * spaces (never inside `[...]` or `<...>`), its continuation lines indented
 * under where its text starts — a synopsis (`fleethub cmd [--x] ...`) under
 * its first option, an option's description (`  --x <v>   what it does`)
 * under the description, prose under its own indent. Lines that fit are left
 * as written. Pure.
 */
import { fillLines } from '../report/fillLines.js';

export function wrapHelp(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => (line.length <= width ? [line] : wrapLine(line, width)))
    .join('\n');
}

function wrapLine(line: string, width: number): string[] {
  const start = continuationIndent(line);
  const indent = Math.min(start, Math.floor(width / 2));
  return fillLines(splitOutsideBrackets(line.slice(start)), (i) => width - (i === 0 ? start : indent)).map((l, i) => `${i === 0 ? line.slice(0, start) : ' '.repeat(indent)}${l}`);
}

/** Where a line's text starts: after a synopsis's command words, after an option's name column, else its own indent. */
function continuationIndent(line: string): number {
  const synopsis = /^(\s*fleethub(?: [a-z-]+)*) [[<-]/.exec(line);
  if (synopsis) return synopsis[1]!.length + 1;
  const option = /^(\s*-\S*(?: <[^>]+>\S*)?(?:, -\S+)?\s{2,})\S/.exec(line);
  if (option) return option[1]!.length;
  const term = /^(\s*[a-z][\w-]*\s{2,})\S/.exec(line);
  if (term) return term[1]!.length;
  return /^\s*/.exec(line)![0].length;
}

/** Words split at spaces outside brackets, so `[--fail-on error|warning|none]` and `<private key file>` stay whole. */
function splitOutsideBrackets(s: string): string[] {
  const words: string[] = [];
  let depth = 0;
  let current = '';
  const chars = [...s];
  chars.forEach((ch, i) => {
    // '<' opens only a placeholder (`<file>`), not a comparison in prose.
    if (ch === '[' || (ch === '<' && /[a-z-]/.test(chars[i + 1] ?? ''))) depth++;
    else if ((ch === ']' || ch === '>') && depth > 0) depth--;
    if (ch === ' ' && depth === 0) {
      if (current !== '') words.push(current);
      current = '';
      return;
    }
    current += ch;
  });
  if (current !== '') words.push(current);
  return words;
}
