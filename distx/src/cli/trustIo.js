/**
 * The real file system and git behind the trust commands and the reconcile
 * step's trust reads. A relative FLEETHUB_TRUST_ROOT path is relative to the
 * fleet repository. I/O.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileVersions } from '../repo/fileVersions.js';
import { readHeadCommit } from '../repo/gitRepository.js';
import { readRepoText } from '../repo/readRepoText.js';
export function trustIo(root, env) {
    return {
        readText: readRepoText(root),
        fileVersions: (path) => fileVersions(root, path),
        head: () => readHeadCommit(root),
        env,
        readAbsolute: (path) => {
            try {
                return readFileSync(resolve(root, path), 'utf8');
            }
            catch {
                return null;
            }
        },
    };
}
//# sourceMappingURL=trustIo.js.map