/**
 * Findings for people, one `path:line:col: severity[code]: message` each; a
 * code's hint is printed once, under the first finding of that code (thirty
 * unknown keys get one hint, not thirty). Pure.
 */
import type { Finding } from '../records/finding.js';
import { formatFinding } from './formatFinding.js';
import { PLAIN, type Style } from './style.js';

export function formatFindings(findings: readonly Finding[], style: Style = PLAIN): string[] {
  const hinted = new Set<string>();
  return findings.map((f) => {
    const first = !hinted.has(f.code);
    hinted.add(f.code);
    return formatFinding(first ? f : { ...f, hint: undefined }, style);
  });
}
