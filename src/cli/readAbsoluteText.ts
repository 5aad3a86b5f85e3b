/**
 * A file's text by a path given on the command line or in the environment,
 * resolved from `base`: null when nothing is there; any other failure (a
 * directory, no permission) is an error that says which, never "no file". I/O.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function readAbsoluteText(base: string): (path: string) => string | null {
  return (path) => {
    try {
      return readFileSync(resolve(base, path), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      if (code === 'EISDIR') throw new Error(`${path} is a directory, not a file`);
      throw new Error(`${path} cannot be read (${code ?? (e as Error).message})`);
    }
  };
}
