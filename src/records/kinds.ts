/** The record kinds and where their files live in a fleet repository. */
export type RecordKind = 'node' | 'workload' | 'intent' | 'workplan' | 'policy';
/** Records that live inside another record's file. */
export type SubKind = 'task' | 'check';

export interface KindDir {
  kind: RecordKind;
  dir: string;
  extensions: readonly string[];
}

export const KIND_DIRS: readonly KindDir[] = [
  { kind: 'node', dir: 'registry/nodes', extensions: ['.md'] },
  { kind: 'workload', dir: 'registry/workloads', extensions: ['.md'] },
  { kind: 'intent', dir: 'registry/intents', extensions: ['.md'] },
  { kind: 'workplan', dir: 'workplans', extensions: ['.md'] },
  { kind: 'policy', dir: 'policies', extensions: ['.yaml', '.yml'] },
];

export const POLICY_KINDS = ['modes', 'freeze', 'promotion-gate', 'drain-sequence', 'rollout', 'trust', 'checks'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/**
 * Policy kinds a fleet has one of, each read from one file only (node agents
 * read the rollout and trust files by path): a policy of such a kind in any
 * other file is a `policy-misplaced` error and is not used.
 */
export const SINGLETON_POLICY_FILES: Readonly<Partial<Record<PolicyKind, string>>> = {
  modes: 'policies/modes.yaml',
  rollout: 'policies/rollout.yaml',
  trust: 'policies/trust.yaml',
};

/** Which kind a repository-relative path holds, or null when it is not a fleet file. */
export function kindOfPath(path: string): KindDir | null {
  for (const k of KIND_DIRS) {
    if (path.startsWith(k.dir + '/')) return k;
  }
  return null;
}

/**
 * Whether the walk of the fleet (src/repo/walkFleet.ts) passes over a path
 * without a word: a hidden entry (a part starting with '.') or a README.md.
 */
export function walkIgnores(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.')) || path.slice(path.lastIndexOf('/') + 1).toLowerCase() === 'readme.md';
}

/** The kind whose record file a repository-relative path is, by the walk's rules (its kind's directory and extension, not ignored), or null. */
export function recordKindOfPath(path: string): KindDir | null {
  const k = kindOfPath(path);
  return k && !walkIgnores(path) && k.extensions.some((x) => path.endsWith(x)) ? k : null;
}

/** The id a file declares by its name: the base name without extension. */
export function idFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export const ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*$/;
