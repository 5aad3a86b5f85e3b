/**
 * Pushes the relay's last commit (of those writeBatchCommits wrote) to upstream's branch through the transport.
 * The commit is first kept as the clone's `refs/heads/fleethub-relay` (so it
 * is reachable there). 'moved' means upstream changed since the fetch (the
 * push was not a fast-forward, or lost a race for the ref): the caller
 * fetches again and re-applies the events on the new head. Nothing is ever
 * force-pushed.
 */
import fs from 'node:fs';
import type { GitTransport } from './gitTransport.js';
import type { BatchCommits } from './writeBatchCommits.js';
import type { UpstreamHead } from './relayClone.js';
import { isomorphicGit } from '../repo/isomorphicGit.js';

const git = isomorphicGit();

const LOCAL_REF = 'refs/heads/fleethub-relay';

export async function pushCommits(upstream: UpstreamHead, transport: GitTransport, written: BatchCommits): Promise<'pushed' | 'moved'> {
  const commit = written.commits.at(-1)!;
  await git.writeRef({ fs, gitdir: upstream.gitdir, ref: LOCAL_REF, value: commit, force: true });
  return transport.push(upstream.gitdir, LOCAL_REF, commit, upstream.branch, { parent: upstream.head, objects: written.objects });
}
