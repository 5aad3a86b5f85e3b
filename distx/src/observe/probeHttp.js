/**
 * The HTTP probe: one GET on a fresh connection (`agent: false`, so no keep-alive hides a flap or
 * a hang), an expected status, and optionally the JSON body — parsed when asked, with expected
 * fields compared by ===. The timeout covers everything: a socket idle timeout and an overall
 * timer, so a server that accepts and never answers (or trickles bytes) still fails on time. The
 * body is capped (256 KiB by default). Never rejects; leaves nothing open once it has resolved.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { probeError } from './probeError.js';
const MAX_BODY = 256 * 1024;
const show = (v) => (v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v));
export function probeHttp(url, options) {
    const started = performance.now();
    const expectStatus = options.expectStatus ?? 200;
    const maxBody = options.maxBodyBytes ?? MAX_BODY;
    const wantJson = options.readJson === true || options.expectJson !== undefined;
    let status;
    const result = (ok, error) => ({
        type: 'http', target: url, ok, ms: Math.round(performance.now() - started),
        ...(error === undefined ? {} : { error }), ...(status === undefined ? {} : { status }),
    });
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return Promise.resolve({ result: result(false, 'bad url') });
    }
    const request = parsed.protocol === 'http:' ? httpRequest : parsed.protocol === 'https:' ? httpsRequest : undefined;
    if (!request)
        return Promise.resolve({ result: result(false, `unsupported protocol ${parsed.protocol}`) });
    if (options.signal.aborted)
        return Promise.resolve({ result: result(false, 'aborted') });
    const timeoutMs = Math.max(1, options.timeoutMs);
    let req;
    try {
        req = request(parsed, {
            method: 'GET',
            agent: false,
            timeout: timeoutMs,
            headers: { accept: 'application/json', connection: 'close' },
            ...(options.lookup ? { lookup: options.lookup } : {}),
        });
    }
    catch (err) {
        return Promise.resolve({ result: result(false, probeError(err)) });
    }
    return new Promise((resolve) => {
        let settled = false;
        let res;
        const finish = (ok, error, json) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            options.signal.removeEventListener('abort', onAbort);
            req.on('error', () => undefined); // nothing may surface after we gave up
            res?.on('error', () => undefined);
            res?.destroy();
            req.destroy();
            resolve(json === undefined ? { result: result(ok, error) } : { result: result(ok, error), json });
        };
        const onAbort = () => finish(false, 'aborted');
        const timer = setTimeout(() => finish(false, 'timeout'), timeoutMs);
        options.signal.addEventListener('abort', onAbort, { once: true });
        req.on('timeout', () => finish(false, 'timeout'));
        req.on('error', (err) => finish(false, probeError(err)));
        req.on('response', (response) => {
            res = response;
            status = response.statusCode;
            if (status !== expectStatus)
                return finish(false, `status ${status ?? 'none'}`);
            const declared = Number(response.headers['content-length']);
            if (Number.isFinite(declared) && declared > maxBody)
                return finish(false, 'body too large');
            const chunks = [];
            let size = 0;
            response.on('data', (chunk) => {
                size += chunk.length;
                if (size > maxBody)
                    return finish(false, 'body too large');
                if (wantJson)
                    chunks.push(chunk);
            });
            response.on('error', (err) => finish(false, probeError(err)));
            response.on('close', () => { if (!response.complete)
                finish(false, 'reset'); });
            response.on('end', () => {
                if (!wantJson)
                    return finish(true);
                let json;
                try {
                    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                }
                catch {
                    return finish(false, 'bad json');
                }
                for (const [key, want] of Object.entries(options.expectJson ?? {})) {
                    const got = json !== null && typeof json === 'object' && !Array.isArray(json) ? json[key] : undefined;
                    if (got !== want)
                        return finish(false, `json ${key}: got ${show(got)}, want ${show(want)}`, json);
                }
                finish(true, undefined, json);
            });
        });
        req.end();
    });
}
//# sourceMappingURL=probeHttp.js.map