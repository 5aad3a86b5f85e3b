/**
 * Reads a node's status document (`/cluster/status`) defensively: only `agent_version`,
 * `control_endpoint`, `update_state` and `peers[]` (`id`, `area`, `nat_group`, `direct`, `ready`)
 * are kept, each only when it has the right type; peers without a string id are dropped; other
 * fields are ignored. Returns undefined when the body is not a JSON object. Never throws.
 */
import type { NodeStatusDocument, PeerReport } from './observation.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function copy<T extends object>(into: T, from: Obj, key: keyof T & string, type: 'string' | 'boolean'): void {
  const value = from[key];
  if (typeof value === type) (into as Obj)[key] = value;
}

function peer(value: unknown): PeerReport | undefined {
  if (!isObject(value) || typeof value.id !== 'string') return undefined;
  const p: PeerReport = { id: value.id };
  copy(p, value, 'area', 'string');
  copy(p, value, 'nat_group', 'string');
  copy(p, value, 'direct', 'boolean');
  copy(p, value, 'ready', 'boolean');
  return p;
}

export function parseStatusDocument(json: unknown): NodeStatusDocument | undefined {
  if (!isObject(json)) return undefined;
  const doc: NodeStatusDocument = {};
  copy(doc, json, 'agent_version', 'string');
  copy(doc, json, 'control_endpoint', 'string');
  copy(doc, json, 'update_state', 'string');
  if (Array.isArray(json.peers)) {
    doc.peers = json.peers.map(peer).filter((p): p is PeerReport => p !== undefined);
  }
  return doc;
}
