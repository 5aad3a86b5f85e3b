/**
 * A loopback HTTP server that serves the board page alone: `renderHubPage(snapshot(), query)` at
 * `/`, the files of `hubAssetDir()` at `/assets/<file>`, and 204 at /api/events (no live stream:
 * the script stops reconnecting), all under the hub's CSP `default-src 'self'`. For the browser
 * tests of the page itself (a 10,000-node snapshot) without a fleet behind it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { hubAssetDir } from '../../src/hub/page/hubAssetDir.js';
import { renderHubPage } from '../../src/hub/page/renderHubPage.js';
import type { HubSnapshot } from '../../src/hub/hubSnapshot.js';

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml' };

export async function startPageServer(snapshot: () => HubSnapshot): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'", 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    const asset = /^\/assets\/([a-z0-9.-]+)$/.exec(url.pathname);
    if (url.pathname === '/') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(renderHubPage(snapshot(), url.searchParams));
    } else if (asset) {
      try {
        const body = readFileSync(join(hubAssetDir(), asset[1]!));
        res.writeHead(200, { ...headers, 'Content-Type': TYPES[asset[1]!.split('.').pop()!] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404, headers).end();
      }
    } else if (url.pathname === '/api/events') {
      res.writeHead(204, headers).end();
    } else {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
