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
import { basename, dirname, join } from 'node:path';
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

/**
 * Fetches upstream's branch (the given one, or upstream's default) into the
 * relay clone, creating it when needed. The fetched head is kept as the local
 * `refs/heads/<branch>` (and HEAD points at it), so the next fetch tells
 * upstream what it already has and downloads only what is new.
 */
export async function fetchUpstream(gitdir: string, remote: RemoteAccess, branch: string | null): Promise<UpstreamHead> {
  if (fs.existsSync(join(gitdir, 'shallow'))) removeRelayClone(gitdir);
  if (!fs.existsSync(join(gitdir, 'HEAD'))) {
    await git.init({ fs, gitdir, bare: true });
    await git.addRemote({ fs, gitdir, remote: 'origin', url: remote.url, force: true });
  }
  const known = branch ?? (await rememberedBranch(gitdir));
  try {
    const got = await git.fetch({
      fs,
      http: remote.http,
      gitdir,
      remote: 'origin',
      url: remote.url,
      ...(known ? { ref: known, remoteRef: known } : {}),
      singleBranch: true,
      tags: false,
      headers: remote.headers,
      cache: remote.cache,
    });
    const name = known ?? got.defaultBranch?.replace(/^refs\/heads\//, '') ?? 'main';
    const head = got.fetchHead ?? null;
    if (head) {
      await git.writeRef({ fs, gitdir, ref: `refs/heads/${name}`, value: head, force: true });
      await git.writeRef({ fs, gitdir, ref: 'HEAD', value: `refs/heads/${name}`, symbolic: true, force: true });
    }
    return { gitdir, branch: name, head };
  } catch (e) {
    throw classifyGitError(e, remote.shown, remote.withToken);
  }
}

/** The branch an earlier fetch found as upstream's default (HEAD → an existing refs/heads/<name>), or null. */
async function rememberedBranch(gitdir: string): Promise<string | null> {
  try {
    const target = await git.resolveRef({ fs, gitdir, ref: 'HEAD', depth: 1 });
    if (!target.startsWith('refs/heads/')) return null;
    await git.resolveRef({ fs, gitdir, ref: target });
    return target.slice('refs/heads/'.length);
  } catch {
    return null;
  }
}

/**
 * Removes a relay clone: renamed aside first (atomic), then deleted, so a
 * crash halfway leaves a directory nobody reads, never a clone with half its
 * objects. Leftovers of earlier removals are deleted too.
 */
export function removeRelayClone(gitdir: string): void {
  const parent = dirname(gitdir);
  if (fs.existsSync(gitdir)) fs.renameSync(gitdir, `${gitdir}.removed-${process.pid}-${Date.now()}`);
  if (!fs.existsSync(parent)) return;
  for (const name of fs.readdirSync(parent)) if (name.startsWith(`${basename(gitdir)}.removed-`)) fs.rmSync(join(parent, name), { recursive: true, force: true });
}
