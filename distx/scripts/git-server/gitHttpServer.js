/**
 * A smart-HTTP Git server on loopback for tests and benchmarks: a Node `http` server on 127.0.0.1
 * that runs C git's `git http-backend` as CGI for every request, over a directory of bare
 * repositories. It can require a token, be stopped and restarted on the same port, and answer a
 * given HTTP status to the next requests, to exercise offline and failure paths.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticate } from './authenticate.js';
import { createBareRepo } from './createBareRepo.js';
import { isolatedGitEnv } from './isolatedGitEnv.js';
import { runGit } from './runGit.js';
import { runHttpBackend } from './runHttpBackend.js';
const HOST = '127.0.0.1';
/** How long `stop()` waits after closing the connections; the closes reach loopback peers at once. */
const STOP_SETTLE_MS = 20;
const REPO_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** Starts a loopback smart-HTTP Git server. */
export async function startGitServer(options = {}) {
    const ownsRoot = options.root === undefined;
    const root = options.root ?? mkdtempSync(join(tmpdir(), 'fleethub-git-server-'));
    const env = isolatedGitEnv();
    const program = join(await runGit(['--exec-path'], { env }), 'git-http-backend');
    const requests = [];
    let token = options.token ?? null;
    let failure = null;
    let port = options.port ?? 0;
    const handle = async (req, res) => {
        const url = new URL(req.url ?? '/', `http://${HOST}`);
        const entry = { method: req.method ?? 'GET', path: url.pathname, service: serviceOf(url), status: 0 };
        requests.push(entry);
        const reply = (status, text, headers = {}) => {
            entry.status = status;
            res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(`${text}\n`);
        };
        if (failure && failure.remaining > 0) {
            failure.remaining -= 1;
            return reply(failure.status, 'injected failure');
        }
        const user = token === null ? (options.username ?? 'fleethub') : authenticate(req.headers.authorization, token, options.username);
        if (user === null)
            return reply(401, 'authentication required', { 'WWW-Authenticate': 'Basic realm="fleethub-test"' });
        const pathInfo = decodedPath(url.pathname);
        if (pathInfo === null)
            return reply(400, 'malformed path');
        entry.status = await runHttpBackend(req, res, { program, projectRoot: root, pathInfo, query: url.search.slice(1), remoteUser: user, env });
    };
    const server = createServer((req, res) => void handle(req, res).catch((error) => res.destroy(error)));
    const start = async () => {
        if (server.listening)
            return;
        await new Promise((resolve, reject) => {
            server.once('error', reject).listen(port, HOST, () => {
                server.off('error', reject);
                resolve();
            });
        });
        port = server.address().port;
    };
    const stop = async () => {
        if (!server.listening)
            return;
        await new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        });
        // Give in-process clients a few event-loop turns to see their pooled keep-alive sockets close
        // (Node 20's global agent keeps them), so their next request connects anew and is refused
        // (ECONNREFUSED) instead of being written to a dead socket (ECONNRESET, "socket hang up").
        await new Promise((resolve) => setTimeout(resolve, STOP_SETTLE_MS));
    };
    await start();
    return {
        get port() {
            return port;
        },
        root,
        requests,
        url: (repo) => `http://${HOST}:${port}/${repo.replace(/\.git$/, '')}.git`,
        async createRepo(name, repoOptions) {
            if (!REPO_NAME.test(name))
                throw new Error(`invalid repository name: ${JSON.stringify(name)}`);
            const dir = join(root, `${name.replace(/\.git$/, '')}.git`);
            await createBareRepo(dir, env, repoOptions);
            return dir;
        },
        start,
        stop,
        async close() {
            await stop();
            if (ownsRoot)
                rmSync(root, { recursive: true, force: true });
        },
        setToken(next) {
            token = next;
        },
        fail(next) {
            failure = next === null ? null : { status: next.status, remaining: next.count ?? 1 };
        },
    };
}
function serviceOf(url) {
    const service = url.searchParams.get('service') ?? url.pathname.split('/').pop() ?? '';
    return service === 'git-upload-pack' || service === 'git-receive-pack' ? service : null;
}
function decodedPath(pathname) {
    try {
        return decodeURIComponent(pathname);
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=gitHttpServer.js.map