/** A reader of a repository's files as UTF-8 text: a path relative to `root`, or null when the file cannot be read. I/O. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readRepoText(root: string): (path: string) => string | null {
  return (path) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return null;
    }
  };
}
