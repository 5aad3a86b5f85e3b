/**
 * The offline evaluation of one revision's fleet: the same reconcile steps
 * every command runs (load, validate, observe without probing, evaluate,
 * freeze, policies, checks, workplans, trust), on the revision's files
 * materialised in a directory of their own, with I/O that reads that
 * revision's history (the command passes it in). The plan and apply steps are
 * left out: they render and compare status/, which says nothing about what a
 * change means (the drift check is 'fleethub reconcile --check').
 *
 * A revision that cannot be evaluated at all (a typed failure: a ratchet or
 * pin that does not parse, ...) is a `revision-unevaluable` finding of that
 * revision, never a crash; a record today's schema rejects is an ordinary
 * validation finding of it. (When neither revision can be evaluated, the
 * failure is not the change's: revisionImpact reports it as the error it is.)
 */
import { FleethubError } from '../errors.js';
import type { Finding } from '../records/finding.js';
import { reconcile, STEPS } from '../reconcile/reconcile.js';
import type { ReconcileIo } from '../reconcile/reconcileContext.js';
import { apply } from '../reconcile/steps/apply.js';
import { plan } from '../reconcile/steps/plan.js';
import { readScopeNodes } from '../trust/readScopeNodes.js';
import { indexNodes, resolveTarget } from '../trust/resolveTarget.js';
import type { Scope, ScopeNode } from '../trust/trustTypes.js';

export interface RevisionEvaluation {
  commit: string;
  findings: Finding[];
  /**
   * What the topology of the change needs (changedTopology), and no more: a
   * worker thread hands the evaluation over by structured clone, and 30,000
   * board rows cost ~0.3 s to copy. Each node's role (null: none); each
   * tunnel's `via` path.
   */
  roles: Map<string, string | null>;
  tunnels: Map<string, string[]>;
  /** Each intent's targeted node ids (sorted), as its target selector resolves against this revision's nodes. */
  targets: Map<string, string[]>;
  /** Why the revision could not be evaluated at all (then `findings` is the one revision-unevaluable finding). */
  unevaluable?: FleethubError;
}

const EVALUATION_STEPS = STEPS.filter((s) => s !== plan && s !== apply);

export async function evaluateRevision(io: ReconcileIo, commit: string): Promise<RevisionEvaluation> {
  let ctx;
  try {
    ctx = await reconcile(io, { probe: false, write: false, allowRemote: false }, EVALUATION_STEPS);
  } catch (e) {
    if (!(e instanceof FleethubError)) throw e;
    const file = typeof e.data.file === 'string' ? e.data.file : '';
    const finding: Finding = { code: 'revision-unevaluable', severity: 'error', file, line: 1, col: 1, message: `revision ${commit.slice(0, 12)} cannot be evaluated: ${e.message}` };
    return { commit, findings: [finding], roles: new Map(), tunnels: new Map(), targets: new Map(), unevaluable: e };
  }
  try {
    const db = ctx.db;
    const nodes = readScopeNodes(db, ctx.nodeRecords);
    const index = indexNodes(nodes);
    const targets = new Map<string, string[]>();
    for (const r of db.prepare('SELECT id, data FROM intents ORDER BY id').all() as Array<{ id: string; data: string }>) {
      const target = (JSON.parse(r.data) as { target?: unknown }).target;
      if (target !== null && typeof target === 'object') targets.set(r.id, resolveTarget(target as Scope, index));
    }
    const roles = new Map(ctx.nodes.map((n) => [n.id, n.role ?? null] as const));
    const tunnels = new Map(ctx.workloads.filter((w) => w.kind === 'tunnel').map((w) => [w.id, w.via] as const));
    return { commit, findings: ctx.findings, roles, tunnels, targets };
  } finally {
    ctx.db.close();
  }
}
