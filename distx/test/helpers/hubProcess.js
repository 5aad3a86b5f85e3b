/**
 * `fleethub hub` as a real process on a free loopback port (--port 0), for the browser tests:
 * resolves with the URL it prints (it carries the session token) once the hub is ready; `stop()`
 * sends SIGTERM and waits for the exit. Everything the hub logs is kept for a failing test.
 */
import { spawn } from 'node:child_process';
import { BIN } from './fleet.js';
export async function startHubProcess(root, args = [], env = {}) {
    const child = spawn(process.execPath, [BIN, 'hub', '--root', root, '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise((done) => child.once('exit', (code) => done(code)));
    const url = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the hub printed no URL within 20 s:\n${out}`)), 20_000);
        const read = (chunk) => {
            out += chunk.toString();
            const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
            if (m) {
                clearTimeout(timer);
                resolve(m[1]);
            }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        void exited.then((code) => {
            clearTimeout(timer);
            reject(new Error(`the hub exited (${code}) before printing its URL:\n${out}`));
        });
    });
    return {
        url,
        origin: new URL(url).origin,
        log: () => out,
        async stop() {
            if (child.exitCode === null)
                child.kill('SIGTERM');
            return exited;
        },
    };
}
//# sourceMappingURL=hubProcess.js.map