/**
 * Whether the fleet's files in the working tree are exactly the staged ones:
 * no tracked file below `root` differs from its staged version, and no file
 * below it is untracked (ignored ones, .fleethub/ among them, do not count).
 * Then the working tree is what the next commit holds, and `validate --staged`
 * can read it (and its cache) as it is; otherwise it reads a checkout of the
 * index (checkoutIndex.ts). Through the system's git. I/O.
 */
import { execFileSync } from 'node:child_process';
import { UsageError } from '../errors.js';
import { gitMessage } from './gitMessage.js';

export function worktreeMatchesIndex(root: string): boolean {
  const git = (args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    return git(['diff', '--name-only', '--no-renames', '-z', '--', '.']) === '' && git(['ls-files', '--others', '--exclude-standard', '-z', '--', '.']) === '';
  } catch (e) {
    throw new UsageError(`--staged needs a Git repository: ${gitMessage(e)}`);
  }
}
