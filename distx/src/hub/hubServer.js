/**
 * The hub's HTTP server (node:http): the guard (hubGuard.ts) before every
 * route, the security headers on every response, JSON errors
 * `{"error": {"code", "message"}}` with 4xx codes, never a stack trace (an
 * unexpected failure is a 500 with a sentence; the message goes to the log).
 * No CORS headers, ever.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { FleethubError, HubRequestError } from '../errors.js';
import { cookieName, guardRequest, sameToken } from './hubGuard.js';
import { ROUTES } from './hubRoutes.js';
import { serveEvents } from './serveEvents.js';
export const SECURITY_HEADERS = {
    'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
};
const ASSET_TYPES = {
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.woff2': 'font/woff2',
    '.json': 'application/json',
};
export function hubServer(app, allowRemote) {
    return createServer((req, res) => {
        // The port is known once the server listens (--port 0 picks one).
        handle(app, { port: app.port, token: app.token, allowRemote }, req, res).catch((e) => fail(app, res, e));
    });
}
async function handle(app, config, req, res) {
    const method = req.method ?? 'GET';
    let url;
    try {
        url = new URL(req.url ?? '/', 'http://hub.invalid');
    }
    catch {
        throw new HubRequestError(400, 'bad-url', 'the request URL cannot be read');
    }
    const refusal = guardRequest(method, url, req.headers, config);
    if (refusal)
        throw refusal;
    const headers = { ...SECURITY_HEADERS };
    const verb = method === 'HEAD' ? 'GET' : method;
    if (url.pathname === '/' && verb === 'GET')
        return page(app, url, res, headers);
    if (url.pathname.startsWith('/assets/') && verb === 'GET')
        return asset(app, url, res, headers);
    if (url.pathname === '/api/events' && verb === 'GET')
        return serveEvents(req, res, url, app.state, app.heartbeatMs, headers);
    const all = ROUTES.map((r) => ({ r, m: r.pattern.exec(url.pathname) })).filter((x) => x.m !== null);
    const specific = all.filter((x) => !x.r.fallback);
    const matching = specific.length > 0 ? specific : all;
    const route = matching.find((x) => x.r.method === verb);
    if (!route) {
        if (matching.length > 0) {
            res.setHeader('Allow', [...new Set(matching.map((x) => x.r.method))].join(', '));
            throw new HubRequestError(405, 'method-not-allowed', `${method} is not allowed on ${url.pathname} (allowed: ${[...new Set(matching.map((x) => x.r.method))].join(', ')})`);
        }
        throw new HubRequestError(404, 'not-found', `no route ${url.pathname} (docs/hub.md lists them)`);
    }
    let params;
    try {
        params = route.m.slice(1).map((p) => decodeURIComponent(p));
    }
    catch {
        throw new HubRequestError(400, 'bad-url', `the path ${url.pathname} is not valid percent-encoding`);
    }
    const out = await route.r.handle({ app, req, res, url, params, headers });
    if (out)
        sendJson(res, out.status ?? 200, out.json, headers, method === 'HEAD');
}
function page(app, url, res, headers) {
    const given = url.searchParams.get('token');
    if (given !== null) {
        if (!sameToken(given, app.token))
            throw new HubRequestError(401, 'unauthorized', "this URL's token is not this hub's (it changes with every start): open the URL the hub printed");
        // The token leaves the address bar (and the history): a cookie the page's script cannot read, sent only to this site.
        res.writeHead(303, { ...headers, Location: '/', 'Set-Cookie': `${cookieName(app.port)}=${encodeURIComponent(app.token)}; HttpOnly; SameSite=Strict; Path=/`, 'Cache-Control': 'no-store' });
        res.end();
        return;
    }
    if (!app.page)
        throw new HubRequestError(404, 'no-page', 'this hub was started without its web page; the JSON API is at /api/snapshot');
    const snapshot = app.state.snapshot();
    if (!snapshot) {
        res.writeHead(503, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1', 'Cache-Control': 'no-store' });
        res.end('The hub is still reading the fleet; reload in a moment.\n');
        return;
    }
    const html = app.page.render(snapshot, url.searchParams);
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
}
function asset(app, url, res, headers) {
    const name = url.pathname.slice('/assets/'.length);
    const type = ASSET_TYPES[extname(name)];
    // One file name: no directories, no dot files, nothing that could leave the asset directory.
    if (!app.page || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes('..') || !type)
        throw new HubRequestError(404, 'not-found', `no asset ${name}`);
    const path = join(app.page.assetDir, name);
    let size;
    try {
        const st = statSync(path);
        if (!st.isFile())
            throw new Error('not a file');
        size = st.size;
    }
    catch {
        throw new HubRequestError(404, 'not-found', `no asset ${name}`);
    }
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(size), 'Cache-Control': 'no-cache' });
    createReadStream(path).pipe(res);
}
function sendJson(res, status, json, headers, headOnly = false) {
    const body = JSON.stringify(json);
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store' });
    res.end(headOnly ? undefined : body);
}
function fail(app, res, e) {
    const known = e instanceof HubRequestError;
    if (!known)
        app.io.log(`hub: request failed: ${e instanceof FleethubError ? e.message : `internal error: ${e?.message ?? String(e)}`}`);
    const status = known ? e.status : e instanceof FleethubError ? 409 : 500;
    const error = known || e instanceof FleethubError ? { code: e.code, message: e.message } : { code: 'internal', message: "internal error: the hub's log says more" };
    if (res.headersSent) {
        res.destroy();
        return;
    }
    sendJson(res, status, { error }, { ...SECURITY_HEADERS });
}
//# sourceMappingURL=hubServer.js.map