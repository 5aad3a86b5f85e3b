/**
 * Agent version: a node whose record declares `labels.agent_version` and whose last status
 * document (`/cluster/status`) reports another `agent_version` gets one
 * `agent-version-mismatch` warning, at the label. Nodes that declare no version, that reported
 * none, or that are DISABLED or PLANNED (not probed) are not judged. The message names both
 * versions and no time, so a steady mismatch renders the same board on every run. Pure.
 */
import type { Unlocated } from '../records/finding.js';
import type { PolicyNode } from './policyData.js';

export interface DeclaredAgentVersion { node: string; file: string; version: string }

export function evaluateAgentVersion(
  declared: readonly DeclaredAgentVersion[],
  reported: ReadonlyMap<string, string | undefined>,
  nodes: ReadonlyMap<string, Pick<PolicyNode, 'mode'>>,
): Unlocated[] {
  const findings: Unlocated[] = [];
  for (const d of declared) {
    const mode = nodes.get(d.node)?.mode;
    if (mode === 'DISABLED' || mode === 'PLANNED') continue;
    const seen = reported.get(d.node);
    if (seen === undefined || seen === d.version) continue;
    findings.push({
      code: 'agent-version-mismatch',
      severity: 'warning',
      kind: 'node',
      id: d.node,
      message: `${d.node} reports agent version ${seen} in its status document, but its record declares ${d.version}`,
      file: d.file,
      pointer: '/labels/agent_version',
    });
  }
  return findings;
}
