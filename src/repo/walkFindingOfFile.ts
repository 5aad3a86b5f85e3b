/**
 * What the walk of the fleet (walkFleet.ts) makes of a regular file at a
 * path, by the path alone: a record file of a kind, a file it passes over
 * (a README.md, anything hidden), or one it warns about (`unexpected-file`:
 * a file of the wrong extension in a kind's directory, a file under
 * registry/ outside its record directories) — or null where the walk has no
 * rule (outside the kind directories and registry/, such as status/). The
 * walk asks it of every regular file it meets, so a change to a few paths
 * can be settled without walking the tree again (fleethub diff's overlays).
 * Pure.
 */
import { didYouMean } from '../records/didYouMean.js';
import type { Finding } from '../records/finding.js';
import { KIND_DIRS, kindOfPath, walkIgnores, type KindDir } from '../records/kinds.js';

export type FileRule = { record: KindDir } | { ignored: true } | { finding: Pick<Finding, 'severity' | 'code' | 'message'> };

/** The record directories under registry/ (`nodes`, `workloads`, `intents`). */
export const REGISTRY_DIRS = KIND_DIRS.filter((k) => k.dir.startsWith('registry/')).map((k) => k.dir.slice('registry/'.length));

export function walkFindingOfFile(path: string): FileRule | null {
  if (walkIgnores(path)) return { ignored: true };
  const k = kindOfPath(path);
  if (k) {
    if (k.extensions.some((x) => path.endsWith(x))) return { record: k };
    return { finding: { severity: 'warning', code: 'unexpected-file', message: `not a ${k.kind} file (expected ${k.extensions.join(' or ')}); ignored` } };
  }
  if (!path.startsWith('registry/')) return null;
  const parts = path.split('/');
  const meant = parts.length > 2 ? didYouMean(parts[1]!, REGISTRY_DIRS, 2) : undefined;
  return {
    finding: {
      severity: 'warning',
      code: 'unexpected-file',
      message: `not in a record directory, so nothing reads it: records live in ${REGISTRY_DIRS.map((d) => `registry/${d}/`).join(', ')}${meant ? ` (did you mean registry/${meant}/?)` : ''}; ignored`,
    },
  };
}
