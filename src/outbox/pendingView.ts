/**
 * The working tree as it will be once the pending events land: a FileView
 * with the outbox's pending events applied on top of the files, so what the
 * user sees while offline includes what they did, marked as pending by the
 * caller. Events that would not apply are skipped (the relay reports them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEvent } from '../relay/applyEvent.js';
import { fileView, type FileView } from '../relay/fileView.js';
import type { OutboxEvent } from './outboxEvent.js';

export function pendingView(root: string, pending: readonly OutboxEvent[]): FileView {
  const view = fileView((path) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return null;
    }
  });
  for (const e of pending) applyEvent(view, e);
  return view;
}
