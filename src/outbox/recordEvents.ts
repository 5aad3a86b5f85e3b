/**
 * Makes events and appends them to a fleet's outbox in one durable
 * transaction: a time-ordered unique id each (ULID, monotonic within this
 * process), the writer's identity and the time. After it returns, the events
 * survive anything; relaying them is a separate step.
 */
import type { ULIDFactory } from 'ulidx';
import { openOutbox } from './openOutbox.js';
import type { EventBody, OutboxEvent } from '../reconcile/outboxEvent.js';
import { writerIdentity } from './writerIdentity.js';

/** Made on first use (loading ulidx is not start-up work for commands that never record). */
let ulid: ULIDFactory | null = null;

export async function recordEvents(root: string, bodies: EventBody[], io: { env: Readonly<Record<string, string | undefined>>; now(): Date }): Promise<OutboxEvent[]> {
  ulid ??= (await import('ulidx')).monotonicFactory();
  const next = ulid;
  const writer = await writerIdentity(root, io.env);
  const now = io.now();
  const outbox = openOutbox(root);
  try {
    return outbox.append(bodies.map((body) => ({ body, writer, at: now.toISOString(), id: next(now.getTime()) })));
  } finally {
    outbox.close();
  }
}
