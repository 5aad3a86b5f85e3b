/**
 * The findings a change introduces and the ones it resolves: the two
 * revisions' findings matched by a stable key, never by message text (a
 * message may name a count or a date that moves without the problem
 * changing). The key is the finding's code and its record (`kind:id`, or its
 * file when it names no record), a renamed record's findings keyed by its
 * new id and path; findings sharing a key are counted, so a second
 * `check-failed` on one check is introduced and the first is not. Pure.
 */
import type { RecordChange } from '../diff/diffRecordVersions.js';
import { compareFindings, type Finding } from '../records/finding.js';
import { findingRecord } from '../records/findingRecord.js';

export interface FindingImpact {
  /** In the later revision only; errors first. */
  introduced: Finding[];
  /** In the earlier revision only; errors first. */
  resolved: Finding[];
}

/** `stepFindings`: what only the step between the revisions shows (changeFindings): introduced as they are. */
export function findingImpact(before: readonly Finding[], after: readonly Finding[], records: readonly RecordChange[], stepFindings: readonly Finding[] = []): FindingImpact {
  const renamedId = new Map<string, string>();
  const renamedPath = new Map<string, string>();
  for (const r of records) {
    if (r.change !== 'renamed') continue;
    if (r.fromId) renamedId.set(`${r.kind}:${r.fromId}`, `${r.kind}:${r.id}`);
    if (r.from && r.to) renamedPath.set(r.from, r.to);
  }
  const keyBefore = (f: Finding): string => {
    const rec = findingRecord(f);
    return `${f.code}\u0000${renamedId.get(rec) ?? renamedPath.get(rec) ?? rec}`;
  };
  const keyAfter = (f: Finding): string => `${f.code}\u0000${findingRecord(f)}`;
  const unmatched = (mine: readonly Finding[], key: (f: Finding) => string, theirs: readonly Finding[], theirKey: (f: Finding) => string): Finding[] => {
    const available = new Map<string, number>();
    for (const f of theirs) available.set(theirKey(f), (available.get(theirKey(f)) ?? 0) + 1);
    const out: Finding[] = [];
    for (const f of [...mine].sort(compareFindings)) {
      const k = key(f);
      const n = available.get(k) ?? 0;
      if (n > 0) available.set(k, n - 1);
      else out.push(f);
    }
    return out;
  };
  return { introduced: [...unmatched(after, keyAfter, before, keyBefore), ...stepFindings].sort(bySeverity), resolved: unmatched(before, keyBefore, after, keyAfter).sort(bySeverity) };
}

const bySeverity = (a: Finding, b: Finding): number => (a.severity === b.severity ? compareFindings(a, b) : a.severity === 'error' ? -1 : 1);
