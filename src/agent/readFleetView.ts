/**
 * What the agent needs from a fetched snapshot, parsed: the nodes (as target
 * selectors see them), the intents (front matter and where each pointer is),
 * the trust.yaml versions from the pinned one on, the rollout caps and
 * heartbeat, the ratchet, and each rollout's lease file. Parsed once per
 * snapshot (many simulated agents share one). A file that does not parse is
 * kept as a problem, never skipped: an intent that does not parse is refused,
 * a rollout file that does not parse leases nothing.
 */
import { durationMs } from '../records/duration.js';
import { idFromPath } from '../records/kinds.js';
import { createLocator } from '../records/locate.js';
import { parseYaml } from '../records/parseYaml.js';
import { splitFrontMatter } from '../records/splitFrontMatter.js';
import { parseRatchet } from '../trust/ratchet.js';
import { RATCHET_FILE, readTrustVersions, TRUST_FILE } from '../trust/readFleetTrust.js';
import type { RatchetEntry, RolloutCaps, ScopeNode } from '../trust/trustTypes.js';
import type { IntentInput } from '../trust/verifyIntent.js';
import type { PinnedRoot, TrustVersion } from '../trust/verifyTrustChain.js';
import { INTENTS_DIR, NODES_DIR, ROLLOUT_POLICY_FILE, ROLLOUTS_DIR } from './agentReads.js';
import type { FleetSnapshot } from './readFleetSnapshot.js';

/** status/rollouts/<intent>.yaml as the agent reads it (the reconciler writes it; only its leases are signed). */
export interface RolloutFile {
  intent?: unknown;
  epoch?: unknown;
  control?: unknown;
  leases?: unknown;
  revoked?: unknown;
}

export interface FleetView {
  commit: string;
  nodes: ScopeNode[];
  intents: IntentInput[];
  /** Intent files whose front matter does not parse: refused (intent-malformed). */
  invalid: Array<{ id: string; file: string; message: string }>;
  trustVersions: TrustVersion[];
  caps: RolloutCaps;
  /** policies/rollout.yaml's heartbeat_timeout in ms (how often an in-flight node re-reports), or null. */
  heartbeatMs: number | null;
  ratchet: Map<string, RatchetEntry>;
  /** Why status/trust-ratchet.json could not be read (then only the agent's own ratchet applies), or null. */
  ratchetProblem: string | null;
  /** Per intent id: its rollout file, or the reason it cannot be read. */
  rollouts: Map<string, { ok: true; data: RolloutFile } | { ok: false; message: string }>;
}

export function readFleetView(snapshot: FleetSnapshot, pin: PinnedRoot | null): FleetView {
  const text = (path: string): string | null => snapshot.files.get(path) ?? null;
  const view: FleetView = { commit: snapshot.commit, nodes: [], intents: [], invalid: [], trustVersions: [], caps: {}, heartbeatMs: null, ratchet: new Map(), ratchetProblem: null, rollouts: new Map() };
  for (const [path, body] of snapshot.files) {
    if (body === null) continue;
    if (path.startsWith(`${NODES_DIR}/`)) {
      const fm = frontMatter(body);
      if (fm.ok) view.nodes.push(scopeNode(idFromPath(path), fm.data));
    } else if (path.startsWith(`${INTENTS_DIR}/`)) {
      const fm = frontMatter(body);
      const id = idFromPath(path);
      if (!fm.ok) view.invalid.push({ id, file: path, message: fm.message });
      else view.intents.push({ id, file: path, data: fm.data, locate: fm.locate });
    } else if (path.startsWith(`${ROLLOUTS_DIR}/`)) {
      const parsed = parseYaml(body);
      const id = idFromPath(path);
      if (!parsed.ok) view.rollouts.set(id, { ok: false, message: `${path}:${parsed.line}:${parsed.col}: ${parsed.message}` });
      else if (!isObject(parsed.data)) view.rollouts.set(id, { ok: false, message: `${path}: not a mapping` });
      else view.rollouts.set(id, { ok: true, data: parsed.data as RolloutFile });
    }
  }
  const policy = text(ROLLOUT_POLICY_FILE);
  if (policy !== null) {
    const parsed = parseYaml(policy);
    const p = parsed.ok && isObject(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
    if (typeof p.max_parallel === 'number') view.caps.max_parallel = p.max_parallel;
    if (typeof p.max_unavailable === 'number') view.caps.max_unavailable = p.max_unavailable;
    view.heartbeatMs = typeof p.heartbeat_timeout === 'string' ? durationMs(p.heartbeat_timeout) : null;
  }
  try {
    view.ratchet = parseRatchet(text(RATCHET_FILE), RATCHET_FILE);
  } catch (e) {
    // A copy's ratchet that does not parse lowers nothing: the agent's own ratchet (its journal) still holds.
    view.ratchetProblem = (e as Error).message;
  }
  view.trustVersions = readTrustVersions({ readText: text, fileVersions: snapshot.fileVersions, head: () => snapshot.commit, env: {}, readAbsolute: () => null }, TRUST_FILE, pin);
  return view;
}

function frontMatter(text: string): { ok: true; data: Record<string, unknown>; locate(pointer: string): { line: number; col: number } } | { ok: false; message: string } {
  const split = splitFrontMatter(text);
  if (!split.ok) return { ok: false, message: `${split.line}:${split.col}: ${split.message}` };
  const parsed = parseYaml(split.yaml, split.yamlLine);
  if (!parsed.ok) return { ok: false, message: `${parsed.line}:${parsed.col}: ${parsed.message}` };
  if (!isObject(parsed.data)) return { ok: false, message: `${split.yamlLine}:1: the front matter is not a mapping` };
  const locator = createLocator(split.yaml, split.yamlLine);
  return { ok: true, data: parsed.data as Record<string, unknown>, locate: (p) => locator(p) };
}

function scopeNode(id: string, d: Record<string, unknown>): ScopeNode {
  const str = (k: string): string | undefined => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const n: ScopeNode = { id, labels: isObject(d.labels) ? (d.labels as Record<string, unknown>) : {} };
  for (const k of ['role', 'area', 'site', 'nat_group'] as const) {
    const v = str(k);
    if (v !== undefined) n[k] = v;
  }
  return n;
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
