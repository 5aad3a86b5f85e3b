/**
 * Makes events and appends them to a fleet's outbox in one durable
 * transaction: a time-ordered unique id each (ULID, monotonic within this
 * process), the writer's identity and the time. After it returns, the events
 * survive anything; relaying them is a separate step.
 */
import { monotonicFactory } from 'ulidx';
import { openOutbox } from './openOutbox.js';
import type { EventBody, OutboxEvent } from './outboxEvent.js';
import { writerIdentity } from './writerIdentity.js';

const ulid = monotonicFactory();

export async function recordEvents(root: string, bodies: EventBody[], io: { env: Readonly<Record<string, string | undefined>>; now(): Date }): Promise<OutboxEvent[]> {
  const writer = await writerIdentity(root, io.env);
  const now = io.now();
  const outbox = openOutbox(root)!;
  try {
    return outbox.append(bodies.map((body) => ({ body, writer, at: now.toISOString(), id: ulid(now.getTime()) })));
  } finally {
    outbox.close();
  }
}
