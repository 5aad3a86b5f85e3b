/**
 * A list of findings for people, indented under a heading: each as
 * `path:line:col: severity[code]: message` with its hint, at most `max` of
 * them, then how many were left out and where to see them all. Pure.
 */
import type { Finding } from '../records/finding.js';
import { formatFinding } from './formatFinding.js';
import { PLAIN, type Style } from './style.js';

export function renderFindingList(findings: readonly Finding[], options: { max: number; more: string }, style: Style = PLAIN): string[] {
  if (findings.length === 0) return [style.green('  none')];
  const out = findings.slice(0, options.max).map((f) => formatFinding(f, style).replace(/^/gm, '  '));
  if (findings.length > options.max) out.push(style.dim(`  ... and ${findings.length - options.max} more (${options.more})`));
  return out;
}
