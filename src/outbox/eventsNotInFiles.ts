/**
 * The events whose edits are not in this checkout's files yet: those still
 * pending in the outbox, and those relayed upstream but not pulled (the most
 * recent `recent` applied events are checked). Both in relay order. Reads the
 * outbox and the checkout's Git repository; an absent outbox has none.
 */
import { gitConfigReader } from '../repo/gitConfigReader.js';
import { openOutbox } from './openOutbox.js';
import type { OutboxEvent } from '../reconcile/outboxEvent.js';
import { unpulledEvents } from './unpulledEvents.js';

export async function eventsNotInFiles(root: string, recent = 5000): Promise<{ pending: OutboxEvent[]; unpulled: OutboxEvent[] }> {
  const outbox = openOutbox(root, { create: false });
  if (!outbox) return { pending: [], unpulled: [] };
  let pending: OutboxEvent[];
  let applied: OutboxEvent[];
  try {
    pending = outbox.list('pending');
    applied = outbox.list('applied', recent, true);
  } finally {
    outbox.close();
  }
  return { pending, unpulled: await unpulledEvents((await gitConfigReader(root)).gitRoot, applied) };
}
