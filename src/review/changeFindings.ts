/**
 * What a change means that neither revision's evaluation can say alone,
 * because it is about the step from one to the other: an intent whose version
 * went down (an error: agents that saw the higher version refuse it, and a
 * lower version is how a rollback would be smuggled in), an intent whose
 * target now reaches nodes it did not (a warning: the rollout grows), and a
 * task that lost a dependency (a warning: it may start before work it waited
 * for; when the dependency task itself was deleted, the reference is gone too,
 * so no `unknown-reference` would say so). They are findings of the later
 * revision, at the field that changed. Pure: positions come from `locate`,
 * task lines from `readText` (the later revision's files).
 */
import type { RecordChange } from '../diff/diffRecordVersions.js';
import type { Finding } from '../records/finding.js';
import type { RevisionEvaluation } from './evaluateRevision.js';

export interface ChangeFindingInput {
  records: readonly RecordChange[];
  before: Pick<RevisionEvaluation, 'targets'>;
  after: Pick<RevisionEvaluation, 'targets'>;
  locate(file: string, pointer: string): { line: number; col: number };
  readText(path: string): string | null;
}

const SHOWN = 5;

export function changeFindings({ records, before, after, locate, readText }: ChangeFindingInput): Finding[] {
  const out: Finding[] = [];
  for (const r of records) {
    if (!r.from || !r.to) continue; // added or removed: nothing to compare with
    if (r.kind === 'intent') {
      const version = r.fields.find((f) => f.path === '/version');
      if (version && typeof version.old === 'number' && typeof version.new === 'number' && version.new < version.old) {
        out.push({ code: 'intent-version-lowered', severity: 'error', kind: 'intent', id: r.id, file: r.to, ...locate(r.to, '/version'), message: `intent ${r.id}'s version went down from ${version.old} to ${version.new}` });
      }
      const was = new Set(before.targets.get(r.fromId ?? r.id) ?? []);
      const gained = (after.targets.get(r.id) ?? []).filter((n) => !was.has(n));
      if (was.size > 0 && gained.length > 0) {
        const names = gained.slice(0, SHOWN).join(', ') + (gained.length > SHOWN ? `, … (${gained.length - SHOWN} more)` : '');
        out.push({ code: 'intent-target-widened', severity: 'warning', kind: 'intent', id: r.id, file: r.to, ...locate(r.to, '/target'), message: `intent ${r.id} now targets ${gained.length} node(s) it did not before: ${names}` });
      }
    }
    if (r.kind === 'workplan') {
      for (const f of r.fields) {
        // One entry gone (/tasks/T02/depends/T01), or the whole list (/tasks/T02/depends, when no dependency is left).
        const m = /^\/tasks\/([^/]+)\/depends(\/[^/]+)?$/.exec(f.path);
        if (!m || !('old' in f) || 'new' in f) continue;
        if (r.fields.some((g) => g.path === `/tasks/${m[1]}` && !('new' in g))) continue; // the task itself was removed
        const task = unescape(m[1]!);
        for (const dep of m[2] === undefined ? (Array.isArray(f.old) ? f.old : []) : [f.old]) {
          out.push({ code: 'task-dependency-removed', severity: 'warning', kind: 'task', id: `${r.id}/${task}`, file: r.to, ...taskLine(readText(r.to), task), message: `task ${r.id}/${task} no longer depends on ${String(dep)}` });
        }
      }
    }
  }
  return out;
}

/** The position of a task's id on its line ('- [ ] T04 ...'), or the file's start. */
function taskLine(text: string | null, task: string): { line: number; col: number } {
  const lines = (text ?? '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*[-*+] \[.\] )(\S+)/.exec(lines[i]!);
    if (m && m[2] === task) return { line: i + 1, col: m[1]!.length + 1 };
  }
  return { line: 1, col: 1 };
}

const unescape = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');
