/**
 * How the relay talks to upstream: fetch one branch into the relay's own bare
 * clone, push one commit to it. Two implementations: isomorphic-git's smart
 * HTTP client (httpTransport.ts) and the system's `git` for ssh, git:// and
 * local repositories (systemGitTransport.ts). Both throw only the relay's
 * typed upstream errors for upstream's failures.
 */
import type { GitObject } from './writeLooseObject.js';

export interface AddedObjects {
  parent: string | null;
  objects: readonly GitObject[];
}

export interface GitTransport {
  /** The address as it may be printed. */
  readonly shown: string;
  /**
   * Fetches `branch` (or upstream's default branch when null) into `gitdir`;
   * returns the branch and its commit, null when upstream has no commits yet.
   * A branch that upstream does not have, while it has others, is
   * UpstreamBranchMissingError.
   */
  fetch(gitdir: string, branch: string | null): Promise<{ branch: string; head: string | null }>;
  /**
   * Pushes `commit` (in `gitdir`, also the local ref `localRef`) to upstream's `branch`, never forced; 'moved' when
   * upstream's branch is no longer at `added.parent`, the commit it was made on. `added.objects`: every object
   * it has that the parent has not (writeBatchCommits), which is what a push must send.
   */
  push(gitdir: string, localRef: string, commit: string, branch: string, added: AddedObjects): Promise<'pushed' | 'moved'>;
}

/** Push failures that mean upstream moved meanwhile (the caller fetches again and re-applies the events). */
export const LOST_RACE = /non-fast-forward|fetch first|failed to (update|lock) ref|cannot lock ref|stale info|incorrect old value/i;
