/**
 * A task's history out of its workplan's: each entry's fields under
 * `/tasks/<task>` (a whole `/tasks` field, as an added or removed workplan has
 * it, is narrowed to the task's part); entries that do not touch the task are
 * left out, except the workplan's renames (the task moved with it). Pure.
 */
import { pointerSegment } from '../records/pointerSegment.js';
import type { HistoryEntry } from './recordHistory.js';

export function taskFields(entries: readonly HistoryEntry[], task: string): HistoryEntry[] {
  const at = `/tasks/${pointerSegment(task)}`;
  const out: HistoryEntry[] = [];
  for (const e of entries) {
    const fields = e.fields.flatMap((f) => {
      if (f.path === at || f.path.startsWith(`${at}/`)) return [f];
      if (f.path !== '/tasks') return [];
      const pick = (v: unknown): unknown => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[task] : undefined);
      const [old, nu] = [pick(f.old), pick(f.new)];
      return old === undefined && nu === undefined ? [] : [{ path: at, ...(old === undefined ? {} : { old }), ...(nu === undefined ? {} : { new: nu }) }];
    });
    if (fields.length > 0 || e.change === 'renamed') out.push({ ...e, fields });
  }
  return out;
}
