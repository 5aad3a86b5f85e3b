/** Serves one HTTP request by running `git http-backend` as a CGI program. */
import { spawn } from 'node:child_process';
/** Beyond this many bytes without the end of the CGI header block, the backend's output is rejected. */
const MAX_HEAD_BYTES = 64 * 1024;
/** How much of the backend's stderr is kept for an error reply. */
const MAX_STDERR_BYTES = 4 * 1024;
/**
 * Streams `req`'s body into `git http-backend` and its output, after the CGI header block, into
 * `res`. Resolves with the HTTP status once the response head is written (502 when the backend
 * failed before producing one).
 */
export async function runHttpBackend(req, res, backend) {
    const child = spawn(backend.program, [], { env: cgiEnv(req, backend), stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-MAX_STDERR_BYTES);
    });
    const spawned = new Promise((_, reject) => child.on('error', reject));
    child.stdin.on('error', () => { }); // the backend may exit without reading the whole body
    req.pipe(child.stdin);
    res.on('close', () => {
        if (child.exitCode === null && child.signalCode === null)
            child.kill(); // the client went away
    });
    try {
        const head = await Promise.race([readCgiHead(child.stdout), spawned]);
        res.writeHead(head.status, head.headers);
        child.stdout.pipe(res);
        return head.status;
    }
    catch (error) {
        if (res.destroyed)
            return 502;
        res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`git http-backend failed: ${error.message}\n${stderr}`);
        return 502;
    }
}
function cgiEnv(req, backend) {
    const header = (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
    };
    const variables = {
        GATEWAY_INTERFACE: 'CGI/1.1',
        SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
        SERVER_SOFTWARE: 'fleethub-test-git-server',
        GIT_PROJECT_ROOT: backend.projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: backend.pathInfo,
        QUERY_STRING: backend.query,
        REQUEST_METHOD: req.method,
        CONTENT_TYPE: header('content-type'),
        // Absent for chunked bodies (C git pushes larger than http.postBuffer): http-backend then reads to EOF.
        CONTENT_LENGTH: header('content-length'),
        // C git gzips larger upload-pack requests; http-backend inflates them only when told.
        HTTP_CONTENT_ENCODING: header('content-encoding'),
        // Protocol v2 is negotiated through this header, which http-backend expects as GIT_PROTOCOL.
        GIT_PROTOCOL: header('git-protocol'),
        REMOTE_USER: backend.remoteUser,
        REMOTE_ADDR: req.socket.remoteAddress,
    };
    const env = { ...backend.env };
    for (const [name, value] of Object.entries(variables))
        if (value !== undefined)
            env[name] = value;
    return env;
}
/** Reads the CGI header block from `stdout`, leaving the body unread in the stream. */
function readCgiHead(stdout) {
    return new Promise((resolve, reject) => {
        let buffered = Buffer.alloc(0);
        const finish = (error, head) => {
            stdout.off('readable', onReadable).off('end', onEnd).off('error', finish);
            if (head)
                resolve(head);
            else
                reject(error ?? new Error('no response'));
        };
        const onEnd = () => finish(new Error('backend exited before sending its headers'));
        const onReadable = () => {
            for (let chunk; (chunk = stdout.read()) !== null;) {
                buffered = Buffer.concat([buffered, chunk]);
                const end = headEnd(buffered);
                if (end) {
                    const body = buffered.subarray(end.bodyStart);
                    if (body.length > 0)
                        stdout.unshift(body);
                    return finish(null, parseCgiHead(buffered.subarray(0, end.headLength).toString('latin1')));
                }
                if (buffered.length > MAX_HEAD_BYTES)
                    return finish(new Error('CGI header block too large'));
            }
        };
        stdout.on('readable', onReadable).on('end', onEnd).on('error', finish);
    });
}
/** Where the blank line ending a CGI header block is (CRLF or bare LF line ends). */
function headEnd(buffer) {
    const ends = [
        { at: buffer.indexOf('\r\n\r\n'), length: 4 },
        { at: buffer.indexOf('\n\n'), length: 2 },
    ].filter((end) => end.at >= 0);
    if (ends.length === 0)
        return null;
    const first = ends.reduce((a, b) => (b.at < a.at ? b : a));
    return { headLength: first.at, bodyStart: first.at + first.length };
}
function parseCgiHead(text) {
    let status = 200;
    const headers = {};
    for (const line of text.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status')
            status = Number.parseInt(value, 10) || 502;
        else
            headers[name] = value;
    }
    return { status, headers };
}
//# sourceMappingURL=runHttpBackend.js.map