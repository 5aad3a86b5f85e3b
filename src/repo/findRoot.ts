/** Finds the fleet repository a command runs in, as git finds its repository. I/O. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RootNotFoundError } from '../errors.js';

const MARKERS = ['registry', 'workplans', 'policies'];

/** The nearest directory at or above `start` holding a fleet directory, or the explicit `--root`. */
export function findRoot(start: string, explicit?: string): string {
  if (explicit !== undefined) {
    const root = resolve(start, explicit);
    if (!existsSync(root)) throw new RootNotFoundError(root, true);
    return root;
  }
  let dir = resolve(start);
  for (;;) {
    if (MARKERS.some((m) => existsSync(join(dir, m)))) return dir;
    if (existsSync(join(dir, '.git'))) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new RootNotFoundError(resolve(start), false);
}
