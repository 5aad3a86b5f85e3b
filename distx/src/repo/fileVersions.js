/**
 * Every committed version of one file, oldest first, read with the system's
 * git (`git log --format=%H -- <path>`, then `git cat-file --batch`).
 * All versions are read by one `git cat-file --batch`. A repository without
 * history for it answers why instead of guessing.
 */
import { spawnSync } from 'node:child_process';
const MAX_VERSIONS = 1000;
/** @param revision where history ends (HEAD; fleethub diff reads other revisions) */
export function fileVersions(root, path, revision = 'HEAD') {
    const run = (args, input) => spawnSync('git', args, { cwd: root, maxBuffer: 64 << 20, ...(input !== undefined ? { input } : {}) });
    const head = run(['rev-parse', '--is-shallow-repository', '--verify', '--quiet', revision]);
    if (head.status !== 0) {
        const inside = run(['rev-parse', '--is-inside-work-tree']);
        if (inside.status !== 0)
            return { available: false, reason: 'not-a-repository', detail: inside.stderr.toString().trim() || 'not a git repository' };
        return { available: true, versions: [] }; // no commit yet
    }
    if (head.stdout.toString().split('\n')[0] === 'true')
        return { available: false, reason: 'shallow-clone', detail: 'a shallow clone has only part of the history' };
    const log = run(['log', '--reverse', '--format=%H', `--max-count=${MAX_VERSIONS}`, revision, '--', path]);
    if (log.status !== 0)
        return { available: false, reason: 'git-failed', detail: log.stderr.toString().trim() };
    const commits = log.stdout.toString().split('\n').filter(Boolean);
    if (commits.length === 0)
        return { available: true, versions: [] };
    // Every version in one process: `git cat-file --batch` answers "<id> blob <size>\n<bytes>\n" (or "<name> missing\n") per line asked.
    const batch = run(['cat-file', '--batch'], commits.map((c) => `${c}:${path}\n`).join(''));
    if (batch.status !== 0)
        return { available: false, reason: 'git-failed', detail: batch.stderr.toString().trim() };
    const out = batch.stdout;
    const versions = [];
    let at = 0;
    for (const commit of commits) {
        const nl = out.indexOf(0x0a, at);
        if (nl === -1)
            break;
        const header = out.subarray(at, nl).toString().split(' ');
        at = nl + 1;
        if (header[1] !== 'blob')
            continue; // missing in that commit (deleted there)
        const size = Number(header[2]);
        versions.push({ commit, text: out.subarray(at, at + size).toString('utf8') });
        at += size + 1;
    }
    return { available: true, versions };
}
//# sourceMappingURL=fileVersions.js.map