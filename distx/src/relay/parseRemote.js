/**
 * What the relay needs to know about an upstream address: which transport
 * speaks to it, the address that transport is given (credentials taken out),
 * the credentials themselves (kept in memory, never written), and the address
 * as it may be printed.
 *
 * - `http://`, `https://` (any case): isomorphic-git's smart HTTP client; a
 *   `user:password@` in the URL becomes HTTP basic auth.
 * - `ssh://`, `git+ssh://`, `ssh+git://`, `git://`, `file://`, scp-like
 *   `[user@]host:path`, and local paths (`/srv/fleet.git`, `../fleet.git`,
 *   relative to the fleet repository): the system's `git` (a password in an
 *   ssh URL is dropped: ssh takes keys, not URL passwords).
 * - Any other scheme: null (unsupported).
 */
import { isAbsolute, resolve } from 'node:path';
import { redactUrl } from './redactUrl.js';
const SYSTEM_GIT_SCHEMES = new Set(['ssh', 'git+ssh', 'ssh+git', 'git', 'file']);
export function parseRemote(url, root) {
    const shown = redactUrl(url);
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
    if (scheme) {
        const name = scheme[1].toLowerCase();
        const rest = url.slice(scheme[0].length);
        const slash = rest.indexOf('/');
        const authority = slash < 0 ? rest : rest.slice(0, slash);
        const at = authority.lastIndexOf('@');
        const userinfo = at >= 0 ? authority.slice(0, at) : null;
        const after = rest.slice(at + 1);
        const colon = userinfo === null ? -1 : userinfo.indexOf(':');
        const username = userinfo === null ? null : decode(colon < 0 ? userinfo : userinfo.slice(0, colon));
        const password = userinfo === null || colon < 0 ? null : decode(userinfo.slice(colon + 1));
        if (name === 'http' || name === 'https')
            return { transport: 'http', url: `${name}://${after}`, shown, username, password };
        if (!SYSTEM_GIT_SCHEMES.has(name))
            return null;
        const login = userinfo === null ? '' : `${colon < 0 ? userinfo : userinfo.slice(0, colon)}@`;
        return { transport: 'system-git', url: `${name}://${login}${after}`, shown, username: null, password: null };
    }
    // Git's rule: a ':' before any '/' makes an scp-like ssh address; anything else is a local path.
    const colon = url.indexOf(':');
    const slash = url.indexOf('/');
    if (colon > 0 && (slash < 0 || colon < slash)) {
        const head = slash < 0 ? url : url.slice(0, slash);
        const at = head.lastIndexOf('@');
        const userinfo = at >= 0 ? url.slice(0, at) : '';
        const login = at < 0 ? '' : `${userinfo.includes(':') ? userinfo.slice(0, userinfo.indexOf(':')) : userinfo}@`;
        return { transport: 'system-git', url: `${login}${url.slice(at + 1)}`, shown, username: null, password: null };
    }
    return { transport: 'system-git', url: isAbsolute(url) ? url : resolve(root, url), shown, username: null, password: null };
}
function decode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
//# sourceMappingURL=parseRemote.js.map