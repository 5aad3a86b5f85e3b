/**
 * The records added, removed, renamed or changed between two commits, read
 * from Git objects (only the files whose blobs differ are read, at once, and parsed).
 */
import { diffRecordVersions } from '../diff/diffRecordVersions.js';
import { recordVersion } from '../diff/recordVersion.js';
export async function diffRevisions(git, from, to, validators) {
    const files = await git.changedFleetFiles(from, to);
    const blobs = await git.readBlobs(files.flatMap((f) => [f.before, f.after].filter((o) => o !== null)));
    const version = (f, oid) => (oid === null ? null : recordVersion(f.path, f.kind, oid, blobs.get(oid), validators));
    return diffRecordVersions(files.map((f) => ({ before: version(f, f.before), after: version(f, f.after) })));
}
//# sourceMappingURL=diffRevisions.js.map