/**
 * A DNS lookup for node:net and node:http that only ever yields loopback addresses: a name that
 * resolves elsewhere fails with code ENOTLOOPBACK (reported as 'not loopback') before any
 * connection is tried. IP literals never reach a lookup; this guards names such as `localhost`.
 */
import { lookup } from 'node:dns';
import { isLoopback } from './isLoopback.js';
const notLoopback = (hostname) => Object.assign(new Error(`${hostname} does not resolve to a loopback address`), { code: 'ENOTLOOPBACK' });
export function loopbackLookup(hostname, options, callback) {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err)
            return callback(err, '', 0);
        const safe = addresses.filter((a) => isLoopback(a.address));
        if (safe.length === 0)
            return callback(notLoopback(hostname), '', 0);
        if (options.all)
            return callback(null, safe);
        callback(null, safe[0].address, safe[0].family);
    });
}
//# sourceMappingURL=loopbackLookup.js.map