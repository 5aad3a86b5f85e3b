/**
 * A list of findings for people, indented under a heading: each as
 * `path:line:col: severity[code]: message`, a code's hint under its first
 * finding only, at most `max` of them, then how many were left out and where to see them all. Pure.
 */
import type { Finding } from '../records/finding.js';
import { formatFindings } from './formatFindings.js';
import { PLAIN, type Style } from './style.js';

export function renderFindingList(findings: readonly Finding[], options: { max: number; more: string }, style: Style = PLAIN): string[] {
  if (findings.length === 0) return [style.green('  none')];
  const out = formatFindings(findings.slice(0, options.max), style).map((f) => f.replace(/^/gm, '  '));
  if (findings.length > options.max) out.push(style.dim(`  ... and ${findings.length - options.max} more (${options.more})`));
  return out;
}
