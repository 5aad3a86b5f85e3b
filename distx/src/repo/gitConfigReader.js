/**
 * Reads the git config of the repository a fleet lives in (the nearest
 * `.git` at or above it), as isomorphic-git sees it: the repository's own
 * `.git/config`. Returns a reader giving trimmed non-empty string values, or
 * null; outside a Git repository every value is null.
 */
import fs from 'node:fs';
export async function gitConfigReader(root) {
    // Loaded here, not at the top: a command that never reads Git config does not pay ~0.1 s for it.
    const { default: git } = await import('isomorphic-git');
    let dir;
    try {
        dir = await git.findRoot({ fs, filepath: root });
    }
    catch {
        dir = null;
    }
    const read = async (path) => {
        if (dir === null)
            return null;
        const v = (await git.getConfig({ fs, dir, path }));
        return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
    };
    return Object.assign(read, { gitRoot: dir });
}
//# sourceMappingURL=gitConfigReader.js.map