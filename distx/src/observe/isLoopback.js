/**
 * Whether a host is a loopback address: 127.0.0.0/8, ::1 (also written out in full, or as an
 * IPv4-mapped 127.x address), or the name `localhost`. Brackets as in URLs (`[::1]`) are accepted.
 * Anything else — other names, shorthand such as `127.1`, empty strings — is not loopback.
 */
import { isIP } from 'node:net';
export function isLoopback(host) {
    let h = host.trim().toLowerCase();
    if (h.startsWith('[') && h.endsWith(']'))
        h = h.slice(1, -1);
    if (h === 'localhost')
        return true;
    if (isIP(h) === 4)
        return h.startsWith('127.');
    if (isIP(h) !== 6)
        return false;
    // Normalise the many spellings of an IPv6 address (0:0:0:0:0:0:0:1, ::ffff:127.0.0.1, ...).
    let normal;
    try {
        normal = new URL(`http://[${h.replace(/%.*$/, '')}]/`).hostname.slice(1, -1);
    }
    catch {
        return false;
    }
    if (normal === '::1')
        return true;
    // IPv4-mapped: ::ffff:7f00:1 (URL normalises the dotted form to hex); 127.x is 7fxx.
    return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(normal);
}
//# sourceMappingURL=isLoopback.js.map