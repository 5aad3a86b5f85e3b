/** The SHA-256 (hex) of a file's text, or null for a file that does not exist: what a status event was computed from. Pure. */
import { createHash } from 'node:crypto';
export function textHash(text) {
    return text === null ? null : createHash('sha256').update(text, 'utf8').digest('hex');
}
//# sourceMappingURL=textHash.js.map