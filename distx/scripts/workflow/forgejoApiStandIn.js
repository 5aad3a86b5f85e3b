/**
 * A loopback stand-in of the Forgejo API, for the local workflow runner and
 * its tests: a real HTTP server on 127.0.0.1 that serves a pull request's
 * comments the way Forgejo does —
 *   GET   /api/v1/repos/{owner}/{repo}/issues/{index}/comments  (every comment, no paging)
 *   POST  /api/v1/repos/{owner}/{repo}/issues/{index}/comments  {body} → 201
 *   PATCH /api/v1/repos/{owner}/{repo}/issues/comments/{id}     {body} → 200
 * — with `Authorization: token <t>` required (401 without, 403 for a
 * read-only token on a write), and records every request (method, path,
 * body, whether it was authorised; never the token itself).
 */
import { createServer } from 'node:http';
export async function startForgejoApiStandIn(options) {
    const requests = [];
    const comments = [];
    let nextId = 1000;
    let url = '';
    const repoPath = `/api/v1/repos/${options.repository}`;
    const server = createServer((req, res) => {
        void handle(req, res);
    });
    async function handle(req, res) {
        const chunks = [];
        for await (const c of req)
            chunks.push(c);
        const raw = Buffer.concat(chunks).toString('utf8');
        let body = null;
        if (raw) {
            try {
                body = JSON.parse(raw);
            }
            catch {
                body = raw;
            }
        }
        const header = req.headers.authorization ?? '';
        const given = /^token (.+)$/.exec(header)?.[1];
        const auth = given === undefined ? 'missing' : given === options.token ? 'ok' : options.readOnlyTokens?.includes(given) ? 'read-only' : 'wrong';
        const path = (req.url ?? '/').split('?')[0];
        const send = (status, payload) => {
            requests.push({ method: req.method ?? '', path, body, auth, status });
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(payload));
        };
        if (auth === 'missing' || auth === 'wrong')
            return send(401, { message: 'token is required' });
        const list = new RegExp(`^${escape(repoPath)}/issues/(\\d+)/comments$`).exec(path);
        const edit = new RegExp(`^${escape(repoPath)}/issues/comments/(\\d+)$`).exec(path);
        const text = body?.body;
        if (list && req.method === 'GET')
            return send(200, comments.filter((c) => c.issue === Number(list[1])));
        if ((list && req.method === 'POST') || (edit && req.method === 'PATCH')) {
            if (auth === 'read-only')
                return send(403, { message: 'token does not have at least one of required scope(s): [write:issue]' });
            if (typeof text !== 'string')
                return send(422, { message: 'body is required' });
            if (list) {
                const c = { id: nextId++, issue: Number(list[1]), body: text, html_url: `${url}/${options.repository}/pulls/${list[1]}#issuecomment-${nextId - 1}` };
                comments.push(c);
                return send(201, c);
            }
            const c = comments.find((x) => x.id === Number(edit[1]));
            if (!c)
                return send(404, { message: 'comment not found' });
            c.body = text;
            return send(200, c);
        }
        return send(404, { message: 'not found' });
    }
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}`;
    return {
        url,
        requests,
        comments,
        close: () => new Promise((resolve, reject) => {
            server.close((e) => (e ? reject(e) : resolve()));
            server.closeAllConnections();
        }),
    };
}
function escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
//# sourceMappingURL=forgejoApiStandIn.js.map