/**
 * Findings for people, one `path:line:col: severity[code]: message` each; a
 * hint is printed once, under the first finding that has it (thirty unknown
 * keys get one hint, not thirty; a hint that names its check or task is its
 * own). Pure.
 */
import type { Finding } from '../records/finding.js';
import { formatFinding } from './formatFinding.js';
import { PLAIN, type Style } from './style.js';

export function formatFindings(findings: readonly Finding[], style: Style = PLAIN): string[] {
  const hinted = new Set<string>();
  return findings.map((f) => {
    const first = f.hint !== undefined && !hinted.has(f.hint);
    if (f.hint !== undefined) hinted.add(f.hint);
    return formatFinding(first ? f : { ...f, hint: undefined }, style);
  });
}
