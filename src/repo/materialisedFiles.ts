/** What a directory holding `commit` whole would record it holds: the commit's files under the materialised directories, path → blob id. */
import { MATERIALISED_DIRS, type Materialised } from './materialiseRevision.js';
import type { GitObjects } from './openGitObjects.js';

export async function materialisedFiles(git: GitObjects, commit: string): Promise<Materialised> {
  return { commit, files: new Map((await git.filesUnder(commit, MATERIALISED_DIRS)).map((f) => [f.path, f.oid] as const)) };
}
