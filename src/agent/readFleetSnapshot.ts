/**
 * The files the agent reads from one fetched commit of the fleet repository:
 * the nodes and intents, the trust and rollout policies, the ratchet and the
 * rollouts' lease files — read from the agent's bare clone by object id
 * (readFilesAt), never from a working tree. The history of trust.yaml (the
 * chain from the pinned root) is read with the system's git from the same
 * clone, on demand.
 */
import fs from 'node:fs';
import { fileVersions, type FileVersions } from '../repo/fileVersions.js';
import { readFilesAt } from '../relay/readFilesAt.js';
import { agentReads } from './agentReads.js';
import { isomorphicGit } from '../repo/isomorphicGit.js';

const git = isomorphicGit();

export interface FleetSnapshot {
  commit: string;
  /** The repository-relative paths read, sorted, and their texts (null: not there or not text). */
  files: ReadonlyMap<string, string | null>;
  fileVersions(path: string): FileVersions;
}

export async function readFleetSnapshot(gitdir: string, commit: string): Promise<FleetSnapshot> {
  const cache = {};
  const paths = (await git.listFiles({ fs, gitdir, ref: commit, cache })).filter(agentReads).sort();
  const files = await readFilesAt(gitdir, commit, paths, cache);
  return { commit, files, fileVersions: (path) => fileVersions(gitdir, path) };
}
