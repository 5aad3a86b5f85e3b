/**
 * `fleethub comment`: one comment per pull request, found again by its
 * marker, against a real HTTP server on loopback; and the refusals: no event,
 * not a pull request, no token, an API that refuses — none of them prints the
 * token.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { planComment } from '../src/cli/planComment.js';
import { startForgejoApiStandIn, type ForgejoApiStandIn } from '../scripts/workflow/forgejoApiStandIn.js';
import { cliInProcess, removeDir, tempDir } from './helpers/fleet.js';

const MARKER = '<!-- fleethub-diff -->';
const TOKEN = 'sekret-token-0123456789abcdef';

describe('planComment', () => {
  it('creates when no comment has the marker, edits the first that has it, leaves an equal one alone', () => {
    assert.deepEqual(planComment([{ id: 1, body: 'a reviewer' }], 'diff', MARKER), { action: 'create', body: `${MARKER}\ndiff` });
    assert.deepEqual(planComment([{ id: 1, body: 'a reviewer' }, { id: 2, body: `${MARKER}\nold` }, { id: 3, body: `${MARKER}\nlater` }], `${MARKER}\nnew`, MARKER), { action: 'edit', id: 2, body: `${MARKER}\nnew` });
    assert.deepEqual(planComment([{ id: 2, body: `${MARKER}\nsame` }], 'same', MARKER), { action: 'unchanged', id: 2, body: `${MARKER}\nsame` });
    assert.equal(planComment([{ id: 4, body: `quoting ${MARKER}` }], 'x', MARKER).action, 'create', 'the marker counts only as the first line');
  });
});

describe('fleethub comment', () => {
  let dir: string;
  let api: ForgejoApiStandIn;
  let echo: ReturnType<typeof createServer>;
  let echoUrl: string;
  before(async () => {
    dir = tempDir('fleethub-comment-');
    writeFileSync(join(dir, 'diff.md'), '**fleet diff**: 1 record changed\n');
    api = await startForgejoApiStandIn({ repository: 'ops/fleet', token: TOKEN, readOnlyTokens: ['read-only-token-42'] });
    // A server that refuses and repeats the credentials it was sent in its error, as a careless proxy might.
    echo = createServer((req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `bad credentials: ${req.headers.authorization}` }));
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  after(async () => {
    await api.close();
    echo.closeAllConnections();
    await new Promise((r) => echo.close(r));
    removeDir(dir);
  });
  const event = (name: string, payload: unknown): string => {
    const path = join(dir, `${name}.json`);
    writeFileSync(path, JSON.stringify(payload));
    return path;
  };
  const pr = (number: number, head = 'ops/fleet') => event(`pr-${number}-${head.replace('/', '-')}`, { number, pull_request: { number, head: { repo: { full_name: head } }, base: { repo: { full_name: 'ops/fleet' } } } });
  const comment = (env: Record<string, string>) => cliInProcess(['comment', 'diff.md'], { cwd: dir, env: { GITHUB_SERVER_URL: api.url, GITHUB_REPOSITORY: 'ops/fleet', FLEETHUB_TOKEN: TOKEN, GITHUB_TOKEN: '', ...env } });

  it('posts once, then finds its comment by the marker: unchanged, or edited in place', async () => {
    const first = await comment({ GITHUB_EVENT_PATH: pr(3) });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^posted comment \d+ on pull request #3/);
    const again = await comment({ GITHUB_EVENT_PATH: pr(3) });
    assert.match(again.stdout, /is already up to date/);
    writeFileSync(join(dir, 'diff.md'), '**fleet diff**: 2 records changed\n');
    const edited = await comment({ GITHUB_EVENT_PATH: pr(3) });
    assert.match(edited.stdout, /^edited comment \d+ on pull request #3 .*in place/);
    assert.equal(api.comments.filter((c) => c.issue === 3).length, 1);
    assert.equal(api.comments[0]!.body, `${MARKER}\n**fleet diff**: 2 records changed\n`);
    assert.deepEqual(api.requests.map((r) => r.method), ['GET', 'POST', 'GET', 'GET', 'PATCH']);
  });

  it('refuses to run outside a pull request, or without a token (exit 2)', async () => {
    const none = await comment({ GITHUB_EVENT_PATH: '' });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /GITHUB_EVENT_PATH is not set/);
    const push = await comment({ GITHUB_EVENT_PATH: event('push', { ref: 'refs/heads/main' }), GITHUB_EVENT_NAME: 'push' });
    assert.equal(push.code, 2);
    assert.match(push.stderr, /the event \(push\) is not a pull request/);
    const noToken = await comment({ GITHUB_EVENT_PATH: pr(4), FLEETHUB_TOKEN: '' });
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /no token: set FLEETHUB_TOKEN/);
  });

  it('a fork: nothing is sent (not even with a token), the log says why and shows the text', async () => {
    const before = api.requests.length;
    const r = await comment({ GITHUB_EVENT_PATH: pr(5, 'someone/fleet') });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /pull request #5 comes from a fork \(someone\/fleet\): its token is read-only, so no comment is posted/);
    assert.match(r.stdout, /2 records changed/);
    assert.equal(api.requests.length, before);
  });

  it('an API that refuses: exit 2 with what it said, the token masked even where the server repeats it', async () => {
    const readOnly = await comment({ GITHUB_EVENT_PATH: pr(6), FLEETHUB_TOKEN: 'read-only-token-42' });
    assert.equal(readOnly.code, 2);
    assert.match(readOnly.stderr, /Forgejo answered POST .*\/issues\/6\/comments with 403.*read-only token/);
    assert.doesNotMatch(readOnly.stderr + readOnly.stdout, /read-only-token-42/);
    const echoed = await comment({ GITHUB_EVENT_PATH: pr(7), GITHUB_SERVER_URL: echoUrl });
    assert.equal(echoed.code, 2);
    assert.match(echoed.stderr, /with 401: bad credentials: token \*\*\*/);
    assert.doesNotMatch(echoed.stderr + echoed.stdout, new RegExp(TOKEN));
    const json = await cliInProcess(['comment', 'diff.md', '--format', 'json'], { cwd: dir, env: { GITHUB_SERVER_URL: `http://user:${TOKEN}@127.0.0.1:${new URL(echoUrl).port}`, GITHUB_REPOSITORY: 'ops/fleet', FLEETHUB_TOKEN: TOKEN, GITHUB_EVENT_PATH: pr(8) } });
    assert.equal(json.code, 2);
    assert.doesNotMatch(json.stdout + json.stderr, new RegExp(TOKEN), 'not in a URL either');
  });

  it('a server that cannot be reached is said so, not "answered with 0"', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await comment({ GITHUB_EVENT_PATH: pr(9), GITHUB_SERVER_URL: `http://127.0.0.1:${port}` });
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`^fleethub comment: cannot reach Forgejo for GET http://127\\.0\\.0\\.1:${port}/api/v1/repos/ops/fleet/issues/9/comments: .*ECONNREFUSED.* \\(check GITHUB_SERVER_URL\\)$`, 'm'));
    assert.doesNotMatch(r.stderr, /answered/);
  });
});
