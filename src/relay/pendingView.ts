/**
 * The working tree as it will be once the given events land: a FileView with
 * them applied on top of the files, so what the user sees while offline
 * includes what they did (the caller marks it as pending). Events that would
 * not apply are skipped (the relay reports them).
 */
import type { OutboxEvent } from '../reconcile/outboxEvent.js';
import { readRepoText } from '../repo/readRepoText.js';
import { applyEvent } from './applyEvent.js';
import { fileView, type FileView } from './fileView.js';

export function pendingView(root: string, events: readonly OutboxEvent[]): FileView {
  const view = fileView(readRepoText(root));
  for (const e of events) applyEvent(view, e);
  return view;
}
