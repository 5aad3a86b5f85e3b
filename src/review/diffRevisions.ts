/**
 * The records added, removed, renamed or changed between two commits, read
 * from Git objects (only the files whose blobs differ are read and parsed).
 */
import { diffRecordVersions, type RecordChange, type VersionPair } from '../diff/diffRecordVersions.js';
import { recordVersion } from '../diff/recordVersion.js';
import type { Validators } from '../records/validators.js';
import type { GitObjects } from '../repo/openGitObjects.js';

export async function diffRevisions(git: GitObjects, from: string, to: string, validators: Validators): Promise<RecordChange[]> {
  const pairs: VersionPair[] = [];
  for (const f of await git.changedFleetFiles(from, to)) {
    const version = async (oid: string | null) => (oid === null ? null : recordVersion(f.path, f.kind, oid, await git.readBlob(oid), validators));
    pairs.push({ before: await version(f.before), after: await version(f.after) });
  }
  return diffRecordVersions(pairs);
}
