/**
 * Where the relay sends events: `--upstream <url>`, else the fleet
 * repository's `git config fleethub.upstream`, else its `origin` remote. A
 * repository with none of them has no upstream: events are applied to the
 * working tree instead (the user commits them). The branch is `--branch`,
 * else `git config fleethub.branch`, else upstream's default branch.
 * Only http(s):// URLs: the relay speaks Git's smart HTTP protocol.
 */
import { UpstreamUnsupportedError } from '../errors.js';
import { gitConfigReader } from '../repo/gitConfigReader.js';

export type Upstream = { kind: 'remote'; url: string; branch: string | null; source: string } | { kind: 'working-tree'; reason: string };

export async function resolveUpstream(root: string, options: { upstream?: string; branch?: string } = {}): Promise<Upstream> {
  const config = await gitConfigReader(root);
  const branch = options.branch ?? (await config('fleethub.branch'));
  const candidates: Array<[string | null | undefined, string]> = [
    [options.upstream, '--upstream'],
    [await config('fleethub.upstream'), 'git config fleethub.upstream'],
    [await config('remote.origin.url'), "the 'origin' remote"],
  ];
  for (const [url, source] of candidates) {
    if (!url) continue;
    if (!/^https?:\/\//i.test(url)) throw new UpstreamUnsupportedError(url, source);
    return { kind: 'remote', url, branch, source };
  }
  return { kind: 'working-tree', reason: config.gitRoot === null ? 'not a Git repository' : 'no upstream configured (no origin remote, no fleethub.upstream)' };
}

