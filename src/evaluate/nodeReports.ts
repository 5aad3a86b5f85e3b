/**
 * status/node-reports.json: what each node last reported about itself in its
 * status document — its agent version and its peers — the facts the peer
 * diversity and agent-version policies judge. Like status/modes.json it is
 * state that must survive between runs, so the board a probing run writes is
 * the board any later offline run (a fresh clone, a pull request's drift
 * check) renders from the files. No observation time is kept in it: the file
 * changes only when a node reports something different. Parsing, the next
 * reports and rendering are pure; the rendering is deterministic.
 */
import type { NodeObservation, PeerReport } from '../observe/observation.js';
import { jsonSyntaxError } from '../records/jsonSyntaxError.js';
import type { ModesFileProblem } from './modesFile.js';

export const NODE_REPORTS_FILE = 'status/node-reports.json';

export interface NodeReport {
  agent_version?: string;
  /** The reported peers, sorted by id, with only the fields the policies read. */
  peers?: PeerReport[];
}

export function parseNodeReports(text: string | null): { reports: Map<string, NodeReport>; problems: ModesFileProblem[] } {
  const reports = new Map<string, NodeReport>();
  if (text === null) return { reports, problems: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const { line, col, reason } = jsonSyntaxError(text, e);
    return { reports, problems: [{ message: `${NODE_REPORTS_FILE} is not valid JSON (${reason})`, line, col }] };
  }
  const nodes = (doc as { nodes?: unknown } | null)?.nodes;
  if (!nodes || typeof nodes !== 'object' || Array.isArray(nodes)) return { reports, problems: [{ message: `${NODE_REPORTS_FILE} has no "nodes" object`, line: 1, col: 1 }] };
  for (const [id, r] of Object.entries(nodes as Record<string, unknown>)) {
    if (r && typeof r === 'object' && !Array.isArray(r)) reports.set(id, normalReport(r as Record<string, unknown>));
  }
  return { reports, problems: [] };
}

/**
 * Each declared node's report after this run: what its status document said in
 * this run's observation, else what was recorded before (a node that is down,
 * or a run without probes, changes nothing). Nodes no longer declared are dropped.
 */
export function nextNodeReports(previous: ReadonlyMap<string, NodeReport>, observed: ReadonlyMap<string, NodeObservation>, nodeIds: readonly string[]): Map<string, NodeReport> {
  const out = new Map<string, NodeReport>();
  for (const id of [...nodeIds].sort()) {
    const status = observed.get(id)?.status;
    const report = status ? normalReport(status as Record<string, unknown>) : previous.get(id);
    if (report && (report.agent_version !== undefined || report.peers !== undefined)) out.set(id, report);
  }
  return out;
}

export function renderNodeReports(reports: ReadonlyMap<string, NodeReport>): string {
  const lines = [...reports.keys()].sort().map((id) => `    ${JSON.stringify(id)}: ${JSON.stringify(reports.get(id))}`);
  return `{\n  "generated_by": "fleethub",\n  "nodes": {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`;
}

function normalReport(r: Record<string, unknown>): NodeReport {
  const out: NodeReport = {};
  if (typeof r.agent_version === 'string') out.agent_version = r.agent_version;
  if (Array.isArray(r.peers)) {
    const peers: PeerReport[] = [];
    for (const p of r.peers as Array<Record<string, unknown>>) {
      if (!p || typeof p.id !== 'string') continue;
      peers.push({
        id: p.id,
        ...(typeof p.area === 'string' ? { area: p.area } : {}),
        ...(typeof p.nat_group === 'string' ? { nat_group: p.nat_group } : {}),
        ...(typeof p.direct === 'boolean' ? { direct: p.direct } : {}),
        ...(typeof p.ready === 'boolean' ? { ready: p.ready } : {}),
      });
    }
    // A stable sort: a peer reported twice keeps its entries' order, which peerDiversity's first-ready-wins rule reads.
    out.peers = peers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return out;
}
