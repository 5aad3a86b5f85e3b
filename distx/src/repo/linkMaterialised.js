/**
 * Makes an empty directory hold what another materialised directory holds,
 * by hard links (no file's bytes copied or written): the first diff's earlier
 * revision starts from the later one's files, and materialiseRevision then
 * writes only the files that differ. Safe to share inodes because nothing
 * writes a materialised file in place: materialiseRevision removes a file
 * before it writes its new blob (given a directory that holds something), the
 * evaluation is read-only, and a directory without a record is emptied
 * whole. A file system without hard links gets copies. I/O.
 */
import { copyFile, link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
const IN_FLIGHT = 16;
export async function linkMaterialised(from, holds, to) {
    const paths = [...holds.files.keys()];
    for (const parent of new Set(paths.map((p) => dirname(join(to, p)))))
        await mkdir(parent, { recursive: true });
    let cursor = 0;
    const worker = async () => {
        while (cursor < paths.length) {
            const p = paths[cursor++];
            try {
                await link(join(from, p), join(to, p));
            }
            catch (e) {
                const code = e.code;
                if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK')
                    throw e;
                await copyFile(join(from, p), join(to, p));
            }
        }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    return holds;
}
//# sourceMappingURL=linkMaterialised.js.map