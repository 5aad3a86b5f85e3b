/**
 * The ratchet: for each intent id, the highest version ever trusted and the
 * digest of its signed part (status/trust-ratchet.json, written by the
 * reconciler like every status file, so it is in Git history too). A version
 * below it is a rollback; the same version with another digest is a reuse.
 * Pure.
 */
import { RatchetMalformedError } from '../errors.js';
export function parseRatchet(text, file) {
    const out = new Map();
    if (text === null)
        return out;
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (e) {
        throw new RatchetMalformedError(file, e.message);
    }
    const intents = v?.intents;
    if (!intents || typeof intents !== 'object' || Array.isArray(intents))
        throw new RatchetMalformedError(file, 'expected {"intents": {"<id>": {"version", "digest"}}}');
    for (const [id, e] of Object.entries(intents)) {
        const entry = e;
        if (!entry || typeof entry.version !== 'number' || typeof entry.digest !== 'string')
            throw new RatchetMalformedError(file, `the entry for ${id} needs a version and a digest`);
        out.set(id, { version: entry.version, digest: entry.digest });
    }
    return out;
}
/** The ratchet after a tick: every trusted intent raises its entry; nothing is ever lowered or removed. */
export function advanceRatchet(ratchet, verdicts, versions) {
    const out = new Map(ratchet);
    for (const v of verdicts) {
        const version = versions.get(v.id);
        if (!v.trusted || version === undefined)
            continue;
        const seen = out.get(v.id);
        if (!seen || version > seen.version)
            out.set(v.id, { version, digest: v.digest });
    }
    return out;
}
export function renderRatchet(ratchet) {
    const intents = Object.fromEntries([...ratchet].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return `${JSON.stringify({ intents }, null, 2)}\n`;
}
//# sourceMappingURL=ratchet.js.map