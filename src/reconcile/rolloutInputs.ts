/**
 * What the rollout step plans from, read once per run: the update intents
 * with their verdicts, policies/rollout.yaml, every node as the planner sees
 * it (topology, mode after this run, the critical roles it serves, whether
 * its agent has reported) and each node's agent reports (status/agents/,
 * through the events not in the files yet). An agent file that cannot be
 * read is a warning, and its node counts as having no agent.
 */
import { hintFor } from '../records/hints.js';
import { parseAgentFile } from '../rollout/parseAgentFile.js';
import { servedRoles, type HostedWorkload } from '../rollout/servedRoles.js';
import { AGENTS_DIR, type AgentReport } from '../rollout/leaseTypes.js';
import type { RolloutIntent, RolloutNode, RolloutPolicy } from '../rollout/rolloutTypes.js';
import type { IntentVerdict } from '../trust/trustTypes.js';
import type { ReconcileContext } from './reconcileContext.js';

export interface RolloutInputs {
  intents: Array<{ intent: RolloutIntent; verdict: IntentVerdict; file: string; artifact: { name: string; version: string } | null }>;
  policy: RolloutPolicy;
  nodes: RolloutNode[];
  /** Each node's report for one intent. */
  reports(intent: string): Map<string, AgentReport>;
}

/** Without policies/rollout.yaml, one node at a time. */
const NO_POLICY: RolloutPolicy = { max_parallel: 1 };

export function rolloutInputs(ctx: ReconcileContext): RolloutInputs {
  const verdicts = new Map((ctx.trust?.verdicts ?? []).map((v) => [v.id, v]));
  const intents = (ctx.db.prepare(`SELECT id, file, data FROM intents ORDER BY id`).all() as Array<{ id: string; file: string; data: string }>).flatMap((r) => {
    const d = JSON.parse(r.data) as Record<string, unknown>;
    const verdict = verdicts.get(r.id);
    if (d.kind !== 'update' || !verdict) return [];
    const intent: RolloutIntent = {
      id: r.id,
      ...(typeof d.version === 'number' ? { version: d.version } : {}),
      expires: String(d.expires ?? ''),
      target: (d.target ?? {}) as RolloutIntent['target'],
      ...(d.strategy ? { strategy: d.strategy as RolloutIntent['strategy'] } : {}),
      control: d.control === 'paused' || d.control === 'aborted' ? d.control : 'run',
    };
    const artifact = (d.artifact ?? {}) as { name?: unknown; version?: unknown };
    return [{ intent, verdict, file: r.file, artifact: typeof artifact.name === 'string' && typeof artifact.version === 'string' ? { name: artifact.name, version: artifact.version } : null }];
  });
  if (intents.length === 0) return { intents, policy: NO_POLICY, nodes: [], reports: () => new Map() };
  const policyRow = ctx.db.prepare(`SELECT data FROM policies WHERE kind = 'rollout' ORDER BY id LIMIT 1`).pluck().get() as string | undefined;
  const policy = policyRow ? (JSON.parse(policyRow) as RolloutPolicy) : NO_POLICY;
  const labels = new Map((ctx.db.prepare('SELECT id, labels FROM nodes').all() as Array<{ id: string; labels: string }>).map((n) => [n.id, JSON.parse(n.labels) as Record<string, unknown>]));
  const workloadLabels = new Map((ctx.db.prepare('SELECT id, labels FROM workloads').all() as Array<{ id: string; labels: string }>).map((w) => [w.id, JSON.parse(w.labels) as Record<string, unknown>]));
  // Each node's own workloads, grouped once (servedRoles looks only at those).
  const hosted = new Map<string, HostedWorkload[]>();
  for (const w of ctx.workloads) if (w.host) (hosted.get(w.host) ?? hosted.set(w.host, []).get(w.host)!).push({ host: w.host, listeners: w.listeners, labels: workloadLabels.get(w.id) ?? {} });
  const byNode = new Map<string, Map<string, AgentReport>>();
  const nodes: RolloutNode[] = ctx.nodes.map((n) => {
    const path = `${AGENTS_DIR}/${n.id}.json`;
    const text = ctx.readGenerated(path);
    let agent = false;
    if (text !== null) {
      const parsed = parseAgentFile(text, n.id);
      if (parsed.ok) {
        agent = true;
        for (const [intent, r] of Object.entries(parsed.file.reports)) {
          if (!byNode.has(intent)) byNode.set(intent, new Map());
          byNode.get(intent)!.set(n.id, r);
        }
      } else ctx.findings.push({ code: 'agent-report-unreadable', severity: 'warning', kind: 'node', id: n.id, message: `${path} cannot be read: ${parsed.message}`, hint: hintFor('agent-report-unreadable'), file: path, line: 1, col: 1 });
    }
    return {
      id: n.id,
      ...(n.role ? { role: n.role } : {}),
      ...(n.area ? { area: n.area } : {}),
      ...(n.site ? { site: n.site } : {}),
      ...(n.nat_group ? { nat_group: n.nat_group } : {}),
      labels: labels.get(n.id) ?? {},
      mode: ctx.persisted.get(n.id)?.mode ?? 'UNKNOWN',
      serves: servedRoles({ id: n.id, ...(n.role ? { role: n.role } : {}) }, hosted.get(n.id) ?? []),
      agent,
    };
  });
  return { intents, policy, nodes, reports: (intent) => byNode.get(intent) ?? new Map() };
}
