/**
 * A reader of a repository's files as UTF-8 text: a path relative to `root`, or null when the file does not
 * exist. Any other failure (a permission error, a directory in the file's place) is a RepoFileUnreadableError,
 * never "missing". `read` is the file system's (tests inject failures root cannot get from chmod). I/O.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RepoFileUnreadableError } from '../errors.js';
export function readRepoText(root, read = (p) => readFileSync(p, 'utf8')) {
    return (path) => {
        try {
            return read(join(root, path));
        }
        catch (e) {
            const code = e.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return null;
            throw new RepoFileUnreadableError(path, code ?? e.message);
        }
    };
}
//# sourceMappingURL=readRepoText.js.map