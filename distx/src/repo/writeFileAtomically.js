/**
 * Writes a file so that readers and crashes see the old version or the new
 * one, never half of either: a temporary file next to it, fsync, rename. The
 * directory is created when missing; an existing file keeps its permissions,
 * and a symlink (inside the repository) keeps pointing at the file it names,
 * which is what is replaced. I/O.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
export function writeFileAtomically(path, text) {
    mkdirSync(dirname(path), { recursive: true });
    const target = existsSync(path) ? realpathSync(path) : path;
    const mode = existsSync(target) ? statSync(target).mode & 0o7777 : null;
    const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    try {
        const fd = openSync(tmp, 'w', mode ?? 0o644);
        try {
            writeSync(fd, text);
            fsyncSync(fd);
        }
        finally {
            closeSync(fd);
        }
        if (mode !== null)
            chmodSync(tmp, mode);
        renameSync(tmp, target);
    }
    catch (e) {
        rmSync(tmp, { force: true });
        throw e;
    }
}
//# sourceMappingURL=writeFileAtomically.js.map