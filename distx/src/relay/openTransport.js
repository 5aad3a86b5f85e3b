import { httpTransport } from './httpTransport.js';
import { systemGitTransport } from './systemGitTransport.js';
export async function openTransport(remote, options, http, cache) {
    const timeout = options.requestTimeoutMs ?? 120_000;
    if (remote.transport === 'system-git')
        return systemGitTransport({ url: remote.url, shown: remote.shown, env: options.env ?? {}, timeoutMs: timeout });
    // Loaded here, not at start-up: only a relay to an HTTP upstream speaks HTTP.
    const base = http ?? (await import('isomorphic-git/http/node')).default;
    const timed = { request: (req) => base.request({ ...req, signal: req.signal ?? AbortSignal.timeout(timeout) }) };
    const headers = {};
    let credentials = null;
    const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    if (options.token) {
        headers.Authorization = basic(options.tokenUser ?? remote.username ?? 'fleethub', options.token);
        credentials = 'the token in FLEETHUB_TOKEN';
    }
    else if (remote.username !== null) {
        headers.Authorization = basic(remote.username, remote.password ?? '');
        credentials = 'the credentials in the URL';
    }
    return httpTransport({ url: remote.url, shown: remote.shown, http: timed, headers, credentials, cache });
}
//# sourceMappingURL=openTransport.js.map