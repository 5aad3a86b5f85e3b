/**
 * fleethub's state directory in a fleet repository, `.fleethub/` (the cache,
 * the outbox, the relay's clones): created mode 0700, and an existing one
 * narrowed to 0700, since it may hold what only its owner should read (pending
 * events, upstream's files). A `.gitignore` in it keeps it out of commits.
 * Every writer of `.fleethub/` goes through here.
 */
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StateDirUnusableError } from '../errors.js';

export const STATE_DIR = '.fleethub';

export function ensureStateDir(root: string): string {
  const dir = join(root, STATE_DIR);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new StateDirUnusableError(STATE_DIR, code === 'EEXIST' ? 'a file is there' : 'a file is on its path');
    throw e;
  }
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  try {
    writeFileSync(join(dir, '.gitignore'), '*\n', { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return dir;
}
