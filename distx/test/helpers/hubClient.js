/** Test helpers for the hub: a hub started in this process on a fleet, HTTP requests with any headers (Host included), and an SSE reader. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { hubIo } from '../../src/cli/hubIo.js';
import { hubAssetDir } from '../../src/hub/page/hubAssetDir.js';
import { renderHubPage } from '../../src/hub/page/renderHubPage.js';
import { startHub } from '../../src/hub/startHub.js';
import { PLAIN } from '../../src/report/style.js';
export const TOKEN = 'test-token-0123456789abcdef';
/** Starts a hub on `root` on a free loopback port (no probes unless asked), as `fleethub hub` does with the real I/O. */
export async function testHub(root, options = {}, env = {}) {
    const logs = [];
    const ctx = { cwd: root, env: { FLEETHUB_WRITER_NAME: 'Hub Test', FLEETHUB_WRITER_EMAIL: 'hub@fleet.invalid', ...env }, style: PLAIN, format: 'text', progress: () => () => { } };
    const hub = await startHub(hubIo(root, ctx, (l) => logs.push(l)), {
        host: '127.0.0.1',
        port: 0,
        token: TOKEN,
        tokenGiven: true,
        allowRemote: false,
        probeIntervalMs: 0,
        page: { render: (s, q) => renderHubPage(s, q), assetDir: hubAssetDir() },
        pollMs: 200,
        relayIntervalMs: 300,
        debounceMs: 20,
        ...options,
    });
    return {
        ...hub,
        logs,
        call: (method, path, o = {}) => send(hub.port, method, path, { host: `127.0.0.1:${hub.port}`, ...(o.auth === false ? {} : { authorization: `Bearer ${TOKEN}` }), ...(o.body !== undefined && !o.headers?.['content-type'] ? { 'content-type': 'application/json' } : {}), ...o.headers }, o.body),
    };
}
export function send(port, method, path, headers, body) {
    return new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: () => JSON.parse(text) });
            });
        });
        req.on('error', reject);
        if (body !== undefined)
            req.write(body);
        req.end();
    });
}
export function sse(hub, path = '/api/events', headers = {}) {
    return new Promise((resolve, reject) => {
        const events = [];
        const comments = [];
        const req = httpRequest({ host: '127.0.0.1', port: hub.port, path, headers: { host: `127.0.0.1:${hub.port}`, authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream', ...headers } }, (res) => {
            assert.equal(res.statusCode, 200);
            let buffer = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => {
                buffer += chunk;
                let end;
                while ((end = buffer.indexOf('\n\n')) >= 0) {
                    const block = buffer.slice(0, end);
                    buffer = buffer.slice(end + 2);
                    let id = null;
                    let event = 'message';
                    const data = [];
                    for (const line of block.split('\n')) {
                        if (line.startsWith(':'))
                            comments.push(line.slice(1).trim());
                        else if (line.startsWith('id: '))
                            id = line.slice(4);
                        else if (line.startsWith('event: '))
                            event = line.slice(7);
                        else if (line.startsWith('data: '))
                            data.push(line.slice(6));
                    }
                    if (data.length > 0)
                        events.push({ id, event, data: JSON.parse(data.join('\n')) });
                }
            });
            resolve({
                events,
                comments,
                async next(match, what) {
                    for (let i = 0; i < 300; i++) {
                        const found = events.find(match);
                        if (found)
                            return found;
                        await new Promise((r) => setTimeout(r, 100));
                    }
                    assert.fail(`timed out waiting for ${what}; got ${JSON.stringify(events.map((e) => [e.event, e.id, Object.keys(e.data.sections ?? {})]))}`);
                },
                close: () => req.destroy(),
            });
        });
        req.on('error', (e) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
        req.end();
    });
}
/** Polls until `done` holds (at most 30 s): waits for an outcome, never asserts a duration. */
export async function waitFor(done, what) {
    for (let i = 0; i < 300; i++) {
        if (await done())
            return;
        await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`timed out waiting until ${what}`);
}
/** Saves `path` (a workplan of the fleet at `root`) with its first open task's box set to `box` (`x` done, `/` doing), as an editor would. */
export function saveFirstOpenTask(root, path, box) {
    const file = join(root, path);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/^- \[ \] (\S+)/m, `- [${box}] $1`);
    assert.notEqual(edited, text, `${path} has an open task`);
    writeFileSync(file, edited);
}
//# sourceMappingURL=hubClient.js.map