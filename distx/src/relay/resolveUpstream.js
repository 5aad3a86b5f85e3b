/**
 * Where the relay sends events: `--upstream <url>`, else the fleet
 * repository's `git config fleethub.upstream`, else its `origin` remote. A
 * repository with none of them has no upstream: events are applied to the
 * working tree instead (the user commits them). The branch is `--branch`,
 * else `git config fleethub.branch`, else upstream's default branch; a name
 * git's ref rules refuse (or HEAD) is InvalidBranchError.
 * http(s):// goes through isomorphic-git; ssh, git://, file:// and local
 * paths through the system's git (parseRemote); any other scheme is
 * UpstreamUnsupportedError.
 */
import { InvalidBranchError, UpstreamUnsupportedError } from '../errors.js';
import { branchNameProblem } from './branchNameProblem.js';
import { gitConfigReader } from '../repo/gitConfigReader.js';
import { redactUrl } from './redactUrl.js';
import { parseRemote } from './parseRemote.js';
export async function resolveUpstream(root, options = {}) {
    const config = await gitConfigReader(root);
    const branch = options.branch ?? (await config('fleethub.branch'));
    const problem = branch === null || branch === undefined ? null : branchNameProblem(branch);
    if (problem !== null)
        throw new InvalidBranchError(branch, options.branch !== undefined ? '--branch' : 'git config fleethub.branch', problem);
    const candidates = [
        [options.upstream, '--upstream'],
        [await config('fleethub.upstream'), 'git config fleethub.upstream'],
        [await config('remote.origin.url'), "the 'origin' remote"],
    ];
    for (const [url, source] of candidates) {
        if (!url)
            continue;
        const remote = parseRemote(url, root);
        if (remote === null)
            throw new UpstreamUnsupportedError(redactUrl(url), source);
        return { kind: 'remote', url, remote, branch, source };
    }
    return { kind: 'working-tree', reason: config.gitRoot === null ? 'not a Git repository' : 'no upstream configured (no origin remote, no fleethub.upstream)' };
}
//# sourceMappingURL=resolveUpstream.js.map