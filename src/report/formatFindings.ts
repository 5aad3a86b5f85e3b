/**
 * Findings for people, one `path:line:col: severity[code]: message` each; a
 * hint is printed once, under the first finding that has it (thirty unknown
 * keys get one hint, not thirty; a hint that names its check or task is its
 * own). Pure.
 */
import type { Finding } from '../records/finding.js';
import { hintFor } from '../records/hints.js';
import { formatFinding } from './formatFinding.js';
import { PLAIN, type Style } from './style.js';

export function formatFindings(findings: readonly Finding[], style: Style = PLAIN): string[] {
  const hinted = new Set<string>();
  return findings.map((f) => {
    // A finding a step made without its code's hint is given it, as the JSON gives it.
    const hint = f.hint ?? hintFor(f.code);
    const first = hint !== undefined && !hinted.has(hint);
    if (hint !== undefined) hinted.add(hint);
    return formatFinding({ ...f, hint: first ? hint : undefined }, style);
  });
}
