/**
 * A loopback HTTP server that serves the board page alone: `renderHubPage(snapshot(), query)` at
 * `/`, the files of `hubAssetDir()` at `/assets/<file>`, and at /api/events a server-sent event
 * stream the test writes to with `change()` (the hub's protocol: `id:` revision, `event: change`,
 * data `{revision, sections}`), all under the hub's CSP `default-src 'self'`. For the browser
 * tests of the page itself (a 10,000-node snapshot, live swaps) without a fleet behind it.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { hubAssetDir } from '../../src/hub/page/hubAssetDir.js';
import { renderHubPage } from '../../src/hub/page/renderHubPage.js';
const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml' };
export async function startPageServer(snapshot) {
    const streams = new Set();
    const server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const headers = { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'", 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
        const asset = /^\/assets\/([a-z0-9.-]+)$/.exec(url.pathname);
        if (url.pathname === '/') {
            res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(renderHubPage(snapshot(), url.searchParams));
        }
        else if (asset) {
            try {
                const body = readFileSync(join(hubAssetDir(), asset[1]));
                res.writeHead(200, { ...headers, 'Content-Type': TYPES[asset[1].split('.').pop()] ?? 'application/octet-stream' }).end(body);
            }
            catch {
                res.writeHead(404, headers).end();
            }
        }
        else if (url.pathname === '/api/events') {
            res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream' });
            res.write(': open\n\n');
            streams.add(res);
            res.on('close', () => streams.delete(res));
        }
        else {
            res.writeHead(404, headers).end();
        }
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    return {
        url: `http://127.0.0.1:${server.address().port}/`,
        change(revision, sections) {
            for (const res of streams)
                res.write(`id: ${revision}\nevent: change\ndata: ${JSON.stringify({ revision, sections })}\n\n`);
        },
        streams: () => streams.size,
        close: () => new Promise((ok) => {
            for (const res of streams)
                res.destroy();
            server.close(() => ok());
        }),
    };
}
//# sourceMappingURL=pageServer.js.map