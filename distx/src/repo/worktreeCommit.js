/**
 * The commit the working tree holds exactly under `dirs`, or null: HEAD,
 * when `git status` (the system's git, which compares by the index's stat
 * data, so 30,000 files cost tens of milliseconds; --no-optional-locks, so
 * the index is not rewritten) shows nothing there — no change, staged or
 * not, no untracked file, no ignored one (the walk reads those too). An
 * answer for a fast path, asked early and awaited late (fleethub diff): anything that stops git
 * from telling (no git, not a repository, no commit) is null, which sends
 * the caller down the path that holds in every case. I/O.
 */
import { execFile } from 'node:child_process';
export async function worktreeCommit(root, dirs) {
    const git = (args) => new Promise((resolve) => execFile('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }, (e, stdout) => resolve(e ? null : stdout)));
    const [head, status] = await Promise.all([git(['rev-parse', '--verify', '--quiet', 'HEAD']), git(['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=all', '--ignored', '--', ...dirs])]);
    return head !== null && status === '' ? head.trim() : null;
}
//# sourceMappingURL=worktreeCommit.js.map