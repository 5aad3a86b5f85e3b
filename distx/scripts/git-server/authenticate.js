/** Checks a request's Authorization header against the test Git server's token. */
import { timingSafeEqual } from 'node:crypto';
/**
 * The user an `Authorization` header authenticates, or null when it does not carry `token`:
 * `Basic base64(<user>:<token>)` (the user must be `username` when one is given) or
 * `Bearer <token>` (authenticates as `username`, or `token-user`).
 */
export function authenticate(header, token, username) {
    const [scheme = '', credentials = ''] = (header ?? '').trim().split(/\s+/, 2);
    switch (scheme.toLowerCase()) {
        case 'bearer':
            return sameSecret(credentials, token) ? (username ?? 'token-user') : null;
        case 'basic': {
            const decoded = Buffer.from(credentials, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon < 0)
                return null;
            const user = decoded.slice(0, colon);
            if (username !== undefined && user !== username)
                return null;
            return sameSecret(decoded.slice(colon + 1), token) ? user : null;
        }
        default:
            return null;
    }
}
function sameSecret(given, expected) {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
}
//# sourceMappingURL=authenticate.js.map