/**
 * Step: the policies of issue 4 that are pure evaluations over the cache —
 * promotion gate, drain sequence, topology invariants, edge listeners, peer
 * diversity, agent version (src/policy/). Reads their input from the cache, pushes their
 * findings (JSON pointers turned into lines), writes the `peer_diversity` table
 * and adds one board section per drain sequence. Runs after `evaluate` (node
 * modes); before `plan`, so the board shows what it found.
 */
import type { Mode } from '../../evaluate/modeState.js';
import { cacheMemo } from '../../cache/cacheMemo.js';
import { syncTable } from '../../cache/syncTable.js';
import { fileLocator } from '../../records/fileLocator.js';
import { evaluateAgentVersion } from '../../policy/evaluateAgentVersion.js';
import { evaluateDrainSequence } from '../../policy/evaluateDrainSequence.js';
import { evaluateListeners } from '../../policy/evaluateListeners.js';
import { evaluatePeerDiversity } from '../../policy/evaluatePeerDiversity.js';
import { evaluatePromotionGate } from '../../policy/evaluatePromotionGate.js';
import { evaluateTopology } from '../../policy/evaluateTopology.js';
import { peerDiversity, type PeerTopology } from '../../policy/peerDiversity.js';
import type { PolicyNode } from '../../policy/policyData.js';
import type { Unlocated } from '../../records/finding.js';
import { readPolicyInput } from '../../policy/readPolicyInput.js';
import type { ReconcileContext } from '../reconcileContext.js';

export async function policies(ctx: ReconcileContext): Promise<void> {
  const db = ctx.db;
  const input = readPolicyInput(db, { workloads: ctx.workloadRecords, nodes: ctx.nodeRecords });
  const now = new Date(ctx.now);
  const nodes = new Map<string, PolicyNode>(
    input.nodes.map((n) => {
      const declared: Mode = !n.enabled ? 'DISABLED' : n.planned ? 'PLANNED' : 'UNKNOWN';
      const { enabled: _e, planned: _p, ...rest } = n;
      return [n.id, { ...rest, mode: ctx.states.get(n.id)?.mode ?? declared }];
    }),
  );
  const workloadsById = new Map(input.workloads.map((w) => [w.id, w] as const));
  // A drain wave's task as the events not in the files yet set it, as the workplans step reads it.
  for (const [key, o] of ctx.pendingTasks) if (input.taskStates.has(key)) input.taskStates.set(key, o.state);
  const found: Unlocated[] = [];
  for (const gate of input.gates) found.push(...evaluatePromotionGate(input.workloads, gate, now));
  for (const drain of input.drains) {
    const progress = evaluateDrainSequence(drain, workloadsById, input.taskStates);
    found.push(...progress.findings);
    ctx.boardSections.push({ kind: 'drain', progress });
  }
  found.push(...evaluateTopology(input.workloads, nodes, input.freezes, now));
  found.push(...evaluateListeners(input.workloads));

  const topology = new Map<string, PeerTopology>(input.nodes.map((n) => [n.id, { ...(n.area ? { area: n.area } : {}), ...(n.nat_group ? { nat_group: n.nat_group } : {}) }]));
  // From the recorded reports (status/node-reports.json after this run), never the local cache alone: every checkout judges the same facts.
  const rows = [...ctx.reports].filter(([, r]) => r.peers !== undefined).map(([id, r]) => peerDiversity(id, topology.get(id) ?? {}, r.peers!, topology, ctx.persisted.get(id)?.observed_at ?? ''));
  const critical = new Set(input.workloads.filter((w) => w.critical === true && w.stage !== 'retired' && w.host !== undefined).map((w) => w.host!));
  found.push(...evaluatePeerDiversity(rows, critical, input.targets, nodes));
  found.push(...evaluateAgentVersion(input.agentVersions, new Map([...ctx.reports].map(([id, r]) => [id, r.agent_version])), nodes));
  syncTable(db, 'peer_diversity', rows.map((r) => [r.node, r.direct_ready_count, r.relay_ready_count, r.external_area_ready_count, r.independent_ingress_ready_count, r.recovery_path_count, r.observed_at]));

  const locate = fileLocator(ctx.io.readText, { store: cacheMemo(db), name: 'positions:policies' });
  for (const { pointer, atKey: _a, ...f } of found) ctx.findings.push({ ...f, ...locate(f.file, pointer ?? '') });
  locate.save();
}
