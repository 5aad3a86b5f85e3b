/**
 * `fleethub outbox list|show|retry|drop`: what waits to be relayed, what
 * landed, and the dead letters — events that can no longer apply — for a
 * person to retry (after fixing what was in the way) or drop.
 */
import { UnknownEventError, UsageError } from '../errors.js';
import { commandResult } from './commandResult.js';
import { openOutbox, type Outbox } from '../outbox/openOutbox.js';
import { describeEvent, type EventState, type OutboxEvent } from '../reconcile/outboxEvent.js';
import { findRoot } from '../repo/findRoot.js';
import { tableTime } from '../report/tableTime.js';
import { renderTable } from '../report/renderTable.js';
import { checkAction } from './checkAction.js';
import type { Command } from './command.js';

const SUBCOMMANDS = ['list', 'show', 'retry', 'drop'] as const;

export function outboxCommand(now: () => Date = () => new Date()): Command {
  return {
    name: 'outbox',
    summary: 'the offline write buffer: pending events, dead letters (retry, drop)',
    usage: `fleethub outbox [list] [--all | --dead] [--format json]
       fleethub outbox show <event-id>
       fleethub outbox retry <event-id>... | --dead
       fleethub outbox drop <event-id>...

list   the pending events and dead letters (--all: also applied and dropped; --dead: only dead letters)
show   one event: what it does, its payload, its state, the commit that carries it or why it is dead
retry  dead letters back to pending; the next 'fleethub relay' tries them again (--dead: all of them)
drop   dead letters set aside for good (kept in the outbox, never relayed)
Exit codes: 0 ok, 1 dead letters listed, 2 usage error or unknown event.`,
    options: { all: { type: 'boolean' }, dead: { type: 'boolean' } },
    reads: true,
    async run(args, ctx) {
      const [sub = 'list', ...ids] = args.positionals;
      checkAction(sub, SUBCOMMANDS, '');
      const root = findRoot(ctx.cwd, ctx.root);
      const outbox = openOutbox(root, { create: sub !== 'list' });
      if (outbox === null) return { text: () => 'the outbox is empty (nothing was ever recorded here)', json: () => ({ counts: { pending: 0, applied: 0, dead: 0, dropped: 0 }, events: [] }), problems: false };
      try {
        if (sub === 'list') {
          if (ids.length > 0) throw new UsageError(`outbox list takes no event ids (use 'fleethub outbox show ${ids[0]}')`);
          const events = args.values.dead ? outbox.list('dead') : args.values.all ? outbox.list() : [...outbox.list('pending'), ...outbox.list('dead')].sort((a, b) => a.seq - b.seq);
          const counts = outbox.counts();
          const relay = outbox.relayState();
          return {
            text: () => listText(events, counts, relay.lastError, ctx.style.columns),
            json: () => ({ counts, relay, events, result: commandResult([], 'error', { 'dead-letters': counts.dead > 0 }) }),
            problems: counts.dead > 0,
          };
        }
        if (sub === 'show') {
          if (ids.length !== 1) throw new UsageError('give one event id: fleethub outbox show <event-id>');
          const e = outbox.get(ids[0]!);
          if (!e) throw new UnknownEventError(ids[0]!);
          return { text: () => showText(e), json: () => e, problems: false };
        }
        const everyDead = args.values.dead === true && sub === 'retry';
        if (everyDead && ids.length > 0) throw new UsageError('give event ids or --dead, not both');
        const targets = everyDead ? outbox.list('dead').map((e) => e.id) : ids;
        if (everyDead && targets.length === 0) return { text: () => 'no dead letters to retry', json: () => ({ retried: [] }), problems: false };
        if (targets.length === 0) throw new UsageError(`give the event ids to ${sub}${sub === 'retry' ? ' (or --dead for every dead letter)' : ''}`);
        const changed = settle(outbox, sub as 'retry' | 'drop', targets, now().toISOString());
        const verb = sub === 'retry' ? 'back to pending' : 'dropped';
        return { text: () => `${changed.length} event(s) ${verb}${sub === 'retry' && changed.length > 0 ? "; 'fleethub relay' tries them again" : ''}`, json: () => ({ [sub === 'retry' ? 'retried' : 'dropped']: changed }), problems: false };
      } finally {
        outbox.close();
      }
    },
  };
}

export const outbox: Command = outboxCommand();

function settle(outbox: Outbox, action: 'retry' | 'drop', ids: string[], at: string): string[] {
  for (const id of ids) {
    const e = outbox.get(id);
    if (!e) throw new UnknownEventError(id);
    if (e.state !== 'dead') throw new UsageError(`event ${id} is ${e.state}, not a dead letter; only dead letters can be ${action === 'retry' ? 'retried' : 'dropped'}`);
  }
  return ids.filter((id) => (action === 'retry' ? outbox.retry(id) : outbox.drop(id, at)));
}

function listText(events: OutboxEvent[], counts: Record<EventState, number>, lastError: string | null, columns: number): string {
  const head = `${counts.pending} pending · ${counts.dead} dead · ${counts.applied} applied · ${counts.dropped} dropped`;
  const lines = [head];
  if (counts.pending > 0 && lastError) lines.push(`last relay attempt: ${lastError}`);
  if (events.length > 0) {
    lines.push('', renderTable(['id', 'state', 'at', 'what', 'why'], events.map((e) => ({ id: e.id, state: e.state, at: tableTime(e.at), what: describeEvent(e), why: e.dead ? `${e.dead.code}: ${e.dead.reason}` : e.commit ? e.commit.slice(0, 10) : '' })), { maxWidth: columns }));
  }
  return lines.join('\n');
}

function showText(e: OutboxEvent): string {
  return [
    `${e.id}  ${e.state}`,
    `what:    ${describeEvent(e)}`,
    `writer:  ${e.writer.name} <${e.writer.email}>`,
    `at:      ${e.at}`,
    ...(e.commit ? [`commit:  ${e.commit}`] : []),
    ...(e.dead ? [`dead:    ${e.dead.code}: ${e.dead.reason} (${e.dead.at})`] : []),
    `payload: ${JSON.stringify(e.payload, null, 2).replace(/\n/g, '\n         ')}`,
  ].join('\n');
}
