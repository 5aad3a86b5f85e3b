/**
 * The real file system and git behind the trust commands and the reconcile
 * step's trust reads. A relative FLEETHUB_TRUST_ROOT path is relative to the
 * fleet repository. I/O.
 */
import { fileVersions } from '../repo/fileVersions.js';
import { readHeadCommit } from '../repo/gitRepository.js';
import { readRepoText } from '../repo/readRepoText.js';
import { readAbsoluteText } from './readAbsoluteText.js';
import type { TrustIo } from '../trust/readFleetTrust.js';

export function trustIo(root: string, env: Readonly<Record<string, string | undefined>>): TrustIo {
  return {
    readText: readRepoText(root),
    fileVersions: (path) => fileVersions(root, path),
    head: () => readHeadCommit(root),
    env,
    readAbsolute: readAbsoluteText(root),
  };
}
