/**
 * A remote address as it may be printed, logged or stored: with no user name,
 * password or query value in it. The one redaction of fleethub; every message,
 * log line and file that names upstream goes through it.
 *
 * - URL forms (`scheme://`, any case): the user information is everything
 *   before the last `@` of the authority (which ends at the first `/`), so a
 *   password holding `@`, `?`, `#` or `:` goes whole; the value of every
 *   query parameter becomes `***` (`?access_token=***`).
 * - scp-like `[user@]host:path`: a plain login name (`git@host:org/fleet`)
 *   is kept, it is not a secret; anything with a `:` before the `@`
 *   (`user:pw@host:path`) is removed.
 * - Local paths are printed as they are.
 */
const SSH = /^(ssh|git\+ssh|ssh\+git):\/\//i;
export function redactUrl(url) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
    if (scheme) {
        const rest = url.slice(scheme[0].length);
        const slash = rest.indexOf('/');
        let authority = slash < 0 ? rest : rest.slice(0, slash);
        const path = slash < 0 ? '' : rest.slice(slash);
        const at = authority.lastIndexOf('@');
        if (at >= 0) {
            // An ssh login name is kept (it is part of the address, never a secret); over HTTP a user name may be a token.
            const login = authority.slice(0, at).split(':')[0];
            authority = (SSH.test(scheme[0]) && /^[\w.-]+$/.test(login) ? `${login}@` : '') + authority.slice(at + 1);
        }
        // A URL with no path may carry its query in the authority (`https://host?token=x`).
        const q = authority.search(/[?#]/);
        const tail = q >= 0 ? authority.slice(q) + path : path;
        if (q >= 0)
            authority = authority.slice(0, q);
        return `${scheme[0]}${authority}${redactQuery(tail)}`;
    }
    const slash = url.indexOf('/');
    const head = slash < 0 ? url : url.slice(0, slash);
    const at = head.lastIndexOf('@');
    if (at >= 0 && head.slice(0, at).includes(':'))
        return url.slice(at + 1);
    return url;
}
function redactQuery(tail) {
    const q = tail.indexOf('?');
    if (q < 0)
        return tail;
    const hash = tail.indexOf('#', q);
    const query = hash < 0 ? tail.slice(q + 1) : tail.slice(q + 1, hash);
    const redacted = query
        .split('&')
        .map((kv) => (kv.includes('=') ? `${kv.slice(0, kv.indexOf('='))}=***` : kv === '' ? kv : '***'))
        .join('&');
    return `${tail.slice(0, q)}?${redacted}`;
}
//# sourceMappingURL=redactUrl.js.map