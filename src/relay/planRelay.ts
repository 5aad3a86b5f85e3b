/**
 * The pure planner of a relay pass: given the pending events (in outbox order)
 * and a version of the files (upstream's head), decide which events already
 * landed (their id is in their writer's journal, or a status event that
 * changes nothing at upstream's head), which can no longer apply
 * (dead letters, with the reason), and the batches of commits that carry the
 * rest: each batch (one writer's, at most batchSize events) the files it
 * changes, journal lines included. Same inputs,
 * same plan; the applier (relay.ts) turns batches into commits.
 */
import type { DeadLetter } from '../outbox/openOutbox.js';
import type { OutboxEvent } from '../reconcile/outboxEvent.js';
import { MODES_FILE } from '../evaluate/modesFile.js';
import { applyEvent } from './applyEvent.js';
import { fileView } from './fileView.js';
import { journalIds, journalLine, journalPath } from './journal.js';

export interface RelayBatch {
  events: OutboxEvent[];
  /** Path → new text of each file this batch changes (relative to the batch before it). */
  changes: ReadonlyMap<string, string>;
}

export interface RelayPlan {
  batches: RelayBatch[];
  /** Ids already in their writer's journal: landed before, not applied again. */
  landed: string[];
  dead: DeadLetter[];
  /** Generated files whose events another run superseded (applyEvent), or that assumed an event that died: upstream keeps its version, which these events' changes are not in. */
  superseded: string[];
}

export interface PlanOptions {
  /** Most events in one commit. */
  batchSize: number;
  /** Record applied events in the writers' journals (the upstream relay does; the working-tree one does not). */
  journal: boolean;
  /** Ids of events already dead in the outbox: a status change that assumed one is withdrawn. */
  dead?: ReadonlySet<string>;
}

export function planRelay(events: readonly OutboxEvent[], read: (path: string) => string | null, options: PlanOptions): RelayPlan {
  if (!(options.batchSize >= 1)) throw new RangeError('planRelay: batchSize must be at least 1');
  const all = fileView(read);
  const seen = new Map<string, Set<string>>();
  const landedIn = (e: OutboxEvent): boolean => {
    if (!options.journal) return false;
    const path = journalPath(e.writer);
    if (!seen.has(path)) seen.set(path, journalIds(read(path)));
    return seen.get(path)!.has(e.id);
  };
  const plan: RelayPlan = { batches: [], landed: [], dead: [], superseded: [] };
  const died = new Set(options.dead ?? []);
  let batch = fileView(all.read);
  let members: OutboxEvent[] = [];
  let lines = new Map<string, string[]>();
  const close = (): void => {
    if (members.length === 0) return;
    for (const [path, add] of lines) batch.write(path, (batch.read(path) ?? '') + add.join(''));
    for (const [path, text] of batch.changes) all.write(path, text);
    plan.batches.push({ events: members, changes: batch.changes });
    batch = fileView(all.read);
    members = [];
    lines = new Map();
  };
  for (const e of events) {
    if (landedIn(e)) {
      plan.landed.push(e.id);
      continue;
    }
    // A status change computed as if an event had landed that cannot: withdrawn, upstream's version kept (outboxEvent.ts, `assumes`).
    if (e.type !== 'task.set' && e.payload.assumes?.some((id) => died.has(id))) {
      const path = e.type === 'status.file' ? e.payload.path : MODES_FILE;
      if (!plan.superseded.includes(path)) plan.superseded.push(path);
      plan.landed.push(e.id);
      continue;
    }
    // One author per commit: a batch ends where the writer changes.
    if (members.length > 0 && members[0]!.writer.email !== e.writer.email) close();
    const outcome = applyEvent(batch, e);
    if (!outcome.ok) {
      plan.dead.push({ id: e.id, code: outcome.code, reason: outcome.reason });
      died.add(e.id);
      continue;
    }
    // A generated file's event that changes nothing (upstream has it already, or another reconcile superseded it) needs no commit: settled as landed.
    if (!outcome.changed && e.type !== 'task.set') {
      if (outcome.superseded && !plan.superseded.includes(outcome.path)) plan.superseded.push(outcome.path);
      plan.landed.push(e.id);
      continue;
    }
    members.push(e);
    if (options.journal) {
      const path = journalPath(e.writer);
      if (!lines.has(path)) lines.set(path, []);
      lines.get(path)!.push(journalLine(e));
    }
    if (members.length >= options.batchSize) close();
  }
  close();
  return plan;
}
