/**
 * A path given on the command line as a repository-relative, '/'-separated
 * path: relative to the working directory when that is inside the repository
 * (as git takes paths), else to the repository (a command run with --root
 * from elsewhere). A path that leaves the repository is a usage error.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';

const inside = (rel: string): boolean => !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));

export function repoPath(root: string, cwd: string, given: string): string {
  const base = inside(relative(root, cwd)) ? cwd : root;
  const rel = relative(root, resolve(base, given));
  if (!inside(rel)) throw new UsageError(`${given} is outside the fleet repository ${root}`, { path: given });
  return rel.split(sep).join('/');
}
