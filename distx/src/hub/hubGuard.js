/**
 * The hub's rules for every request, before any route runs (docs/hub.md,
 * "Security"). A loopback server is reachable from every page the browser
 * opens, so:
 * - the Host header must name this hub on loopback (127.0.0.1, localhost,
 *   [::1] with its port): anything else is DNS rebinding → 403;
 * - every route but /api/health and /api/ready needs the session: the cookie
 *   the token URL set, or `Authorization: Bearer <token>` (compared in
 *   constant time) → 401;
 * - a state-changing request (anything but GET and HEAD) also needs a
 *   same-origin `Origin` and `Sec-Fetch-Site` when the browser sends them
 *   → 403, and a JSON body (`Content-Type: application/json`) → 415.
 * Pure: the request's method, URL and headers in, a refusal or null out.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { HubRequestError } from '../errors.js';
export const OPEN_PATHS = new Set(['/api/health', '/api/ready']);
/** The session cookie's name: one per port, since cookies do not tell ports apart and two hubs may run side by side. */
export function cookieName(port) {
    return `fleethub_hub_${port}`;
}
export function sameToken(given, token) {
    const a = createHash('sha256').update(given).digest();
    const b = createHash('sha256').update(token).digest();
    return timingSafeEqual(a, b);
}
function allowedHosts(port) {
    return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}
/** The session the request carries: a Bearer token, else the cookie; null when neither. */
function sessionOf(headers, port) {
    const auth = headers.authorization;
    if (typeof auth === 'string' && /^Bearer /i.test(auth))
        return auth.slice(7).trim();
    const cookie = headers.cookie;
    if (typeof cookie !== 'string')
        return null;
    const name = cookieName(port);
    for (const part of cookie.split(';')) {
        const eq = part.indexOf('=');
        if (eq > 0 && part.slice(0, eq).trim() === name)
            return decodeURIComponent(part.slice(eq + 1).trim());
    }
    return null;
}
export function guardRequest(method, url, headers, config) {
    const host = (headers.host ?? '').toLowerCase();
    if (!config.allowRemote && !allowedHosts(config.port).has(host))
        return new HubRequestError(403, 'host-not-allowed', `this hub answers only to 127.0.0.1:${config.port}, localhost:${config.port} or [::1]:${config.port}, not to Host '${host.slice(0, 100)}'`);
    const changing = method !== 'GET' && method !== 'HEAD';
    if (changing) {
        const site = headers['sec-fetch-site'];
        if (site !== undefined && site !== 'same-origin')
            return new HubRequestError(403, 'cross-origin', `a state-changing request must come from the hub's own page (Sec-Fetch-Site: ${String(site).slice(0, 40)})`);
        const origin = headers.origin;
        if (origin !== undefined && !sameOrigin(origin, host, config))
            return new HubRequestError(403, 'cross-origin', `a state-changing request must come from the hub's own page, not from ${origin.slice(0, 100)}`);
    }
    // The token URL the hub printed: the route itself checks the token and swaps it for the cookie.
    const tokenInUrl = method === 'GET' && url.pathname === '/' && url.searchParams.has('token');
    if (!OPEN_PATHS.has(url.pathname) && !tokenInUrl) {
        const session = sessionOf(headers, config.port);
        if (session === null)
            return new HubRequestError(401, 'unauthorized', 'no session: open the URL the hub printed when it started (it carries the token), or send Authorization: Bearer <token>');
        if (!sameToken(session, config.token))
            return new HubRequestError(401, 'unauthorized', 'the session token is not this hub\'s (it changes with every start): open the URL the hub printed');
    }
    if (changing) {
        const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        const empty = headers['content-length'] === '0' || (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined);
        if (type !== 'application/json' && !(type === '' && empty))
            return new HubRequestError(415, 'unsupported-media-type', `send the body as application/json, not '${type.slice(0, 60) || 'no Content-Type'}'`);
    }
    return null;
}
function sameOrigin(origin, host, config) {
    if (origin === 'null')
        return false;
    const hosts = config.allowRemote ? new Set([host]) : allowedHosts(config.port);
    let u;
    try {
        u = new URL(origin);
    }
    catch {
        return false;
    }
    return u.protocol === 'http:' && hosts.has(u.host.toLowerCase()) && u.host.toLowerCase() === host;
}
//# sourceMappingURL=hubGuard.js.map