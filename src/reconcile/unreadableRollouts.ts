/** The findings of the intents whose rollout file cannot be read: the rollout step plans no rollout for them and names each once (steps/rollout.ts). Pure. */
import type { Finding } from '../records/finding.js';

export function unreadableRollouts(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.code === 'rollout-file-unreadable' && f.kind === 'intent');
}
