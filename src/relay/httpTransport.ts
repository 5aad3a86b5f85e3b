/**
 * The relay's transport for http(s):// upstreams: isomorphic-git's smart HTTP
 * client. Credentials (FLEETHUB_TOKEN, or a user:password in the URL) are sent
 * as a basic-auth header from memory; the clone's configuration never holds
 * the address used (fetch and push are given it; the remote it names has the
 * printable one), so nothing secret is written.
 */
import fs from 'node:fs';
import type { HttpClient } from 'isomorphic-git';
import { UpstreamBranchMissingError, UpstreamRejectedError } from '../errors.js';
import { classifyGitError } from './classifyGitError.js';
import { LOST_RACE, type GitTransport } from './gitTransport.js';
import { packObjects } from './packObjects.js';
import { pushPack } from './pushPack.js';
import { isomorphicGit } from '../repo/isomorphicGit.js';

const git = isomorphicGit();

export interface HttpRemote {
  url: string;
  shown: string;
  http: HttpClient;
  headers: Record<string, string>;
  /** Where the credentials came from, for the message when they are refused. */
  credentials: string | null;
  /** isomorphic-git's object cache, shared with the reads and commits of the pass. */
  cache: object;
}

export function httpTransport(remote: HttpRemote): GitTransport {
  const { url, shown, http, headers, cache } = remote;
  const fail = (e: unknown, step: 'push' | 'fetch' | 'ls-remote'): Error => classifyGitError(e, shown, remote.credentials, step);
  return {
    shown,
    async fetch(gitdir, branch) {
      let got;
      try {
        got = await git.fetch({ fs, http, gitdir, remote: 'origin', url, ...(branch ? { ref: branch, remoteRef: branch } : {}), singleBranch: true, tags: false, headers, cache });
      } catch (e) {
        if ((e as { code?: string }).code !== 'NotFoundError' || !branch) throw fail(e, 'fetch');
        const heads = await git.listServerRefs({ http, url, prefix: 'refs/heads/', headers }).catch((err: unknown) => Promise.reject(fail(err, 'ls-remote')));
        if (heads.length > 0) throw new UpstreamBranchMissingError(shown, branch, heads.map((h) => h.ref.slice('refs/heads/'.length)));
        return { branch, head: null };
      }
      return { branch: branch ?? got.defaultBranch?.replace(/^refs\/heads\//, '') ?? 'main', head: got.fetchHead ?? null };
    },
    async push(_gitdir, _localRef, commit, branch, added) {
      let result;
      try {
        result = await pushPack(http, url, headers, { ref: `refs/heads/${branch}`, old: added.parent, new: commit, pack: packObjects(added.objects) });
      } catch (e) {
        throw fail(e, 'push');
      }
      if (result.status !== 'rejected') return result.status;
      if (LOST_RACE.test(result.reason)) return 'moved';
      throw new UpstreamRejectedError(shown, result.reason.trim().replace(/\s+/g, ' '));
    },
  };
}
