/** Finds the fleet repository a command runs in, as git finds its repository. I/O. */
import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RootNotFoundError } from '../errors.js';
const MARKERS = ['registry', 'workplans', 'policies'];
/** A marker counts even as a broken or looping symlink: the walk then reports it, rather than the root being 'not found'. */
const hasMarker = (dir) => MARKERS.some((m) => lstatSync(join(dir, m), { throwIfNoEntry: false }) !== undefined);
/**
 * The nearest directory at or above `start` holding a fleet directory, or the explicit `--root`,
 * which must be a directory holding one too: `--root /` or `--root /etc/passwd` is a usage error,
 * never an empty fleet that is "ok" (nor a `.fleethub/` created outside a fleet repository).
 */
export function findRoot(start, explicit) {
    if (explicit !== undefined) {
        const root = resolve(start, explicit);
        const st = statSync(root, { throwIfNoEntry: false });
        if (st === undefined)
            throw new RootNotFoundError(root, true, 'missing');
        if (!st.isDirectory())
            throw new RootNotFoundError(root, true, 'not-a-directory');
        if (!hasMarker(root))
            throw new RootNotFoundError(root, true, 'not-a-fleet');
        return root;
    }
    let dir = resolve(start);
    for (;;) {
        if (hasMarker(dir))
            return dir;
        if (existsSync(join(dir, '.git')))
            break;
        const up = dirname(dir);
        if (up === dir)
            break;
        dir = up;
    }
    throw new RootNotFoundError(resolve(start), false);
}
//# sourceMappingURL=findRoot.js.map