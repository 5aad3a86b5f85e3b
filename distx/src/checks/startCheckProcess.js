/**
 * Starts the check process (checkWorker.ts) on a cache file and talks to it
 * one request at a time: each reply, or 'timeout' when none came within the
 * caller's limit (the caller then stops the process: a synchronous SQLite
 * query can only be stopped by killing the process it runs in). The process
 * is killed when this one exits. I/O (a child process).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
export function startCheckProcess(cachePath) {
    const child = fork(fileURLToPath(new URL('./checkWorker.js', import.meta.url)), [cachePath], {
        execArgv: [],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => {
        stderr = (stderr + d.toString()).slice(-2000);
    });
    const queue = [];
    let waiting = null;
    let exited = null;
    const deliver = (o) => {
        const w = waiting;
        waiting = null;
        w?.(o);
    };
    child.on('message', (m) => (waiting ? deliver(m) : queue.push(m)));
    child.on('exit', (code, signal) => {
        exited = `the check process exited (${signal ?? `code ${code}`})${stderr.trim() ? `: ${stderr.trim().split('\n').pop()}` : ''}`;
        deliver({ type: 'exit', message: exited });
    });
    child.on('error', (e) => {
        exited ??= `the check process failed: ${e.message}`;
        deliver({ type: 'exit', message: exited });
    });
    const killOnExit = () => {
        child.kill('SIGKILL');
    };
    process.on('exit', killOnExit);
    return {
        send: (request) => child.send(request),
        next(limitMs) {
            const queued = queue.shift();
            if (queued)
                return Promise.resolve(queued);
            if (exited !== null)
                return Promise.resolve({ type: 'exit', message: exited });
            return new Promise((resolve) => {
                const timer = setTimeout(() => deliver({ type: 'timeout' }), limitMs);
                waiting = (o) => {
                    clearTimeout(timer);
                    resolve(o);
                };
            });
        },
        stop() {
            process.off('exit', killOnExit);
            waiting = null;
            child.removeAllListeners('exit');
            child.kill('SIGKILL');
        },
    };
}
//# sourceMappingURL=startCheckProcess.js.map