/**
 * What an outbox event is: every write fleethub makes to the fleet's files is
 * one of these first. An event says *what* to change (flip this task's box,
 * set these nodes' observed modes, put this generated file), never *how the
 * bytes differ*, so it can be re-applied to whatever version of the files
 * upstream holds when it is finally relayed.
 */
import type { ModeState } from '../evaluate/modeState.js';
import type { TaskAction } from '../records/editTask.js';

export interface Writer {
  name: string;
  email: string;
}

/** Set a workplan task's box and optionally append a dated note under it. */
export interface TaskEventPayload {
  workplan: string;
  task: string;
  action: TaskAction;
  /** One line of progress, or absent. */
  note?: string;
  /** The note's date (YYYY-MM-DD, UTC), fixed when the event was made, not when it lands. */
  date: string;
  /** Where the workplan was when the event was made; the relay looks for `<workplan>.md` if it moved. */
  file: string;
}

/** Set these nodes' entries in status/modes.json and remove those of nodes no longer in the registry; other entries are kept. */
export interface ModesEventPayload {
  nodes: Record<string, ModeState>;
  remove?: string[];
  /**
   * Each changed or removed node's entry as this change was computed from it
   * (null: there was none). Where upstream's entry is no longer that one,
   * another reconcile changed it meanwhile, and this change is superseded:
   * the node is left as upstream has it. Absent in older events.
   */
  base?: Record<string, ModeState | null>;
  /**
   * The events this change was computed as if they had landed (`fleethub
   * task`, `rollout pause`: the board with the change, and with what waited
   * before it): should one of them die, this change is withdrawn (superseded:
   * upstream keeps its version), never a board showing a change that did not
   * land. Absent in older events.
   */
  assumes?: string[];
}

/** Replace a generated file under status/ with this text. */
export interface StatusFileEventPayload {
  path: string;
  text: string;
  /** The SHA-256 (hex) of the text this was computed from (null: no file); when upstream's differs, another reconcile wrote it meanwhile and this is superseded. Absent in older events. */
  base?: string | null;
  /** As ModesEventPayload's `assumes`. */
  assumes?: string[];
}

export type EventBody =
  | { type: 'task.set'; payload: TaskEventPayload }
  | { type: 'status.modes'; payload: ModesEventPayload }
  | { type: 'status.file'; payload: StatusFileEventPayload };

export type EventType = EventBody['type'];

export const EVENT_TYPES: readonly EventType[] = ['task.set', 'status.modes', 'status.file'];

export type EventState = 'pending' | 'applied' | 'dead' | 'dropped';

export type OutboxEvent = EventBody & {
  /** A ULID: unique, and ordered by time within one writer. */
  id: string;
  /** Position in this outbox: events relay in this order. */
  seq: number;
  writer: Writer;
  /** When the event was made (ISO 8601). */
  at: string;
  state: EventState;
  /** The upstream commit that carries it (applied events). */
  commit: string | null;
  /** Why it can no longer apply (dead events), with a stable code. */
  dead: { code: string; reason: string; at: string } | null;
};

/** A one-line description of what an event does, for lists and commit messages. */
export function describeEvent(e: EventBody): string {
  switch (e.type) {
    case 'task.set':
      return `task ${e.payload.action} ${e.payload.workplan}/${e.payload.task}${e.payload.note ? ' (+ note)' : ''}`;
    case 'status.modes':
      return `modes of ${[...Object.keys(e.payload.nodes), ...(e.payload.remove ?? [])].sort().join(', ') || 'no node'}`;
    case 'status.file':
      return `generated ${e.payload.path}`;
  }
}
