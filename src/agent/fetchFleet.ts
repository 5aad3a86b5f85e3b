/**
 * The agent's fetch: the fleet repository from the first remote that answers
 * (the upstream, a mirror, a neighbour's copy), into the agent's own bare
 * clone of that remote under its state directory. It is the relay's fetch
 * (openTransport, fetchUpstream, relayCloneDir), so the relay of the agent's
 * reports later reuses the same clone. A remote that fails is passed over
 * with its error kept; when none answers, AgentOfflineError lists them all.
 * What was fetched is not trusted for being fetched: the caller verifies it.
 */
import type { HttpClient } from 'isomorphic-git';
import { AgentOfflineError, FleethubError, UpstreamUnsupportedError } from '../errors.js';
import { openTransport, type TransportOptions } from '../relay/openTransport.js';
import { parseRemote } from '../relay/parseRemote.js';
import { redactUrl } from '../relay/redactUrl.js';
import { fetchUpstream, relayCloneDir, removeRelayClone } from '../relay/relayClone.js';
import { isDamagedClone } from '../relay/isDamagedClone.js';

export interface FetchedFleet {
  /** The remote's address as given (it may carry credentials: never print it; `shown` is printable). */
  url: string;
  shown: string;
  gitdir: string;
  branch: string;
  /** The branch's commit, or null when the remote has no commits yet. */
  head: string | null;
  /** Remotes tried before this one, and why each failed. */
  failed: Array<{ remote: string; error: string }>;
}

export async function fetchFleet(stateDir: string, remotes: readonly string[], options: TransportOptions & { branch?: string; http?: HttpClient }): Promise<FetchedFleet> {
  const failed: Array<{ remote: string; error: string }> = [];
  for (const url of remotes) {
    const remote = parseRemote(url, stateDir);
    if (remote === null) throw new UpstreamUnsupportedError(redactUrl(url), '--remote');
    const gitdir = relayCloneDir(stateDir, url);
    try {
      const once = async () => fetchUpstream(gitdir, await openTransport(remote, options, options.http, {}), options.branch ?? null);
      let got;
      try {
        got = await once();
      } catch (e) {
        // The clone is disposable (as the relay's is): a damaged one is replaced once.
        if (!isDamagedClone(e, gitdir)) throw e;
        removeRelayClone(gitdir);
        got = await once();
      }
      return { url, shown: remote.shown, gitdir, branch: got.branch, head: got.head, failed };
    } catch (e) {
      if (!(e instanceof FleethubError)) throw e;
      failed.push({ remote: remote.shown, error: e.message });
    }
  }
  throw new AgentOfflineError(failed);
}
