/**
 * Reads from the cache what the policy evaluators need, as plain data: workloads
 * (with via paths, listeners in file order and promotion evidence from `data`,
 * from the records the load step read: readParsedRecords),
 * nodes, the policies of kind promotion-gate / drain-sequence / freeze, the peer
 * diversity targets of the modes policy, task box states, the agent versions
 * the nodes declare, and the peers each node last reported (`observations.status`). Modes are not here: they come from the
 * reconcile run (ctx.states). Reads the database only.
 */
import type Database from 'better-sqlite3';
import { readParsedRecords, type ParsedRecord } from '../cache/readParsedRecords.js';
import { CacheDataError } from '../errors.js';
import type { DeclaredAgentVersion } from './evaluateAgentVersion.js';
import { DEFAULT_PEER_DIVERSITY_TARGETS } from './evaluatePeerDiversity.js';
import type { DrainSequencePolicy, FreezePolicy, PeerDiversityTargets, PolicyListener, PolicyWorkload, PromotionGatePolicy } from './policyData.js';

export interface DeclaredPolicyNode {
  id: string;
  file: string;
  role?: string;
  area?: string;
  nat_group?: string;
  enabled: boolean;
  planned: boolean;
}

export interface PolicyInput {
  workloads: PolicyWorkload[];
  nodes: DeclaredPolicyNode[];
  gates: PromotionGatePolicy[];
  drains: DrainSequencePolicy[];
  freezes: FreezePolicy[];
  targets: PeerDiversityTargets;
  /** Task key (`WP/T04`) → box state. */
  taskStates: Map<string, string>;
  /** The nodes whose record declares `labels.agent_version`, in id order, the version as text (a number as written, a boolean as 1 or 0, as the `nodes` view's labels give it to SQL). */
  agentVersions: DeclaredAgentVersion[];
}

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A JSON column fleethub wrote; text that does not parse means a damaged cache, reported, never read as `{}`. */
const parse = (text: string | null, table: string, id: string): Obj => {
  let v: unknown;
  try {
    v = text === null ? null : JSON.parse(text);
  } catch (e) {
    throw new CacheDataError(table, id, (e as Error).message);
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
};

function policyListener(l: Obj): PolicyListener {
  const out: PolicyListener = { port: Number(l.port), protocol: String(l.protocol) };
  const role = str(l.edge_role);
  if (role) out.edge_role = role;
  return out;
}

/** `records`: the workloads and nodes as the load step read them (readParsedRecords), read again when not given. */
export function readPolicyInput(db: Database.Database, records: { workloads: readonly ParsedRecord[]; nodes: readonly ParsedRecord[] } = { workloads: readParsedRecords(db, 'workload'), nodes: readParsedRecords(db, 'node') }): PolicyInput {
  // Built field by field, optional ones assigned when present (no conditional spreads): 20,000 of them on the large fleet.
  const workloads = records.workloads.map((r) => {
    const d = r.data;
    const w: PolicyWorkload = {
      id: r.id,
      file: r.file,
      kind: str(d.kind) ?? 'service',
      critical: d.critical === true,
      stateful: d.stateful === true,
      via: Array.isArray(d.via) ? d.via.filter((v): v is string => typeof v === 'string') : [],
      listeners: Array.isArray(d.listeners) ? (d.listeners as Obj[]).map(policyListener) : [],
    };
    const host = str(d.host);
    if (host) w.host = host;
    const stage = str(d.stage);
    if (stage) w.stage = stage;
    if (d.promotion && typeof d.promotion === 'object') w.promotion = d.promotion as PolicyWorkload['promotion'];
    return w;
  });
  // As the `nodes` view names them: enabled unless the record says false, planned only when it says true.
  const agentVersions: DeclaredAgentVersion[] = [];
  const nodes = records.nodes.map((r) => {
    const d = r.data;
    const out: DeclaredPolicyNode = { id: r.id, file: r.file, enabled: d.enabled !== false, planned: d.planned === true };
    const [role, area, nat] = [str(d.role), str(d.area), str(d.nat_group)];
    if (role !== undefined) out.role = role;
    if (area !== undefined) out.area = area;
    if (nat !== undefined) out.nat_group = nat;
    const version = (d.labels as Obj | undefined)?.agent_version;
    if (version !== undefined && version !== null) agentVersions.push({ node: r.id, file: r.file, version: typeof version === 'boolean' ? (version ? '1' : '0') : String(version) });
    return out;
  });
  const policies = db.prepare('SELECT id, kind, file, data FROM policies ORDER BY id').all() as Array<{ id: string; kind: string; file: string; data: string }>;
  const ofKind = <T>(kind: string): T[] => policies.filter((p) => p.kind === kind).map((p) => ({ ...parse(p.data, 'policies', p.id), id: p.id, file: p.file }) as T);
  const modes = ofKind<Obj>('modes')[0];
  const targets: PeerDiversityTargets = { ...DEFAULT_PEER_DIVERSITY_TARGETS, ...((modes?.peer_diversity ?? {}) as Partial<PeerDiversityTargets>) };
  const taskStates = new Map((db.prepare('SELECT key, state FROM tasks').all() as Array<{ key: string; state: string | null }>).filter((t) => t.state !== null).map((t) => [t.key, t.state!] as const));
  return { workloads, nodes, gates: ofKind('promotion-gate'), drains: ofKind('drain-sequence'), freezes: ofKind('freeze'), targets, taskStates, agentVersions };
}
