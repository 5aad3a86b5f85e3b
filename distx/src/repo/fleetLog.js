/**
 * The commits that changed a file, or files under a directory, of the fleet,
 * newest first, each with its author, author date and the files it changed
 * there (their blob ids before and after), read with the system's git in one
 * process: `git log --raw --no-renames -z <revision> -- <path>` (with git
 * log's history simplification for a path). Merge commits show no
 * changes (as `git log` shows them: each change is the commit that made it).
 * Renames are left to the caller (fleethub's rename is semantic: same id, or
 * blob, or half the fields). Paths are relative to the fleet's root. I/O.
 */
import { spawnSync } from 'node:child_process';
import { UsageError } from '../errors.js';
const NONE = /^0+$/;
/** `path`: a file or a directory, relative to the fleet's root; `maxCount`: at most this many commits. */
export function fleetLog(root, revision, path, maxCount) {
    const dir = path;
    const r = spawnSync('git', ['-c', 'core.quotePath=false', 'log', '--raw', '--no-renames', '--no-abbrev', '-z', '--relative', ...(maxCount !== undefined ? [`--max-count=${maxCount}`] : []), '--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI', revision, '--', path], { cwd: root, maxBuffer: 2 ** 31 });
    if (r.error)
        throw new UsageError(`fleethub history needs git on PATH to read the fleet's history (${r.error.message})`);
    if (r.status !== 0)
        throw new UsageError(`git log could not read the history of ${dir}: ${r.stderr.toString().trim()}`, { dir, revision });
    const out = [];
    for (const chunk of r.stdout.toString('utf8').split('\u0001').slice(1)) {
        const parts = chunk.split('\u0000');
        const [commit, parents, name, email, date] = parts;
        const changes = [];
        // After the header: '\n:<mode> <mode> <oid> <oid> <status>', path, and so on.
        for (let i = 5; i + 1 < parts.length; i += 2) {
            const meta = parts[i].replace(/^\n/, '');
            if (!meta.startsWith(':'))
                break;
            const [, , before, after, status] = meta.slice(1).split(' ');
            changes.push({ status: status[0], path: parts[i + 1], before: NONE.test(before) ? null : before, after: NONE.test(after) ? null : after });
        }
        out.push({ commit, parents: parents === '' ? [] : parents.split(' '), author: { name, email }, date, changes });
    }
    return out;
}
//# sourceMappingURL=fleetLog.js.map