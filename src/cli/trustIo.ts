/** The real file system and git behind the trust commands and the reconcile step's trust reads. I/O. */
import { readFileSync } from 'node:fs';
import { fileVersions } from '../repo/fileVersions.js';
import { readRepoText } from '../repo/readRepoText.js';
import type { TrustIo } from '../trust/readFleetTrust.js';

export function trustIo(root: string, env: Readonly<Record<string, string | undefined>>): TrustIo {
  return {
    readText: readRepoText(root),
    fileVersions: (path) => fileVersions(root, path),
    env,
    readAbsolute: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
  };
}
