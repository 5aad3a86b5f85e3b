/**
 * The TCP probe: connect to `host:port` (IPv6 as `[::1]:port`) with node:net. It passes the
 * moment the connection is established (the socket is then destroyed at once) and fails on an
 * error ('refused', 'unreachable', ...), on the timeout ('timeout') or when the signal aborts
 * ('aborted'). Never rejects; leaves no socket, timer or listener behind once it has resolved.
 */
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseHostPort } from './parseHostPort.js';
import { probeError } from './probeError.js';
export function probeTcp(target, timeoutMs, signal, extras = {}) {
    const started = performance.now();
    const result = (ok, error) => ({
        type: 'tcp', target, ok, ms: Math.round(performance.now() - started), ...(error === undefined ? {} : { error }),
    });
    const address = parseHostPort(target);
    if (!address)
        return Promise.resolve(result(false, 'bad target'));
    if (signal.aborted)
        return Promise.resolve(result(false, 'aborted'));
    return new Promise((resolve) => {
        let settled = false;
        const socket = connect({ host: address.host, port: address.port, ...(extras.lookup ? { lookup: extras.lookup } : {}) });
        const finish = (ok, error) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
            socket.on('error', () => undefined); // nothing may surface after we gave up
            socket.destroy();
            resolve(result(ok, error));
        };
        const onAbort = () => finish(false, 'aborted');
        const timer = setTimeout(() => finish(false, 'timeout'), Math.max(0, timeoutMs));
        signal.addEventListener('abort', onAbort, { once: true });
        socket.once('connect', () => finish(true));
        socket.once('error', (err) => finish(false, probeError(err)));
    });
}
//# sourceMappingURL=probeTcp.js.map