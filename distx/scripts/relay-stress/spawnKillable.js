/**
 * A child process that can be killed with SIGKILL at a moment of the caller's
 * choosing, with its output collected line by line. `kill()` says whether the
 * kill interrupted it; `exited` says so again from the exit status (the exit
 * is by SIGKILL only if the process was still running when the signal came).
 */
import { spawn } from 'node:child_process';
export function spawnKillable(command, args, options = {}) {
    const started = Date.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    const out = [];
    const err = [];
    let partial = '';
    let done = false;
    let killed = false;
    const waiters = [];
    const wake = () => {
        for (const w of [...waiters]) {
            if (lines.length >= w.n || done) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(lines.length >= w.n);
            }
        }
    };
    child.stdout.on('data', (b) => {
        out.push(b);
        const parts = (partial + b.toString('utf8')).split('\n');
        partial = parts.pop();
        lines.push(...parts);
        wake();
    });
    child.stderr.on('data', (b) => err.push(b));
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, signal) => {
            done = true;
            wake();
            resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), interrupted: killed && signal === 'SIGKILL', ms: Date.now() - started });
        });
    });
    return {
        lines,
        line: (n) => new Promise((resolve) => {
            waiters.push({ n, resolve });
            wake();
        }),
        kill() {
            if (child.exitCode !== null || child.signalCode !== null)
                return false;
            killed = child.kill('SIGKILL');
            return killed;
        },
        get running() {
            return child.exitCode === null && child.signalCode === null;
        },
        exited,
    };
}
//# sourceMappingURL=spawnKillable.js.map