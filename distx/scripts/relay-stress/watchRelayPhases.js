/**
 * Where a relay run is, seen from the Git server (it runs in this process):
 * `startup` until its first request, `fetch` until an upload-pack POST is
 * answered, `commit` (planning, writing objects and commits) until its first
 * receive-pack request, `push` until upstream's branch moves (the push
 * landed), then `settle` (the answer reaching the relay, the outcome recorded
 * in the outbox) until it exits. Polled every millisecond; the time each phase
 * was first reached is kept, so the durations of finished runs can be learnt.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
export const RELAY_PHASES = ['startup', 'fetch', 'commit', 'push', 'settle'];
export function watchRelayPhases(server, repo, branch = 'main') {
    const started = Date.now();
    const prefix = `/${repo}.git/`;
    const gitdir = join(server.root, `${repo}.git`);
    const refState = () => `${readIfThere(join(gitdir, 'refs', 'heads', branch))}\0${readIfThere(join(gitdir, 'packed-refs'))}`;
    const refAtStart = refState();
    const seen = server.requests.length;
    let current = 'startup';
    const reached = { startup: 0 };
    const waiters = [];
    const mine = () => server.requests.slice(seen).filter((r) => r.path.startsWith(prefix));
    const rank = (p) => RELAY_PHASES.indexOf(p);
    const advance = (to) => {
        if (rank(to) <= rank(current))
            return;
        for (const p of RELAY_PHASES.slice(rank(current) + 1, rank(to) + 1))
            reached[p] ??= Date.now() - started;
        current = to;
    };
    const poll = () => {
        const requests = mine();
        if (requests.length > 0)
            advance('fetch');
        if (requests.some((r) => r.service === 'git-upload-pack' && r.method === 'POST' && r.status !== 0))
            advance('commit');
        if (requests.some((r) => r.service === 'git-receive-pack'))
            advance('push');
        if (current === 'push' && refState() !== refAtStart)
            advance('settle');
        for (const w of [...waiters]) {
            if (rank(current) >= rank(w.phase)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(true);
            }
        }
    };
    const timer = setInterval(poll, 1);
    return {
        phase: () => (poll(), current),
        reached,
        until: (phase) => new Promise((resolve) => {
            waiters.push({ phase, resolve });
            poll();
        }),
        stop() {
            clearInterval(timer);
            poll();
            for (const w of waiters.splice(0))
                w.resolve(false);
        },
    };
}
function readIfThere(path) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return '';
        throw e;
    }
}
//# sourceMappingURL=watchRelayPhases.js.map