/** Section `outbox`: the write buffer: pending events (each with what it changes), dead letters with why, the last relay error and the upstream (URL redacted) with whether it was reachable. */
import { describeEvent, type OutboxEvent } from '../../reconcile/outboxEvent.js';
import type { HubInput } from '../hubInput.js';

export interface HubOutboxEvent {
  id: string;
  type: string;
  at: string;
  what: string;
  /** The task key, node ids or file it changes. */
  target: string[];
  dead?: { code: string; reason: string; at: string };
}

export interface HubOutbox {
  pending: number;
  dead: number;
  last_error: string | null;
  last_success_at: string | null;
  next_attempt_at: string | null;
  upstream: { online: boolean | null; url: string | null };
  events: HubOutboxEvent[];
  dead_letters: HubOutboxEvent[];
}

export function outbox(input: HubInput): HubOutbox {
  const o = input.outbox;
  return {
    pending: o.pending.length,
    dead: o.dead.length,
    last_error: o.lastError,
    last_success_at: o.lastSuccessAt,
    next_attempt_at: o.nextAttemptAt,
    upstream: { online: o.upstream.online, url: o.upstream.url },
    events: o.pending.map(eventOut),
    dead_letters: o.dead.map(eventOut),
  };
}

function eventOut(e: OutboxEvent): HubOutboxEvent {
  const target = e.type === 'task.set' ? [`${e.payload.workplan}/${e.payload.task}`] : e.type === 'status.modes' ? [...Object.keys(e.payload.nodes), ...(e.payload.remove ?? [])].sort() : [e.payload.path];
  return { id: e.id, type: e.type, at: e.at, what: describeEvent(e), target, ...(e.dead ? { dead: e.dead } : {}) };
}
