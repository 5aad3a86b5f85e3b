/**
 * The files the agent reads from one fetched commit of the fleet repository:
 * the nodes and intents, the trust and rollout policies, the ratchet and the
 * rollouts' lease files — read from the agent's bare clone by object id
 * (readFilesAt), never from a working tree. The history of trust.yaml (the
 * chain from the pinned root) is read with the system's git from the same
 * clone, on demand.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { fileVersions, type FileVersions } from '../repo/fileVersions.js';
import { readFilesAt } from '../relay/readFilesAt.js';
import { RATCHET_FILE, TRUST_FILE } from '../trust/readFleetTrust.js';

export const ROLLOUT_POLICY_FILE = 'policies/rollout.yaml';
export const ROLLOUTS_DIR = 'status/rollouts';
export const NODES_DIR = 'registry/nodes';
export const INTENTS_DIR = 'registry/intents';

export interface FleetSnapshot {
  commit: string;
  /** The repository-relative paths read, sorted, and their texts (null: not there or not text). */
  files: ReadonlyMap<string, string | null>;
  fileVersions(path: string): FileVersions;
}

/** Whether the agent reads this path of the fleet repository. */
export function agentReads(path: string): boolean {
  return (
    path === TRUST_FILE ||
    path === ROLLOUT_POLICY_FILE ||
    path === RATCHET_FILE ||
    (path.startsWith(`${NODES_DIR}/`) && path.endsWith('.md') && !path.slice(NODES_DIR.length + 1).includes('/')) ||
    (path.startsWith(`${INTENTS_DIR}/`) && path.endsWith('.md') && !path.slice(INTENTS_DIR.length + 1).includes('/')) ||
    (path.startsWith(`${ROLLOUTS_DIR}/`) && path.endsWith('.yaml') && !path.slice(ROLLOUTS_DIR.length + 1).includes('/'))
  );
}

export async function readFleetSnapshot(gitdir: string, commit: string): Promise<FleetSnapshot> {
  const cache = {};
  const paths = (await git.listFiles({ fs, gitdir, ref: commit, cache })).filter(agentReads).sort();
  const files = await readFilesAt(gitdir, commit, paths, cache);
  return { commit, files, fileVersions: (path) => fileVersions(gitdir, path) };
}
