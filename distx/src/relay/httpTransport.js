/**
 * The relay's transport for http(s):// upstreams: isomorphic-git's smart HTTP
 * client. Credentials (FLEETHUB_TOKEN, or a user:password in the URL) are sent
 * as a basic-auth header from memory; the clone's configuration never holds
 * the address used (fetch and push are given it; the remote it names has the
 * printable one), so nothing secret is written.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { UpstreamBranchMissingError, UpstreamRejectedError } from '../errors.js';
import { classifyGitError } from './classifyGitError.js';
import { LOST_RACE } from './gitTransport.js';
export function httpTransport(remote) {
    const { url, shown, http, headers, cache } = remote;
    const fail = (e) => classifyGitError(e, shown, remote.credentials);
    return {
        shown,
        async fetch(gitdir, branch) {
            let got;
            try {
                got = await git.fetch({ fs, http, gitdir, remote: 'origin', url, ...(branch ? { ref: branch, remoteRef: branch } : {}), singleBranch: true, tags: false, headers, cache });
            }
            catch (e) {
                if (e.code !== 'NotFoundError' || !branch)
                    throw fail(e);
                const heads = await git.listServerRefs({ http, url, prefix: 'refs/heads/', headers }).catch((err) => Promise.reject(fail(err)));
                if (heads.length > 0)
                    throw new UpstreamBranchMissingError(shown, branch, heads.map((h) => h.ref.slice('refs/heads/'.length)));
                return { branch, head: null };
            }
            return { branch: branch ?? got.defaultBranch?.replace(/^refs\/heads\//, '') ?? 'main', head: got.fetchHead ?? null };
        },
        async push(gitdir, localRef, _commit, branch) {
            try {
                await git.push({ fs, http, gitdir, remote: 'origin', url, ref: localRef, remoteRef: `refs/heads/${branch}`, headers, cache });
                return 'pushed';
            }
            catch (e) {
                const err = e;
                if (err.code === 'PushRejectedError' && err.data?.reason === 'not-fast-forward')
                    return 'moved';
                if (err.code === 'GitPushError') {
                    if (LOST_RACE.test(err.message ?? ''))
                        return 'moved';
                    throw new UpstreamRejectedError(shown, (err.message ?? '').trim().replace(/\s+/g, ' '));
                }
                throw fail(e);
            }
        },
    };
}
//# sourceMappingURL=httpTransport.js.map