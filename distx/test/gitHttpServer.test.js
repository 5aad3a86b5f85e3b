/**
 * The loopback smart-HTTP Git server (scripts/git-server), against real clients: C git and
 * isomorphic-git clone, commit, push and fetch through it; a token guards it; stop() refuses
 * connections until start() listens again on the same port; fail() answers an injected status.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs, { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import git, { Errors } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { startGitServer } from '../scripts/git-server/gitHttpServer.js';
import { runGit } from '../scripts/git-server/runGit.js';
import { fleetMaker } from './helpers/fleet.js';
const made = fleetMaker();
const servers = [];
after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    made.cleanup();
});
async function serve(options = {}) {
    const server = await startGitServer(options);
    servers.push(server);
    return server;
}
const AUTHOR = { name: 'iso client', email: 'iso@fleethub.invalid' };
const FILES = { 'README.md': '# fleet\n', 'registry/nodes/n1.md': '---\nid: n1\n---\n' };
/** Runs `fn` and returns the requests the server received meanwhile. */
async function requestsDuring(server, fn) {
    const before = server.requests.length;
    await fn();
    return server.requests.slice(before);
}
/** C git: clone `url`, write `files`, commit and push; resolves with the new commit. */
async function cgitCommitAndPush(url, files, message) {
    const dir = join(made.tempDir(), 'clone');
    await runGit(['clone', '--quiet', url, dir]);
    for (const [path, content] of Object.entries(files))
        writeFileSync(join(dir, path), content);
    await runGit(['add', '--all'], { cwd: dir });
    await runGit(['commit', '--quiet', '-m', message], { cwd: dir });
    await runGit(['push', '--quiet', 'origin', 'HEAD'], { cwd: dir });
    return runGit(['rev-parse', 'HEAD'], { cwd: dir });
}
const isHttpError = (status) => (error) => error instanceof Errors.HttpError && error.data.statusCode === status;
describe('git HTTP server: C git', () => {
    let server;
    before(async () => {
        server = await serve();
    });
    it('creates a bare repository whose initial commit holds the files, on main', async () => {
        const repo = await server.createRepo('seeded', { files: FILES, message: 'seed' });
        assert.equal(await runGit(['--git-dir', repo, 'symbolic-ref', 'HEAD']), 'refs/heads/main');
        assert.equal(await runGit(['--git-dir', repo, 'log', '--format=%s|%an|%at', 'main']), `seed|fleethub test|${Date.parse('2024-01-01T00:00:00Z') / 1000}`);
        assert.equal(await runGit(['--git-dir', repo, 'config', 'http.receivepack']), 'true');
        const dir = join(made.tempDir(), 'clone');
        await runGit(['clone', '--quiet', server.url('seeded'), dir]);
        assert.equal(readFileSync(join(dir, 'registry/nodes/n1.md'), 'utf8'), FILES['registry/nodes/n1.md']);
    });
    it('clones, commits and pushes; the bare repository then holds the commit', async () => {
        const repo = await server.createRepo('cgit', { files: FILES });
        const log = await requestsDuring(server, async () => {
            const head = await cgitCommitAndPush(server.url('cgit'), { 'a.txt': 'a\n' }, 'add a');
            assert.equal(await runGit(['--git-dir', repo, 'log', '-1', '--format=%H %s', 'main']), `${head} add a`);
        });
        assert.ok(log.some((r) => r.method === 'POST' && r.service === 'git-receive-pack' && r.status === 200));
        assert.ok(log.every((r) => r.status === 200));
    });
    it('pushes into an empty repository, and a pack larger than http.postBuffer (a chunked request body)', async () => {
        const repo = await server.createRepo('empty');
        const head = await cgitCommitAndPush(server.url('empty'), { 'blob.bin': randomBytes(3 * 1024 * 1024) }, 'big');
        assert.equal(await runGit(['--git-dir', repo, 'rev-parse', 'main']), head);
    });
    it('inflates a gzip-encoded upload-pack request body', async () => {
        const repo = await server.createRepo('gzip', { files: FILES });
        const want = await runGit(['--git-dir', repo, 'rev-parse', 'main']);
        const pkt = (line) => `${(line.length + 4).toString(16).padStart(4, '0')}${line}`;
        const response = await fetch(`${server.url('gzip')}/git-upload-pack`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-git-upload-pack-request', 'Content-Encoding': 'gzip' },
            body: gzipSync(`${pkt(`want ${want}\n`)}0000${pkt('done\n')}`),
        });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'application/x-git-upload-pack-result');
        assert.match(Buffer.from(await response.arrayBuffer()).toString('latin1'), /^0008NAK\nPACK/);
    });
    it('passes the Git-Protocol header on, so C git speaks protocol v2', async () => {
        await server.createRepo('v2', { files: FILES });
        const response = await fetch(`${server.url('v2')}/info/refs?service=git-upload-pack`, { headers: { 'Git-Protocol': 'version=2' } });
        assert.equal(response.status, 200);
        assert.match(await response.text(), /^000eversion 2\n/);
    });
    it('answers 404 for an unknown repository', async () => {
        await assert.rejects(runGit(['ls-remote', server.url('missing')]), /404|not found/i);
        assert.equal(server.requests.at(-1)?.status, 404);
    });
});
describe('git HTTP server: isomorphic-git', () => {
    let server;
    before(async () => {
        server = await serve();
    });
    it('clones, commits and pushes; fetch sees another client’s push; no receive-pack without a push', async () => {
        const repo = await server.createRepo('iso', { files: FILES });
        const url = server.url('iso');
        const dir = made.tempDir();
        const cloneLog = await requestsDuring(server, () => git.clone({ fs, http, dir, url }));
        assert.ok(cloneLog.length > 0 && cloneLog.every((r) => r.service === 'git-upload-pack' && r.status === 200));
        assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), FILES['README.md']);
        writeFileSync(join(dir, 'event.json'), '{"id":"e1"}\n');
        await git.add({ fs, dir, filepath: 'event.json' });
        const oid = await git.commit({ fs, dir, message: 'event e1', author: AUTHOR });
        const pushed = await git.push({ fs, http, dir });
        assert.equal(pushed.ok, true);
        assert.equal(await runGit(['--git-dir', repo, 'log', '-1', '--format=%H %s', 'main']), `${oid} event e1`);
        const other = await cgitCommitAndPush(url, { 'other.txt': 'from C git\n' }, 'other client');
        const fetchLog = await requestsDuring(server, () => git.fetch({ fs, http, dir }));
        assert.equal(await git.resolveRef({ fs, dir, ref: 'refs/remotes/origin/main' }), other);
        assert.ok(!fetchLog.some((r) => r.service === 'git-receive-pack'));
    });
});
describe('git HTTP server: token', () => {
    const token = 'tok-3f9a1c';
    let server;
    let url;
    before(async () => {
        server = await serve({ token });
        await server.createRepo('private', { files: FILES });
        url = server.url('private');
    });
    it('answers 401 with a Basic challenge to requests without credentials', async () => {
        const response = await fetch(`${url}/info/refs?service=git-upload-pack`);
        assert.equal(response.status, 401);
        assert.equal(response.headers.get('www-authenticate'), 'Basic realm="fleethub-test"');
        await assert.rejects(runGit(['-c', 'credential.helper=', 'ls-remote', url]), /terminal prompts disabled|401/);
        assert.equal(server.requests.at(-1)?.status, 401);
        await assert.rejects(git.getRemoteInfo({ http, url }), isHttpError(401));
    });
    it('accepts the token as a Basic password (any user) or a Bearer token, and rejects a wrong one', async () => {
        const dir = made.tempDir();
        await git.clone({ fs, http, dir, url, onAuth: () => ({ username: 'x', password: token }) });
        assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), FILES['README.md']);
        const bearer = await fetch(`${url}/info/refs?service=git-upload-pack`, { headers: { Authorization: `Bearer ${token}` } });
        assert.equal(bearer.status, 200);
        await runGit(['ls-remote', url.replace('http://', `http://someone:${token}@`)]);
        await assert.rejects(git.getRemoteInfo({ http, url, onAuth: () => ({ username: 'x', password: 'wrong' }) }), isHttpError(401));
        assert.ok(!JSON.stringify(server.requests).includes(token));
    });
    it('setToken changes or drops the requirement', async () => {
        server.setToken(null);
        await git.getRemoteInfo({ http, url });
        server.setToken('other');
        await assert.rejects(git.getRemoteInfo({ http, url, onAuth: () => ({ username: 'x', password: token }) }), isHttpError(401));
        server.setToken(token);
    });
});
describe('git HTTP server: outages', () => {
    let server;
    let url;
    before(async () => {
        server = await serve();
        await server.createRepo('flaky', { files: FILES });
        url = server.url('flaky');
    });
    it('refuses connections after stop() and serves again on the same port after start()', async () => {
        const port = server.port;
        await git.getRemoteInfo({ http, url }); // leaves a keep-alive connection open
        await server.stop();
        await assert.rejects(git.getRemoteInfo({ http, url }), (error) => error.code === 'ECONNREFUSED');
        await assert.rejects(runGit(['ls-remote', url]), /Failed to connect|Connection refused/i);
        await server.start();
        assert.equal(server.port, port);
        const dir = made.tempDir();
        await git.clone({ fs, http, dir, url });
    });
    it('fail() answers the given status to the next requests, then serves normally', async () => {
        server.fail({ status: 503, count: 1 });
        await assert.rejects(git.getRemoteInfo({ http, url }), isHttpError(503));
        assert.equal(server.requests.at(-1)?.status, 503);
        await git.getRemoteInfo({ http, url });
        assert.equal(server.requests.at(-1)?.status, 200);
        server.fail({ status: 500, count: 5 });
        server.fail(null);
        await git.getRemoteInfo({ http, url });
    });
});
//# sourceMappingURL=gitHttpServer.test.js.map