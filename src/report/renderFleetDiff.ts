/**
 * `fleethub diff` for people: `text`, one block per record; `md`, for a pull
 * request comment, a summary line and one table per kind. Values are shown as
 * JSON, shortened past 120 characters.
 */
import type { FleetDiff, RecordChange } from '../diff/diffRecordVersions.js';
import type { FieldChange } from '../diff/diffValues.js';

const MAX_VALUE = 120;

export function renderFleetDiff(diff: FleetDiff, format: 'text' | 'md'): string {
  const range = `${diff.range.fromRevision}..${diff.range.toRevision} (${diff.range.from.slice(0, 12)}..${diff.range.to.slice(0, 12)})`;
  const counts = (['added', 'removed', 'renamed', 'changed'] as const).map((c) => [c, diff.records.filter((r) => r.change === c).length] as const).filter(([, n]) => n > 0);
  const summary = diff.records.length === 0 ? 'no difference in the fleet’s records' : counts.map(([c, n]) => `${n} ${c}`).join(', ');
  return format === 'md' ? markdown(diff, range, summary) : text(diff, range, summary);
}

function text(diff: FleetDiff, range: string, summary: string): string {
  const blocks = diff.records.map((r) => {
    const lines = [`${r.change} ${r.kind} ${r.fromId ? `${r.fromId} → ${r.id}` : r.id} (${place(r)})`];
    for (const f of r.fields) lines.push(`  ${f.path || '/'}: ${show(f, 'old')} → ${show(f, 'new')}`);
    for (const p of r.problems ?? []) lines.push(`  unreadable ${p}`);
    return lines.join('\n');
  });
  return [`fleet diff ${range}: ${summary}`, ...blocks].join('\n\n');
}

function markdown(diff: FleetDiff, range: string, summary: string): string {
  const parts = [`**fleethub diff** \`${range}\`: ${summary}`];
  const kinds = [...new Set(diff.records.map((r) => r.kind))];
  for (const kind of kinds) {
    const records = diff.records.filter((r) => r.kind === kind);
    const rows = ['| record | change | field | old | new |', '| --- | --- | --- | --- | --- |'];
    for (const r of records) {
      const name = cell(r.fromId ? `${r.fromId} → ${r.id}` : r.id, true);
      const change = r.change === 'renamed' ? `renamed from ${cell(r.from!, true)}` : r.change;
      const fields: Array<[string, string, string]> = r.fields.map((f) => [cell(f.path || '/', true), cell(show(f, 'old'), true), cell(show(f, 'new'), true)]);
      for (const p of r.problems ?? []) fields.push(['', cell(`unreadable ${p}`, false), '']);
      if (fields.length === 0) fields.push(['', '', '']);
      fields.forEach(([path, old, nu], i) => rows.push(`| ${i === 0 ? name : ''} | ${i === 0 ? change : ''} | ${path} | ${old} | ${nu} |`));
    }
    parts.push(`### ${kind} (${records.length})\n\n${rows.join('\n')}`);
  }
  return parts.join('\n\n');
}

const place = (r: RecordChange): string => (r.from && r.to && r.from !== r.to ? `${r.from} → ${r.to}` : (r.to ?? r.from)!);

function show(f: FieldChange, side: 'old' | 'new'): string {
  if (!(side in f)) return '(none)';
  const s = JSON.stringify(f[side]) ?? String(f[side]);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

/** A table cell: pipes escaped, optionally as code (a backtick in the text widens the fence). */
function cell(s: string, code: boolean): string {
  const t = s.replace(/\|/g, '\\|');
  if (!code || t === '') return t;
  const fence = t.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${t}${fence.length > 1 ? ' ' : ''}${fence}`;
}
