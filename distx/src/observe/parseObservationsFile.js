/**
 * Reads an observations file (`fleethub probe --shard i/n --out <file>`):
 * versioned JSON naming its shard, the nodes the shard held and what each
 * probed node's probes saw. Anything else is an ObservationsFileError with the
 * file, line and column of the offending value. Pure.
 */
import { ObservationsFileError } from '../errors.js';
import { createLocator } from '../records/locate.js';
import { OBSERVATIONS_VERSION } from './shard.js';
const PROBE_TYPES = new Set(['tcp', 'http', 'status']);
export function parseObservationsFile(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        const { line, col } = jsonErrorPosition(text, e.message);
        throw new ObservationsFileError(file, line, col, `not JSON: ${e.message.replace(/ in JSON at position \d+.*$/, '')}`);
    }
    const locate = createLocator(text);
    const fail = (pointer, detail) => {
        const { line, col } = locate(pointer);
        throw new ObservationsFileError(file, line, col, detail);
    };
    if (!isObject(data) || data.fleethub !== 'observations')
        fail('', 'not a fleethub observations file (no "fleethub": "observations")');
    const doc = data;
    if (doc.version !== OBSERVATIONS_VERSION)
        fail('/version', `version ${JSON.stringify(doc.version)} is not ${OBSERVATIONS_VERSION} (the one this fleethub reads; probe and reconcile with the same fleethub)`);
    const shard = doc.shard;
    if (!isObject(shard) || !isWhole(shard.index) || !isWhole(shard.count) || shard.index < 1 || shard.index > shard.count)
        fail('/shard', '"shard" must be {"index": i, "count": n} with 1 ≤ i ≤ n');
    const { index, count } = shard;
    if (!Array.isArray(doc.nodes) || doc.nodes.some((n) => typeof n !== 'string'))
        fail('/nodes', '"nodes" must be a list of node ids');
    const nodes = doc.nodes;
    const inShard = new Set(nodes);
    if (!Array.isArray(doc.observations))
        fail('/observations', '"observations" must be a list');
    const observations = doc.observations.map((o, i) => observation(o, `/observations/${i}`, inShard, fail));
    const seen = new Set();
    observations.forEach((o, i) => {
        if (seen.has(o.node))
            fail(`/observations/${i}/node`, `node '${o.node}' is observed twice`);
        seen.add(o.node);
    });
    return { file, shard: { index, count }, nodes, observations };
}
function observation(o, at, inShard, fail) {
    if (!isObject(o))
        return fail(at, 'an observation must be an object');
    if (typeof o.node !== 'string')
        fail(`${at}/node`, '"node" must be a node id');
    if (!inShard.has(o.node))
        fail(`${at}/node`, `node '${String(o.node)}' is not in the file's "nodes"`);
    if (typeof o.at !== 'string' || Number.isNaN(Date.parse(o.at)))
        fail(`${at}/at`, '"at" must be an ISO time');
    if (typeof o.ok !== 'boolean')
        fail(`${at}/ok`, '"ok" must be true or false');
    if (typeof o.reason !== 'string')
        fail(`${at}/reason`, '"reason" must be text');
    if (!Array.isArray(o.results))
        fail(`${at}/results`, '"results" must be a list');
    o.results.forEach((r, j) => {
        if (!isObject(r) || !PROBE_TYPES.has(r.type) || typeof r.target !== 'string' || typeof r.ok !== 'boolean' || typeof r.ms !== 'number') {
            fail(`${at}/results/${j}`, 'a probe result must have "type" (tcp, http or status), "target", "ok" and "ms"');
        }
    });
    if (o.status !== undefined && !isObject(o.status))
        fail(`${at}/status`, '"status" must be an object when present');
    const { node, at: time, ok, reason, results, status } = o;
    return { node, at: time, ok, reason, results: results, ...(status ? { status } : {}) };
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isWhole(v) {
    return typeof v === 'number' && Number.isInteger(v);
}
/** Node's JSON.parse names a character offset ("at position 12") or a line and column; the end of the text when it names neither ("Unexpected end of JSON input"). */
function jsonErrorPosition(text, message) {
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (lc)
        return { line: Number(lc[1]), col: Number(lc[2]) };
    const pos = /position (\d+)/.exec(message);
    const offset = pos ? Math.min(Number(pos[1]), text.length) : text.length;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, col: before[before.length - 1].length + 1 };
}
//# sourceMappingURL=parseObservationsFile.js.map