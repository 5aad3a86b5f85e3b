/**
 * The paths under `dirs` that differ from HEAD in the working tree: changed
 * (staged or not), deleted or untracked, as `git status` shows them (the
 * system's git, --no-optional-locks so the index is not rewritten; ignored
 * files, .fleethub/ among them, do not count). Null when git cannot tell (no
 * git, not a repository, no commit yet). Sorted. I/O.
 */
import { execFileSync } from 'node:child_process';

export function uncommittedPaths(root: string, dirs: readonly string[]): string[] | null {
  let out: string;
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root, stdio: 'ignore' });
    out = execFileSync('git', ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...dirs], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // Not a question git can answer here: the caller goes on as it would without git.
    return null;
  }
  return out
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3))
    .sort();
}
