import { fileLocator } from '../records/fileLocator.js';
import { createLocator } from '../records/locate.js';
import { parseYaml } from '../records/parseYaml.js';
import { parsePinnedRoot } from './parsePinnedRoot.js';
import { parseRatchet } from './ratchet.js';
import { readScopeNodes } from './readScopeNodes.js';
export const TRUST_FILE = 'policies/trust.yaml';
export const RATCHET_FILE = 'status/trust-ratchet.json';
export const PIN_FILE = '.fleethub/trust-root.json';
/** `locate`: where a pointer is in a file (the reconcile step passes one that keeps positions in the cache's memo). */
export function readFleetTrust(db, io, now, locate = fileLocator(io.readText)) {
    const intents = db.prepare('SELECT id, file, data FROM intents ORDER BY id').all().map((r) => ({
        id: r.id,
        file: r.file,
        data: JSON.parse(r.data),
        locate: (p) => locate(r.file, p),
    }));
    const nodes = readScopeNodes(db);
    const rollout = db.prepare(`SELECT data FROM policies WHERE kind = 'rollout' ORDER BY id LIMIT 1`).pluck().get();
    const caps = rollout ? JSON.parse(rollout) : {};
    const trustRow = db.prepare(`SELECT file, data FROM policies WHERE kind = 'trust' ORDER BY id LIMIT 1`).get();
    const trustFile = trustRow?.file ?? TRUST_FILE;
    // An intent file that validation kept out of the cache is never silently skipped: it is refused.
    const invalid = db.prepare(`SELECT path, record_id FROM files WHERE kind = 'intent' AND path NOT IN (SELECT file FROM records WHERE kind = 'intent') ORDER BY path`).all().map((f) => ({ id: f.record_id ?? f.path.replace(/^.*\//, '').replace(/\.md$/, ''), file: f.path }));
    const pin = readPin(io)?.pin ?? null;
    return {
        invalid,
        pin,
        trustVersions: readTrustVersions(io, trustFile, pin, trustRow ? { data: JSON.parse(trustRow.data), locate: (p) => locate(trustFile, p) } : undefined),
        intents,
        nodes,
        caps: { ...(caps.max_parallel !== undefined ? { max_parallel: caps.max_parallel } : {}), ...(caps.max_unavailable !== undefined ? { max_unavailable: caps.max_unavailable } : {}) },
        ratchet: readRatchet(io),
        now,
    };
}
/**
 * The ratchet: the file as it is, raised by every committed version of it, so
 * deleting or lowering the file in a copy does not lower it (a version that
 * does not parse in history is skipped; the current file must parse).
 */
function readRatchet(io) {
    const out = parseRatchet(io.readText(RATCHET_FILE), RATCHET_FILE);
    const history = io.fileVersions(RATCHET_FILE);
    for (const { commit, text } of history.available ? history.versions : []) {
        let past;
        try {
            past = parseRatchet(text, `${RATCHET_FILE} at ${commit.slice(0, 12)}`);
        }
        catch {
            continue;
        }
        for (const [id, e] of past)
            if (!out.has(id) || out.get(id).version < e.version)
                out.set(id, e);
    }
    return out;
}
/** The pinned root: FLEETHUB_TRUST_ROOT (a path or inline JSON), else .fleethub/trust-root.json; null when there is none. */
export function readPin(io) {
    const env = io.env.FLEETHUB_TRUST_ROOT?.trim();
    if (env) {
        if (env.startsWith('{'))
            return { pin: parsePinnedRoot(env, 'FLEETHUB_TRUST_ROOT'), source: 'FLEETHUB_TRUST_ROOT' };
        const text = io.readAbsolute(env);
        if (text === null)
            return { pin: parsePinnedRoot('', `FLEETHUB_TRUST_ROOT=${env} (no such file)`), source: env };
        return { pin: parsePinnedRoot(text, env), source: env };
    }
    const text = io.readText(PIN_FILE);
    return text === null ? null : { pin: parsePinnedRoot(text, PIN_FILE), source: PIN_FILE };
}
/**
 * The committed versions of the trust file, oldest first, then the file as it
 * is now. With `pin`, history is read only when the file is newer than the
 * pinned version (the chain between them is needed); otherwise the file alone
 * decides (it is the pinned version, or older: a rollback).
 */
export function readTrustVersions(io, file = TRUST_FILE, pin, 
/** The file as it is now, when the cache already holds it parsed (the same data: the cache keeps what the file says). */
cached) {
    const now = cached ? null : io.readText(file);
    const current = cached ? { file, commit: '', ...cached } : now === null ? null : versionOf(file, '', now);
    const version = current?.data.version;
    const needHistory = !pin || typeof version !== 'number' || version > pin.version;
    const history = needHistory ? io.fileVersions(file) : { available: false };
    const past = (history.available ? history.versions : []).flatMap(({ commit, text }) => versionOf(file, commit, text) ?? []);
    return [...past, ...(current ? [current] : [])];
}
function versionOf(file, commit, text) {
    const parsed = parseYaml(text);
    if (!parsed.ok || parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data))
        return null;
    const locator = createLocator(text, 1);
    return { file, commit, data: parsed.data, locate: (p) => locator(p) };
}
//# sourceMappingURL=readFleetTrust.js.map