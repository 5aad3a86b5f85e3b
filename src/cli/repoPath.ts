/**
 * A path given on the command line as a repository-relative, '/'-separated
 * path: relative to the working directory when that is inside the repository
 * (as git takes paths), else to the repository (a command run with --root
 * from elsewhere). Null when it leaves the repository. Pure.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

const inside = (rel: string): boolean => !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));

export function repoPath(root: string, cwd: string, given: string): string | null {
  const base = inside(relative(root, cwd)) ? cwd : root;
  const rel = relative(root, resolve(base, given));
  return inside(rel) ? rel.split(sep).join('/') : null;
}
