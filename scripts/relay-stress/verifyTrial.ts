/**
 * The verdict of one stress trial, once the relay has run to completion:
 * every acknowledged event, and every event in the outbox, landed exactly
 * once — its id once in the writer's journal at upstream's head, its note once
 * in the workplan there — nothing landed that the outbox does not hold, and
 * the outbox has nothing pending and no dead letters. Problems are collected,
 * not thrown.
 */
import type { GitServer } from '../git-server/gitHttpServer.js';
import { openOutbox } from '../../src/outbox/openOutbox.js';
import type { EventState, OutboxEvent } from '../../src/reconcile/outboxEvent.js';
import { upstreamFile } from '../git-server/fleetUpstream.js';

export interface TrialVerdict {
  /** Events in the outbox (appended, acknowledged or not). */
  appended: number;
  acknowledged: number;
  /** Distinct event ids in upstream's journal. */
  landed: number;
  counts: Record<EventState, number>;
  /** One line per problem: an event landed more than once, or not at all, or something landed that was never appended. */
  duplicates: string[];
  lost: string[];
  phantoms: string[];
}

/** A progress note line under a task: `  - YYYY-MM-DD: <note>`. */
const NOTE = /^\s+- \d{4}-\d{2}-\d{2}: (.*)$/;

export async function verifyTrial(server: GitServer, repo: string, root: string, acknowledged: ReadonlySet<string>, where: { workplanFile: string; journalFile: string }): Promise<TrialVerdict> {
  const outbox = openOutbox(root, { create: false });
  let events: OutboxEvent[] = [];
  let counts: Record<EventState, number> = { pending: 0, applied: 0, dead: 0, dropped: 0 };
  if (outbox) {
    try {
      events = outbox.list();
      counts = outbox.counts();
    } finally {
      outbox.close();
    }
  }
  const journal = tally(((await upstreamFile(server, repo, where.journalFile)) ?? '').split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { id: string }).id));
  const notes = tally(((await upstreamFile(server, repo, where.workplanFile)) ?? '').split('\n').flatMap((l) => NOTE.exec(l)?.[1] ?? []));
  const verdict: TrialVerdict = { appended: events.length, acknowledged: acknowledged.size, landed: journal.size, counts, duplicates: [], lost: [], phantoms: [] };
  const ids = new Set(events.map((e) => e.id));
  const noteOf = new Map(events.map((e) => [e.id, e.type === 'task.set' ? (e.payload.note ?? '') : '']));
  for (const id of acknowledged) if (!ids.has(id)) verdict.lost.push(`${id}: acknowledged, not in the outbox`);
  for (const e of events) {
    const inJournal = journal.get(e.id) ?? 0;
    const inFile = notes.get(noteOf.get(e.id)!) ?? 0;
    if (inJournal > 1 || inFile > 1) verdict.duplicates.push(`${e.id} (${noteOf.get(e.id)}): ${inJournal}× in the journal, ${inFile}× in the workplan`);
    if (inJournal === 0 || inFile === 0) verdict.lost.push(`${e.id} (${noteOf.get(e.id)}, ${e.state}): ${inJournal}× in the journal, ${inFile}× in the workplan`);
  }
  const appendedNotes = new Set(noteOf.values());
  for (const id of journal.keys()) if (!ids.has(id)) verdict.phantoms.push(`${id}: in the journal, not in the outbox`);
  for (const note of notes.keys()) if (!appendedNotes.has(note)) verdict.phantoms.push(`note '${note}': in the workplan, not in the outbox`);
  if (counts.pending > 0) verdict.lost.push(`${counts.pending} event(s) still pending`);
  if (counts.dead > 0) verdict.lost.push(`${counts.dead} dead letter(s)`);
  return verdict;
}

function tally(values: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}
