import { AgentOfflineError, FleethubError, UpstreamUnsupportedError } from '../errors.js';
import { openTransport } from '../relay/openTransport.js';
import { parseRemote } from '../relay/parseRemote.js';
import { redactUrl } from '../relay/redactUrl.js';
import { fetchUpstream, relayCloneDir, removeRelayClone } from '../relay/relayClone.js';
import { isDamagedClone } from '../relay/isDamagedClone.js';
export async function fetchFleet(stateDir, remotes, options) {
    const failed = [];
    for (const url of remotes) {
        const remote = parseRemote(url, stateDir);
        if (remote === null)
            throw new UpstreamUnsupportedError(redactUrl(url), '--remote');
        const gitdir = relayCloneDir(stateDir, url);
        try {
            const once = async () => fetchUpstream(gitdir, await openTransport(remote, options, options.http, {}), options.branch ?? null);
            let got;
            try {
                got = await once();
            }
            catch (e) {
                // The clone is disposable (as the relay's is): a damaged one is replaced once.
                if (!isDamagedClone(e, gitdir))
                    throw e;
                removeRelayClone(gitdir);
                got = await once();
            }
            return { url, shown: remote.shown, gitdir, branch: got.branch, head: got.head, failed };
        }
        catch (e) {
            if (!(e instanceof FleethubError))
                throw e;
            failed.push({ remote: remote.shown, error: e.message });
        }
    }
    throw new AgentOfflineError(failed);
}
//# sourceMappingURL=fetchFleet.js.map