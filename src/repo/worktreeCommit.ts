/**
 * The commit the working tree holds exactly under `dirs`, or null.
 *
 * Clean there — `git status` (the system's git, which compares by the
 * index's stat data, so 30,000 files cost tens of milliseconds;
 * --no-optional-locks, so the index is not rewritten) shows no change,
 * staged or not, no untracked file, no ignored one (the walk reads those
 * too) — it is HEAD. With changes, and `layOver` accepting the paths that
 * differ (fleethub diff: record files only, whose rows a refresh of just
 * those paths settles), it is a commit of the working tree as it stands:
 * HEAD's tree with those paths as the working tree has them, written with a
 * temporary index of its own (the user's index, refs and files are left
 * alone; the objects are unreferenced, as `git stash create`'s are, and
 * pruned by git gc in time), its author, date and message fixed, so the same
 * working tree gives the same commit on every run.
 *
 * An answer for a fast path, asked early and awaited late (fleethub diff):
 * anything that stops git from telling (no git, not a repository, no commit,
 * a path that is not a regular file) is null, which sends the caller down
 * the path that holds in every case. I/O.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Who writes a working tree's commit, and when: fixed, so that its id depends on the files and HEAD alone. */
const WORKTREE_COMMIT_ENV = {
  GIT_AUTHOR_NAME: 'fleethub',
  GIT_AUTHOR_EMAIL: 'fleethub@localhost',
  GIT_AUTHOR_DATE: '2000-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'fleethub',
  GIT_COMMITTER_EMAIL: 'fleethub@localhost',
  GIT_COMMITTER_DATE: '2000-01-01T00:00:00Z',
};

export interface WorktreeCommitOptions {
  /** Whether a working tree that differs from HEAD in these paths (fleet-relative, deleted ones included) is worth a commit of its own. */
  layOver?: (paths: string[]) => boolean;
}

type Git = (args: string[], options?: { env?: Record<string, string>; input?: string }) => Promise<string | null>;

export async function worktreeCommit(root: string, dirs: readonly string[], options: WorktreeCommitOptions = {}): Promise<string | null> {
  const git: Git = (args, o = {}) =>
    new Promise((done) => {
      const child = execFile('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...o.env } }, (e, stdout) => done(e ? null : stdout));
      // A git that exits without reading its input fails the write (EPIPE): its exit status, which done() reads, is the answer.
      child.stdin?.on('error', () => {});
      child.stdin?.end(o.input ?? '');
    });
  const [head, status] = await Promise.all([git(['rev-parse', '--verify', '--quiet', 'HEAD']), git(['--no-optional-locks', 'status', '--porcelain', '-z', '--no-renames', '--untracked-files=all', '--ignored', '--', ...dirs])]);
  if (head === null || status === null) return null;
  if (status === '') return head.trim();
  const paths = dirtyPaths(status);
  if (paths === null || options.layOver === undefined || !options.layOver(paths) || !paths.every((p) => regularOrGone(join(root, p)))) return null;
  return commitOfWorktree(root, git, head.trim(), paths);
}

/** The paths `git status --porcelain -z --no-renames` names ("XY path\0" each), or null for a directory entry (a nested repository). */
function dirtyPaths(status: string): string[] | null {
  const paths = status.split('\0').filter((e) => e !== '').map((e) => e.slice(3));
  return paths.some((p) => p.endsWith('/')) ? null : paths;
}

function regularOrGone(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** HEAD's tree with `paths` as the working tree holds them (deletions too), committed on HEAD; null when git cannot. */
async function commitOfWorktree(root: string, git: Git, head: string, paths: string[]): Promise<string | null> {
  const indexPath = await git(['rev-parse', '--git-path', 'index']);
  if (indexPath === null) return null;
  const scratch = mkdtempSync(join(tmpdir(), 'fleethub-worktree-index-'));
  try {
    const index = join(scratch, 'index');
    // The user's index, copied: its stat data spares hashing the files that did not change.
    try {
      copyFileSync(resolve(root, indexPath.trim()), index);
    } catch {
      return null;
    }
    const env = { GIT_INDEX_FILE: index };
    // -A: deletions and new files too; -f: ignored files, which the walk reads as well.
    const added = await git(['--literal-pathspecs', 'add', '-A', '-f', '--pathspec-from-file=-', '--pathspec-file-nul'], { env, input: paths.join('\0') });
    const tree = added === null ? null : await git(['write-tree'], { env });
    if (tree === null) return null;
    const commit = await git(['commit-tree', '--no-gpg-sign', '-p', head, '-m', 'fleethub diff: the working tree as it stands', tree.trim()], { env: WORKTREE_COMMIT_ENV });
    return commit === null ? null : commit.trim();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
