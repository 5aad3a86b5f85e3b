/**
 * Words joined by spaces into as few lines as fit: line i at most
 * `widthOf(i)` columns wide (displayWidth), a word wider than that alone on
 * its line. The words are the caller's units that never break: a help
 * synopsis's `[--flag <v>]`, a summary's `ACTIVE 11,`. Pure.
 */
import { displayWidth } from './displayWidth.js';

export function fillLines(words: readonly string[], widthOf: (line: number) => number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current !== '' && displayWidth(`${current} ${word}`) > widthOf(out.length)) {
      out.push(current);
      current = '';
    }
    current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '' || out.length === 0) out.push(current);
  return out;
}
