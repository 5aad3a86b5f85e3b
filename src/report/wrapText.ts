/** A text's lines at most `w` columns wide: broken at spaces, a word longer than a line cut (after a '-', '.' or '/' in its second half where there is one); a text painted in one colour keeps it on every line. Pure. */
import { displayWidth } from './displayWidth.js';

const SGR = /\x1b\[[0-9;]*m/g;

export function wrapText(v: string, w: number): string[] {
  if (displayWidth(v) <= w) return [v];
  const painted = /^(\x1b\[[0-9;]*m)([^\x1b]*)(\x1b\[[0-9;]*m)$/.exec(v);
  const text = painted ? painted[2]! : v.replace(SGR, '');
  const out: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (displayWidth(candidate) <= w) {
      current = candidate;
      continue;
    }
    if (current !== '') out.push(current);
    current = '';
    let rest = word;
    while (displayWidth(rest) > w) {
      let cut = '';
      for (const ch of rest) {
        if (displayWidth(cut + ch) > w) break;
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
