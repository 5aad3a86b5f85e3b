/** Lists a fleet repository's record files with their size and mtime. I/O. */
import * as nodeFs from 'node:fs';
import { join, relative, sep } from 'node:path';
import { hintFor } from '../records/hints.js';
import { KIND_DIRS } from '../records/kinds.js';
/**
 * `stat: false` skips the per-file stat (a cold build reads every file anyway and takes size and mtime from it).
 * Symlinks get one rule at every level, the kind directories (`registry/`, `workplans/`, ...) included: a link
 * leading outside the repository or nowhere is a `symlink-escape` error, one that leads back to itself a
 * `symlink-loop` error, a linked directory inside the repository a `symlink-dir` warning; none is followed.
 * A directory that cannot be listed is an `unreadable-dir` error, never an empty directory.
 */
export function walkFleet(root, options = {}) {
    const fs = options.fs ?? nodeFs;
    const wantStat = options.stat !== false;
    const files = [];
    const findings = [];
    const realRoot = fs.realpathSync(root);
    const reported = new Set();
    const base = join(root, '/');
    const problem = (path, severity, code, message) => {
        if (reported.has(path))
            return;
        reported.add(path);
        findings.push({ file: path, line: 1, col: 1, severity, code, message, hint: hintFor(code) });
    };
    /** Whether a symlink at `path` is acceptable to read through (a file inside the repository); reports it otherwise. */
    const symlinkTarget = (path) => {
        try {
            const target = fs.realpathSync(join(root, path));
            const rel = relative(realRoot, target);
            if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') {
                problem(path, 'error', 'symlink-escape', `symlink leads outside the repository (to ${target})`);
                return null;
            }
            return target;
        }
        catch (e) {
            if (e.code === 'ELOOP')
                problem(path, 'error', 'symlink-loop', 'symlink leads back to itself (a loop); nothing behind it is read');
            else
                problem(path, 'error', 'symlink-escape', 'symlink points at nothing (broken link)');
            return null;
        }
    };
    /** A kind directory and each directory above it must be a real directory of the repository, not a link. */
    const kindDirUsable = (dir) => {
        const parts = dir.split('/');
        for (let i = 1; i <= parts.length; i++) {
            const path = parts.slice(0, i).join('/');
            let st;
            try {
                st = fs.lstatSync(join(root, path), { throwIfNoEntry: false });
            }
            catch (e) {
                problem(path, 'error', 'unreadable-dir', `cannot be read: ${e.message}`);
                return false;
            }
            if (st === undefined)
                return false;
            if (st.isSymbolicLink()) {
                if (symlinkTarget(path) !== null)
                    problem(path, 'warning', 'symlink-dir', 'symlinked directory not followed');
                return false;
            }
            if (!st.isDirectory()) {
                problem(path, 'warning', 'unexpected-file', 'should be a directory of records, but is not a directory; ignored');
                return false;
            }
        }
        return true;
    };
    for (const k of KIND_DIRS) {
        if (!kindDirUsable(k.dir))
            continue;
        const stack = [k.dir];
        while (stack.length > 0) {
            const dir = stack.pop();
            let entries;
            try {
                entries = fs.readdirSync(join(root, dir), { withFileTypes: true });
            }
            catch (e) {
                const code = e.code;
                if (code === 'ENOENT')
                    continue; // removed while walking
                problem(dir, 'error', 'unreadable-dir', `directory cannot be listed (${code ?? e.message}); its records are missing from this run`);
                continue;
            }
            for (const e of entries) {
                if (e.name.startsWith('.'))
                    continue;
                const path = `${dir}/${e.name}`;
                const abs = base + path;
                if (e.isDirectory()) {
                    stack.push(path);
                    continue;
                }
                let st;
                if (e.isSymbolicLink()) {
                    if (symlinkTarget(path) === null)
                        continue;
                    st = fs.statSync(abs);
                    if (st.isDirectory()) {
                        problem(path, 'warning', 'symlink-dir', 'symlinked directory not followed');
                        continue;
                    }
                    if (!st.isFile()) {
                        problem(path, 'warning', 'unexpected-file', 'symlink to something that is not a regular file (a pipe, socket or device); ignored');
                        continue;
                    }
                }
                else if (!e.isFile()) {
                    problem(path, 'warning', 'unexpected-file', 'not a regular file (a pipe, socket or device); ignored');
                    continue;
                }
                if (!k.extensions.some((x) => e.name.endsWith(x))) {
                    if (e.name.toLowerCase() !== 'readme.md') {
                        problem(path, 'warning', 'unexpected-file', `not a ${k.kind} file (expected ${k.extensions.join(' or ')}); ignored`);
                    }
                    continue;
                }
                if (e.name.toLowerCase() === 'readme.md')
                    continue;
                if (!wantStat)
                    files.push({ path, kind: k.kind, size: 0, mtimeMs: 0 });
                else {
                    st ??= fs.statSync(abs);
                    files.push({ path, kind: k.kind, size: st.size, mtimeMs: st.mtimeMs });
                }
            }
        }
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, findings };
}
//# sourceMappingURL=walkFleet.js.map