import { position } from './modesFile.js';
export const NODE_REPORTS_FILE = 'status/node-reports.json';
export function parseNodeReports(text) {
    const reports = new Map();
    if (text === null)
        return { reports, problems: [] };
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        const at = /at position (\d+)/.exec(e.message);
        return { reports, problems: [{ message: `${NODE_REPORTS_FILE} is not valid JSON (${e.message})`, ...position(text, at ? Number(at[1]) : text.length) }] };
    }
    const nodes = doc?.nodes;
    if (!nodes || typeof nodes !== 'object' || Array.isArray(nodes))
        return { reports, problems: [{ message: `${NODE_REPORTS_FILE} has no "nodes" object`, line: 1, col: 1 }] };
    for (const [id, r] of Object.entries(nodes)) {
        if (r && typeof r === 'object' && !Array.isArray(r))
            reports.set(id, normalReport(r));
    }
    return { reports, problems: [] };
}
/**
 * Each declared node's report after this run: what its status document said in
 * this run's observation, else what was recorded before (a node that is down,
 * or a run without probes, changes nothing). Nodes no longer declared are dropped.
 */
export function nextNodeReports(previous, observed, nodeIds) {
    const out = new Map();
    for (const id of [...nodeIds].sort()) {
        const status = observed.get(id)?.status;
        const report = status ? normalReport(status) : previous.get(id);
        if (report && (report.agent_version !== undefined || report.peers !== undefined))
            out.set(id, report);
    }
    return out;
}
export function renderNodeReports(reports) {
    const lines = [...reports.keys()].sort().map((id) => `    ${JSON.stringify(id)}: ${JSON.stringify(reports.get(id))}`);
    return `{\n  "generated_by": "fleethub",\n  "nodes": {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`;
}
function normalReport(r) {
    const out = {};
    if (typeof r.agent_version === 'string')
        out.agent_version = r.agent_version;
    if (Array.isArray(r.peers)) {
        const peers = [];
        for (const p of r.peers) {
            if (!p || typeof p.id !== 'string')
                continue;
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
//# sourceMappingURL=nodeReports.js.map