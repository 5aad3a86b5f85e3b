/**
 * Applies one event to a version of the fleet's files, as a semantic edit:
 * flip this task's box (wherever the task now is in its workplan), set these
 * nodes' entries in status/modes.json, put this generated file — unless
 * another reconcile changed that entry or file since this event's base (a
 * concurrent run): then it is superseded and changes nothing. Pure: the
 * files come in through a FileView. An event that can no longer apply says
 * why, with a stable code, and becomes a dead letter; nothing else is held
 * back by it.
 */
import { parseModesFile, renderModesFile, MODES_FILE } from '../evaluate/modesFile.js';
import type { EventBody, TaskEventPayload } from '../reconcile/outboxEvent.js';
import { editTask } from '../records/editTask.js';
import { textHash } from '../records/textHash.js';
import type { FileView } from './fileView.js';

/** `superseded`: a generated file another run wrote since this event's base, left as that run wrote it. */
export type ApplyOutcome = { ok: true; path: string; changed: boolean; superseded?: true } | { ok: false; code: DeadCode; reason: string };

export type DeadCode = 'workplan-gone' | 'task-gone' | 'task-ambiguous' | 'not-a-workplan' | 'invalid-event';

/** Files an event may replace whole: the reconciler's own outputs, never authored records nor the journals. */
const STATUS_FILE = /^status\/(?!journal\/)[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

export function applyEvent(view: FileView, event: EventBody): ApplyOutcome {
  switch (event.type) {
    case 'task.set':
      return applyTask(view, event.payload);
    case 'status.modes': {
      // An unreadable file or entry is reported by the next reconcile (modes-file-unreadable); the event's nodes are written.
      const { states } = parseModesFile(view.read(MODES_FILE));
      // A node whose entry is no longer the one this change was computed from was changed by another reconcile meanwhile: left as it is.
      const base = event.payload.base;
      const current = (id: string) => (base && id in base && JSON.stringify(states.get(id) ?? null) !== JSON.stringify(base[id]) ? false : true);
      for (const [id, s] of Object.entries(event.payload.nodes)) if (current(id)) states.set(id, s);
      for (const id of event.payload.remove ?? []) if (current(id)) states.delete(id);
      return put(view, MODES_FILE, renderModesFile(states));
    }
    case 'status.file': {
      if (!STATUS_FILE.test(event.payload.path) || event.payload.path.includes('..')) return { ok: false, code: 'invalid-event', reason: `${event.payload.path} is not a generated file under status/` };
      // Written by another reconcile since this one read it: superseded, the next reconcile renders it again.
      const base = event.payload.base;
      if (base !== undefined && textHash(view.read(event.payload.path)) !== base) {
        // Unless it already reads as this event would write it.
        return view.read(event.payload.path) === event.payload.text ? { ok: true, path: event.payload.path, changed: false } : { ok: true, path: event.payload.path, changed: false, superseded: true };
      }
      return put(view, event.payload.path, event.payload.text);
    }
    default:
      return { ok: false, code: 'invalid-event', reason: `unknown event type '${(event as { type: string }).type}' (written by a newer fleethub?)` };
  }
}

function applyTask(view: FileView, p: TaskEventPayload): ApplyOutcome {
  const moved = `workplans/${p.workplan}.md`;
  const path = view.read(p.file) !== null && baseName(p.file) === p.workplan ? p.file : view.read(moved) !== null ? moved : null;
  if (path === null) return { ok: false, code: 'workplan-gone', reason: `workplan ${p.workplan} no longer exists (${p.file} is gone${p.file === moved ? '' : `, and there is no ${moved}`}); it was removed or renamed` };
  const edit = editTask(view.read(path)!, p.task, p.action, { note: p.note, date: p.date });
  if ('error' in edit) {
    const code = edit.error === 'task-not-found' ? 'task-gone' : edit.error === 'ambiguous' ? 'task-ambiguous' : 'not-a-workplan';
    return { ok: false, code, reason: `${p.workplan} (${path}): ${edit.message}` };
  }
  if (edit.changed) view.write(path, edit.text);
  return { ok: true, path, changed: edit.changed };
}

function put(view: FileView, path: string, text: string): ApplyOutcome {
  const changed = view.read(path) !== text;
  if (changed) view.write(path, text);
  return { ok: true, path, changed };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
}
