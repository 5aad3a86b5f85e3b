/**
 * The task states the pending events will set, by task key (`WP/T01`): what
 * the user sees while offline, marked as pending. The last event for a task
 * wins, as it will when the events land.
 */
import { TASK_ACTIONS } from '../workplans/editTask.js';
import type { TaskState } from '../records/parseTasks.js';
import type { OutboxEvent } from './outboxEvent.js';

export function pendingTaskStates(pending: readonly OutboxEvent[]): Map<string, TaskState> {
  const out = new Map<string, TaskState>();
  for (const e of pending) if (e.type === 'task.set' && TASK_ACTIONS[e.payload.action]) out.set(`${e.payload.workplan}/${e.payload.task}`, TASK_ACTIONS[e.payload.action].state);
  return out;
}
