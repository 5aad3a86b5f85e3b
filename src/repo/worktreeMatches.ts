/**
 * Whether the working tree holds exactly `commit`'s files under `dirs`:
 * HEAD is that commit and `git status` (the system's git, which compares
 * by the index's stat data, so 30,000 files cost tens of milliseconds) shows
 * nothing there (without refreshing the index: --no-optional-locks) — no
 * change, staged or not, no untracked file, no ignored
 * one (the walk reads those too). An answer for a fast path: anything that
 * stops git from telling (no git, not a repository) is a no, which sends
 * the caller down the path that holds in every case. I/O.
 */
import { spawnSync } from 'node:child_process';

export function worktreeMatches(root: string, commit: string, dirs: readonly string[]): boolean {
  const git = (args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const head = git(['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.status !== 0 || head.stdout.trim() !== commit) return false;
  const status = git(['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=all', '--ignored', '--', ...dirs]);
  return status.status === 0 && status.stdout === '';
}
