/**
 * Every committed version of one file, oldest first, read with the system's
 * git (`git log --format=%H -- <path>`, then `git show <commit>:<path>`).
 * A repository without history for it answers why instead of guessing.
 */
import { spawnSync } from 'node:child_process';

export type FileVersions =
  | { available: true; versions: Array<{ commit: string; text: string }> }
  | { available: false; reason: 'not-a-repository' | 'shallow-clone' | 'git-failed'; detail: string };

const MAX_VERSIONS = 1000;

export function fileVersions(root: string, path: string): FileVersions {
  const run = (args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const inside = run(['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']);
  if (inside.status !== 0) return { available: false, reason: 'not-a-repository', detail: inside.stderr.trim() || 'not a git repository' };
  if (inside.stdout.trim().split('\n')[1] === 'true') return { available: false, reason: 'shallow-clone', detail: 'a shallow clone has only part of the history' };
  const head = run(['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.status !== 0) return { available: true, versions: [] };
  const log = run(['log', '--reverse', '--format=%H', `--max-count=${MAX_VERSIONS}`, 'HEAD', '--', path]);
  if (log.status !== 0) return { available: false, reason: 'git-failed', detail: log.stderr.trim() };
  const versions: Array<{ commit: string; text: string }> = [];
  for (const commit of log.stdout.split('\n').filter(Boolean)) {
    const show = run(['show', `${commit}:${path}`]);
    if (show.status === 0) versions.push({ commit, text: show.stdout });
  }
  return { available: true, versions };
}
