/** What the hub's section builders read: one offline evaluation of the fleet (the reconcile loop's context, its cache still open) and the outbox's state. Plain types only. */
import type { ReconcileContext } from '../reconcile/reconcileContext.js';
import type { OutboxEvent } from '../reconcile/outboxEvent.js';
import type { WorkplanEvaluation } from '../workplans/evaluateWorkplans.js';

export interface HubOutboxState {
  /** Events not relayed yet, in relay order. */
  pending: OutboxEvent[];
  /** Dead letters, in relay order. */
  dead: OutboxEvent[];
  lastError: string | null;
  lastSuccessAt: string | null;
  nextAttemptAt: string | null;
  /** Where the relay sends events (credentials redacted), and whether its last attempt reached it; null url: no upstream configured. */
  upstream: { url: string | null; online: boolean | null };
}

export interface HubInput {
  /** The offline reconcile's context; `run.db` is open while the sections are built. */
  run: ReconcileContext;
  /** The workplans with the task states of the events not in the files yet laid on top (marked pending / upstream). */
  workplans: WorkplanEvaluation;
  outbox: HubOutboxState;
  /** A first phase: the records are refreshed, the findings and checks not evaluated yet (a builder shows what depends on them as evaluating). */
  evaluating?: true;
}

/** A section builder: the input in, the section's JSON-ready data out. Pure apart from reading `run.db`. */
export type SectionBuilder = (input: HubInput) => unknown;
