/**
 * The hub's security rules over real HTTP, each refusal its own test: a
 * foreign Host (DNS rebinding), no session, a foreign Origin or a cross-site
 * fetch, a body that is not JSON, an oversized body, an invalid body; the
 * headers on every response (CSP, nosniff, no referrer, no CORS); the token
 * URL swapped for an HttpOnly SameSite=Strict cookie; a non-loopback bind and
 * a taken port refused by `fleethub hub` (exit 2).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { openOutbox } from '../src/outbox/openOutbox.js';
import { smallFleet } from '../scripts/git-server/fleetUpstream.js';
import { BIN, cli, makeFleet, removeDir } from './helpers/fleet.js';
import { send, testHub, TOKEN, type TestHub } from './helpers/hubClient.js';

const TASK = '/api/tasks/WP/T01';
const DONE = JSON.stringify({ action: 'done', note: 'from the hub' });

describe('the hub refuses', () => {
  let root: string;
  let hub: TestHub;
  before(async () => {
    root = makeFleet(smallFleet());
    hub = await testHub(root);
  });
  after(async () => {
    await hub.close();
    removeDir(root);
  });
  /** Events ever recorded (the background relay writes them to this fleet's working tree: it has no upstream). */
  const pending = (): number => {
    const o = openOutbox(root, { create: false });
    try {
      return o ? Object.values(o.counts()).reduce((a, b) => a + b, 0) : 0;
    } finally {
      o?.close();
    }
  };

  it('a foreign Host header with 403 (DNS rebinding), on reads and writes alike', async () => {
    for (const host of ['evil.example:' + hub.port, `127.0.0.1:${hub.port + 1}`, 'localhost', `127.0.0.2:${hub.port}`]) {
      const r = await send(hub.port, 'GET', '/api/snapshot', { host, authorization: `Bearer ${TOKEN}` });
      assert.equal(r.status, 403, host);
      assert.equal(r.json().error.code, 'host-not-allowed');
    }
    const w = await hub.call('POST', TASK, { headers: { host: 'attacker.example' }, body: DONE });
    assert.equal(w.status, 403);
    assert.equal(pending(), 0);
    for (const host of [`127.0.0.1:${hub.port}`, `localhost:${hub.port}`, `[::1]:${hub.port}`]) assert.equal((await send(hub.port, 'GET', '/api/health', { host })).status, 200, host);
  });

  it('a state-changing request without the session with 401', async () => {
    const r = await hub.call('POST', TASK, { auth: false, body: DONE });
    assert.equal(r.status, 401);
    assert.equal(r.json().error.code, 'unauthorized');
    const wrong = await hub.call('POST', TASK, { auth: false, headers: { authorization: 'Bearer not-the-token' }, body: DONE });
    assert.equal(wrong.status, 401);
    const cookie = await hub.call('POST', TASK, { auth: false, headers: { cookie: `fleethub_hub_${hub.port}=nope` }, body: DONE });
    assert.equal(cookie.status, 401);
    assert.equal(pending(), 0);
  });

  it('reads of the fleet without the session with 401 too (health and ready stay open)', async () => {
    assert.equal((await hub.call('GET', '/api/snapshot', { auth: false })).status, 401);
    assert.equal((await hub.call('GET', '/', { auth: false })).status, 401);
    assert.equal((await hub.call('GET', '/?token=wrong', { auth: false })).status, 401);
    assert.equal((await hub.call('GET', '/api/health', { auth: false })).status, 200);
    assert.equal((await hub.call('GET', '/api/ready', { auth: false })).status, 200);
  });

  it('a foreign Origin with 403, even with the token', async () => {
    for (const origin of ['https://evil.example', `http://127.0.0.1:${hub.port + 1}`, 'null', `http://localhost:${hub.port}`]) {
      const r = await hub.call('POST', TASK, { headers: { origin }, body: DONE });
      assert.equal(r.status, 403, origin);
      assert.equal(r.json().error.code, 'cross-origin');
    }
    assert.equal(pending(), 0);
  });

  it('a cross-site fetch (Sec-Fetch-Site: cross-site or same-site) with 403', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const r = await hub.call('POST', TASK, { headers: { 'sec-fetch-site': site }, body: DONE });
      assert.equal(r.status, 403, site);
    }
    assert.equal(pending(), 0);
  });

  it('a body that is not JSON with 415 (text/plain, a form)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await hub.call('POST', TASK, { headers: { 'content-type': type }, body: DONE });
      assert.equal(r.status, 415, type);
      assert.equal(r.json().error.code, 'unsupported-media-type');
    }
    assert.equal(pending(), 0);
  });

  it('a body over 64 KiB with 413', async () => {
    const r = await hub.call('POST', TASK, { body: JSON.stringify({ action: 'done', note: 'x'.repeat(70 * 1024) }) });
    assert.equal(r.status, 413);
    assert.equal(r.json().error.code, 'body-too-large');
    assert.equal(pending(), 0);
  });

  it('a body its schema refuses with 400 and a JSON error, never a stack trace', async () => {
    for (const body of ['{"action": "explode"}', '{"action": "done", "extra": 1}', '{"note": "no action"}', '[1]', '{"action": "done", "note": 5}', '{not json']) {
      const r = await hub.call('POST', TASK, { body });
      assert.equal(r.status, 400, body);
      const e = r.json().error;
      assert.ok(['invalid-body', 'invalid-json'].includes(e.code), body);
      assert.equal(typeof e.message, 'string');
      assert.doesNotMatch(r.body, /\bat .*\.js:\d+/, 'no stack trace');
    }
    assert.equal(pending(), 0);
  });

  it('sends the security headers on every response, and no CORS headers (a preflight gets none either)', async () => {
    for (const [method, path, o] of [
      ['GET', '/api/snapshot', {}],
      ['GET', '/', {}],
      ['GET', '/api/nope', {}],
      ['POST', TASK, { headers: { host: 'evil.example' }, body: DONE }],
      ['OPTIONS', TASK, { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }],
    ] as const) {
      const r = await hub.call(method, path, o);
      assert.equal(r.headers['content-security-policy']?.includes("default-src 'self'"), true, path);
      assert.equal(r.headers['content-security-policy']?.includes("frame-ancestors 'none'"), true, path);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['referrer-policy'], 'no-referrer');
      assert.deepEqual(Object.keys(r.headers).filter((h) => h.startsWith('access-control-')), [], `${method} ${path}`);
    }
  });

  it('swaps the token URL for an HttpOnly SameSite=Strict cookie and a 303 to /, and the cookie is a session', async () => {
    const r = await hub.call('GET', `/?token=${encodeURIComponent(TOKEN)}`, { auth: false });
    assert.equal(r.status, 303);
    assert.equal(r.headers.location, '/');
    const cookie = String(r.headers['set-cookie']);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    const page = await hub.call('GET', '/', { auth: false, headers: { cookie: pair } });
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'] ?? '', /text\/html/);
    assert.doesNotMatch(page.body, new RegExp(TOKEN), 'the page does not carry the token');
    const post = await hub.call('POST', '/api/tasks/WP/T02', { auth: false, headers: { cookie: pair, origin: `http://127.0.0.1:${hub.port}`, 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ action: 'start' }) });
    assert.equal(post.status, 202, post.body);
    assert.equal(pending(), 1);
  });

  it('never logs the token', () => {
    assert.equal(hub.logs.some((l) => l.includes(TOKEN)), false);
  });

  it('GETs have no side effects: a GET on a POST route is 405, and nothing is recorded', async () => {
    const before = pending();
    const r = await hub.call('GET', TASK);
    assert.equal(r.status, 405);
    assert.equal(r.headers.allow, 'POST');
    assert.equal((await hub.call('GET', '/api/relay')).status, 405);
    assert.equal(pending(), before);
  });
});

describe('fleethub hub refuses to start', () => {
  it('on 0.0.0.0 without --allow-remote and a token (exit 2)', () => {
    const root = makeFleet(smallFleet());
    try {
      const r = cli(['hub', '--root', root, '--host', '0.0.0.0', '--port', '0']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /binds only to loopback .* unless --allow-remote and a token/);
      const noToken = cli(['hub', '--root', root, '--host', '0.0.0.0', '--port', '0', '--allow-remote']);
      assert.equal(noToken.code, 2);
      assert.match(noToken.stderr, /unless a token of at least 16 characters/);
      const short = cli(['hub', '--root', root, '--host', '0.0.0.0', '--port', '0', '--token', 'short']);
      assert.equal(short.code, 2);
      assert.match(short.stderr, /unless --allow-remote and a token of at least 16 characters \(--token or FLEETHUB_HUB_TOKEN\) are given: 0\.0\.0\.0/, 'both named at once, the short token counted as none');
      assert.doesNotMatch(short.stderr + short.stdout, /\bshort\b/, 'the token is not echoed');
      const shortLoopback = cli(['hub', '--root', root, '--port', '0', '--token', 'short']);
      assert.equal(shortLoopback.code, 2);
      assert.match(shortLoopback.stderr, /must be at least 16 characters/);
    } finally {
      removeDir(root);
    }
  });

  it('on a port that is taken, saying so (exit 2)', async () => {
    const root = makeFleet(smallFleet());
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const child = spawn(process.execPath, [BIN, 'hub', '--root', root, '--port', String(port), '--probe-interval', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const code = await new Promise<number | null>((r) => child.on('close', r));
      assert.equal(code, 2);
      assert.match(stderr, new RegExp(`127\\.0\\.0\\.1:${port} is already in use .*--port`));
    } finally {
      blocker.close();
      removeDir(root);
    }
  });
});
