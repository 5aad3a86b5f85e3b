/**
 * Pushes the relay's last commit to upstream's branch. 'moved' means upstream
 * changed since the fetch (the push was not a fast-forward, or lost a race for
 * the ref): the caller fetches again and re-applies the events on the new
 * head. Nothing is ever force-pushed.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { UpstreamRejectedError } from '../errors.js';
import { classifyGitError } from './classifyGitError.js';
import type { RemoteAccess, UpstreamHead } from './relayClone.js';

const LOCAL_REF = 'refs/heads/fleethub-relay';
const LOST_RACE = /non-fast-forward|fetch first|failed to (update|lock) ref|cannot lock ref|stale info|incorrect old value/i;

export async function pushCommits(upstream: UpstreamHead, remote: RemoteAccess, commit: string): Promise<'pushed' | 'moved'> {
  await git.writeRef({ fs, gitdir: upstream.gitdir, ref: LOCAL_REF, value: commit, force: true });
  try {
    await git.push({
      fs,
      http: remote.http,
      gitdir: upstream.gitdir,
      remote: 'origin',
      url: remote.url,
      ref: LOCAL_REF,
      remoteRef: `refs/heads/${upstream.branch}`,
      headers: remote.headers,
      cache: remote.cache,
    });
    return 'pushed';
  } catch (e) {
    const err = e as { code?: string; message?: string; data?: { reason?: string } };
    if (err.code === 'PushRejectedError' && err.data?.reason === 'not-fast-forward') return 'moved';
    if (err.code === 'GitPushError') {
      if (LOST_RACE.test(err.message ?? '')) return 'moved';
      throw new UpstreamRejectedError(remote.shown, (err.message ?? '').trim().replace(/\s+/g, ' '));
    }
    throw classifyGitError(e, remote.shown, remote.withToken);
  }
}
