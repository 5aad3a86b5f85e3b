/**
 * `fleethub history` for people: `text`, one block per commit (commit, date,
 * author, how the record changed, each field old → new); `md`, one table per
 * commit. Newest first, as `git log`. Pure.
 */
import type { HistoryEntry } from '../review/recordHistory.js';
import { codeCell } from './codeCell.js';
import { markdownCell } from './markdownCell.js';
import { showFieldValue } from './showFieldValue.js';

export interface RecordHistoryView {
  record: { kind: string; id: string; path: string };
  entries: HistoryEntry[];
}

export function renderRecordHistory(h: RecordHistoryView, format: 'text' | 'md'): string {
  const head = `history of ${h.record.kind} ${h.record.id} (${h.record.path}): ${h.entries.length} change${h.entries.length === 1 ? '' : 's'}`;
  const what = (e: HistoryEntry): string => {
    if (e.change !== 'renamed') return e.change;
    // A new id too: each side is named by its id, with its path.
    return e.fromId && e.fromId !== e.id ? `renamed: ${e.fromId} (${e.from}) → ${e.id} (${e.to})` : `renamed: ${e.from} → ${e.to}`;
  };
  if (format === 'md') {
    const parts = [`**fleethub history** \`${h.record.kind}:${h.record.id}\`: ${h.entries.length} change${h.entries.length === 1 ? '' : 's'}`];
    for (const e of h.entries) {
      const rows = [`#### \`${e.commit.slice(0, 12)}\` ${markdownCell(e.date)} ${markdownCell(e.author.name)}: ${markdownCell(what(e))}`, ''];
      if (e.fields.length > 0) {
        rows.push('| field | old | new |', '| --- | --- | --- |');
        for (const f of e.fields) rows.push(`| ${codeCell(f.path || '/')} | ${codeCell(showFieldValue(f, 'old'))} | ${codeCell(showFieldValue(f, 'new'))} |`);
      }
      for (const p of e.problems ?? []) rows.push(`- unreadable ${markdownCell(p)}`);
      parts.push(rows.join('\n').trimEnd());
    }
    return parts.join('\n\n');
  }
  const blocks = h.entries.map((e) => {
    const lines = [`${e.commit.slice(0, 12)} ${e.date} ${e.author.name} <${e.author.email}>: ${what(e)}`];
    for (const f of e.fields) lines.push(`  ${f.path || '/'}: ${showFieldValue(f, 'old')} → ${showFieldValue(f, 'new')}`);
    for (const p of e.problems ?? []) lines.push(`  unreadable ${p}`);
    return lines.join('\n');
  });
  return [head, ...blocks].join('\n\n');
}
