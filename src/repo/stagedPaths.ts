/**
 * The paths staged for commit (`git diff --cached`), relative to the fleet
 * root, those outside it left out: what `fleethub validate --staged` reports
 * on. Through the system's git (the pre-commit hook runs where git does). I/O.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { gitMessage } from './gitMessage.js';

export function stagedPaths(root: string): string[] {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    const out = execFileSync('git', ['diff', '--cached', '--name-only', '--no-renames', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out
      .split('\0')
      .filter(Boolean)
      .map((p) => relative(root, resolve(top, p)).split(sep).join('/'))
      .filter((p) => !p.startsWith('..'));
  } catch (e) {
    throw new UsageError(`--staged needs a Git repository: ${gitMessage(e)}`);
  }
}
