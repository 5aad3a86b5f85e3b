/**
 * The relay's own clone of upstream: a bare repository under
 * `.fleethub/relay/<hash of the URL>`, fetched with isomorphic-git. It has no
 * working tree and no index, so nothing the relay does can touch the user's
 * checkout or race with their git. It is always a full clone: a shallow one
 * (left by something else) is thrown away and fetched again, because a push
 * from a shallow clone is never attempted.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { join } from 'node:path';
import git, { type HttpClient } from 'isomorphic-git';
import { STATE_DIR } from '../cache/cacheFile.js';
import { classifyGitError } from './classifyGitError.js';

export interface UpstreamHead {
  gitdir: string;
  branch: string;
  /** The branch's commit at upstream, or null when the branch does not exist there yet. */
  head: string | null;
}

export interface RemoteAccess {
  url: string;
  /** The URL as it may be printed (no credentials). */
  shown: string;
  http: HttpClient;
  headers: Record<string, string>;
  withToken: boolean;
  cache: object;
}

export function relayCloneDir(root: string, url: string): string {
  return join(root, STATE_DIR, 'relay', createHash('sha256').update(url).digest('hex').slice(0, 16));
}

/** Fetches upstream's branch (the given one, or upstream's default) into the relay clone, creating it when needed. */
export async function fetchUpstream(gitdir: string, remote: RemoteAccess, branch: string | null): Promise<UpstreamHead> {
  if (fs.existsSync(join(gitdir, 'shallow'))) fs.rmSync(gitdir, { recursive: true, force: true });
  if (!fs.existsSync(join(gitdir, 'HEAD'))) {
    await git.init({ fs, gitdir, bare: true });
    await git.addRemote({ fs, gitdir, remote: 'origin', url: remote.url, force: true });
  }
  try {
    const got = await git.fetch({
      fs,
      http: remote.http,
      gitdir,
      remote: 'origin',
      url: remote.url,
      ...(branch ? { ref: branch, remoteRef: branch } : {}),
      singleBranch: true,
      tags: false,
      headers: remote.headers,
      cache: remote.cache,
    });
    const name = branch ?? got.defaultBranch?.replace(/^refs\/heads\//, '') ?? 'main';
    return { gitdir, branch: name, head: got.fetchHead ?? null };
  } catch (e) {
    throw classifyGitError(e, remote.shown, remote.withToken);
  }
}
