/**
 * Reads an observations file (`fleethub probe --shard i/n --out <file>`):
 * versioned JSON naming its shard, the nodes the shard held and what each
 * probed node's probes saw. Anything else is an ObservationsFileError with the
 * file, line and column of the offending value. Pure.
 */
import { ObservationsFileError } from '../errors.js';
import { jsonSyntaxError } from '../records/jsonSyntaxError.js';
import { createLocator } from '../records/locate.js';
import type { NodeObservation, ProbeResult } from './observation.js';
import { OBSERVATIONS_VERSION, type ObservationSet } from './shard.js';

const PROBE_TYPES = new Set(['tcp', 'http', 'status']);

export function parseObservationsFile(text: string, file: string): ObservationSet {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const { line, col, reason } = jsonSyntaxError(text, e);
    throw new ObservationsFileError(file, line, col, `not JSON: ${reason}`);
  }
  const locate = createLocator(text);
  const fail = (pointer: string, detail: string): never => {
    const { line, col } = locate(pointer);
    throw new ObservationsFileError(file, line, col, detail);
  };
  if (!isObject(data) || data.fleethub !== 'observations') fail('', 'not a fleethub observations file (no "fleethub": "observations")');
  const doc = data as Record<string, unknown>;
  if (doc.version !== OBSERVATIONS_VERSION) fail('/version', `version ${JSON.stringify(doc.version)} is not ${OBSERVATIONS_VERSION} (the one this fleethub reads; probe and reconcile with the same fleethub)`);
  const shard = doc.shard;
  if (!isObject(shard) || !isWhole(shard.index) || !isWhole(shard.count) || shard.index < 1 || shard.index > shard.count) fail('/shard', '"shard" must be {"index": i, "count": n} with 1 ≤ i ≤ n');
  const { index, count } = shard as { index: number; count: number };
  if (!Array.isArray(doc.nodes) || doc.nodes.some((n) => typeof n !== 'string')) fail('/nodes', '"nodes" must be a list of node ids');
  const nodes = doc.nodes as string[];
  const inShard = new Set(nodes);
  if (!Array.isArray(doc.observations)) fail('/observations', '"observations" must be a list');
  const observations = (doc.observations as unknown[]).map((o, i) => observation(o, `/observations/${i}`, inShard, fail));
  const seen = new Set<string>();
  observations.forEach((o, i) => {
    if (seen.has(o.node)) fail(`/observations/${i}/node`, `node '${o.node}' is observed twice`);
    seen.add(o.node);
  });
  return { file, shard: { index, count }, nodes, observations };
}

function observation(o: unknown, at: string, inShard: Set<string>, fail: (pointer: string, detail: string) => never): NodeObservation {
  if (!isObject(o)) return fail(at, 'an observation must be an object');
  if (typeof o.node !== 'string') fail(`${at}/node`, '"node" must be a node id');
  if (!inShard.has(o.node as string)) fail(`${at}/node`, `node '${String(o.node)}' is not in the file's "nodes"`);
  if (typeof o.at !== 'string' || Number.isNaN(Date.parse(o.at))) fail(`${at}/at`, '"at" must be an ISO time');
  if (typeof o.ok !== 'boolean') fail(`${at}/ok`, '"ok" must be true or false');
  if (typeof o.reason !== 'string') fail(`${at}/reason`, '"reason" must be text');
  if (!Array.isArray(o.results)) fail(`${at}/results`, '"results" must be a list');
  (o.results as unknown[]).forEach((r, j) => {
    if (!isObject(r) || !PROBE_TYPES.has(r.type as string) || typeof r.target !== 'string' || typeof r.ok !== 'boolean' || typeof r.ms !== 'number') {
      fail(`${at}/results/${j}`, 'a probe result must have "type" (tcp, http or status), "target", "ok" and "ms"');
    }
  });
  if (o.status !== undefined && !isObject(o.status)) fail(`${at}/status`, '"status" must be an object when present');
  const { node, at: time, ok, reason, results, status } = o as unknown as NodeObservation;
  return { node, at: time, ok, reason, results: results as ProbeResult[], ...(status ? { status } : {}) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isWhole(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

