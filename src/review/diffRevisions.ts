/**
 * The records added, removed, renamed or changed between two commits, read
 * from Git objects (only the files whose blobs differ are read, at once, and parsed).
 */
import { diffRecordVersions, type RecordChange } from '../diff/diffRecordVersions.js';
import { recordVersion } from '../diff/recordVersion.js';
import type { Validators } from '../records/validators.js';
import type { GitObjects } from '../repo/openGitObjects.js';

export async function diffRevisions(git: GitObjects, from: string, to: string, validators: Validators): Promise<RecordChange[]> {
  const files = await git.changedFleetFiles(from, to);
  const blobs = await git.readBlobs(files.flatMap((f) => [f.before, f.after].filter((o): o is string => o !== null)));
  const version = (f: (typeof files)[number], oid: string | null) => (oid === null ? null : recordVersion(f.path, f.kind, oid, blobs.get(oid)!, validators));
  return diffRecordVersions(files.map((f) => ({ before: version(f, f.before), after: version(f, f.after) })));
}
