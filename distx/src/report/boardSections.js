import { findingRecord } from '../records/findingRecord.js';
import { formatAge } from './formatAge.js';
import { markdownCell as cell } from './markdownCell.js';
import { sortedBoardInput } from './sortedBoardInput.js';
const MODES = ['ACTIVE', 'DEGRADED', 'DISABLED', 'PLANNED', 'UNKNOWN'];
/**
 * A board is a page people read. Past these sizes a table lists only the rows
 * that need a look (nodes not ACTIVE and reachable; workloads that move or sit
 * on a host that is not ACTIVE; register rows with gaps) and says how many it
 * left out; `fleethub status --format json` and `fleethub query` have them all.
 */
export const MAX_LISTED_NODES = 500;
export const MAX_LISTED_WORKLOADS = 1000;
const leftOut = (n, what) => (n > 0 ? ['', `${n} ${what} not listed (a fleet of this size lists only what needs a look; \`fleethub status --format json\` and \`fleethub query\` have every row).`] : []);
const NO_HOST = '(no host)';
const table = (head, rows) => [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
];
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const missing = (s) => s === null || s.trim() === '';
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Planned topology: mode counts, then one row per node. */
export function topologySection(input) {
    const { nodes } = sortedBoardInput(input);
    const counts = MODES.map((m) => `${m} ${nodes.filter((n) => n.state.mode === m).length}`).join(' · ');
    const listed = nodes.length <= MAX_LISTED_NODES ? nodes : nodes.filter((n) => n.state.mode !== 'ACTIVE' || n.reachable === false || n.stale);
    const stale = nodes.filter((n) => n.stale).length;
    const rows = listed.map((n) => [
        cell(n.id),
        roleCell(n),
        [n.area, n.site, n.nat_group].map(cell).join(' / '),
        `**${n.state.mode}**`,
        cell(n.state.since),
        cell(reachability(n)),
        cell(n.state.last_verified),
    ]);
    return [
        '## Planned topology',
        '',
        `${plural(nodes.length, 'node')}: ${counts}`,
        '',
        ...observationsLine(input, stale),
        ...(nodes.length === 0 ? ['No nodes are declared.'] : table(['Node', 'Role → target role', 'Area / site / NAT group', 'Mode', 'Since', 'Reachability', 'Last verified'], rows)),
        ...leftOut(nodes.length - listed.length, 'ACTIVE, reachable nodes are'),
    ].join('\n');
}
function roleCell(n) {
    return missing(n.target_role) || n.target_role === n.role ? cell(n.role) : `${cell(n.role)} → ${cell(n.target_role)}`;
}
/**
 * The time of the observations the board shows, and how many are stale next to it. A time from
 * status/modes.json, never the rendering run's clock, so every offline run renders the same bytes.
 */
function observationsLine(input, stale) {
    const o = input.observations;
    if (!o || o.asOf === null)
        return [];
    const marked = stale > 0 ? `; ${plural(stale, 'node')} last observed more than ${formatAge(o.staleAfterS)} (stale_after) before that, marked stale` : `; none more than ${formatAge(o.staleAfterS)} (stale_after) older`;
    return [`Observations as of ${o.asOf} (the latest recorded in status/modes.json)${marked}.`, ''];
}
function reachability(n) {
    const seen = n.reachable === null ? 'not probed' : n.reachable ? 'reachable' : missing(n.state.reason) ? 'unreachable' : `unreachable: ${n.state.reason}`;
    return n.stale ? `stale: ${formatAge(n.stale.age_s)} older than the board's observations (observed ${n.stale.observed_at}); ${seen}` : seen;
}
/** Service distribution: which workload runs where, grouped by current host, moves marked. */
export function distributionSection(input) {
    const { nodes, workloads } = sortedBoardInput(input);
    const modeOf = new Map(nodes.map((n) => [n.id, n.state.mode]));
    const hostKey = (w) => (missing(w.host) ? NO_HOST : w.host);
    const hosts = new Set(workloads.filter((w) => !missing(w.host)).map(hostKey));
    const moving = workloads.filter(moves).length;
    const shown = workloads.length <= MAX_LISTED_WORKLOADS ? workloads : workloads.filter((w) => moves(w) || modeOf.get(w.host ?? '') !== 'ACTIVE');
    // Grouped by host (workloads without one last), by id within a host (the input is in id order; the sort is stable).
    const listed = shown
        .map((w) => ({ w, noHost: Number(missing(w.host)), host: hostKey(w) }))
        .sort((a, b) => a.noHost - b.noHost || cmp(a.host, b.host))
        .map((k) => k.w);
    const rows = listed.map((w) => [
        missing(w.host) ? NO_HOST : `${cell(w.host)} (${modeOf.get(w.host) ?? 'not in registry'})`,
        cell(w.id),
        cell(w.title),
        cell(w.kind),
        stageCell(w),
        targetCell(w),
        w.critical ? '**yes**' : 'no',
    ]);
    return [
        '## Service distribution',
        '',
        `${plural(workloads.length, 'workload')} on ${plural(hosts.size, 'host')}; ${moving} moving to another host.`,
        '',
        ...(workloads.length === 0 ? ['No workloads are declared.'] : table(['Current host', 'Workload', 'Title', 'Kind', 'Stage', 'Target host', 'Critical'], rows)),
        ...leftOut(workloads.length - listed.length, 'workloads that stay on an ACTIVE host are'),
    ].join('\n');
}
const retiring = (w) => w.target_stage === 'retired' || w.stage === 'retired';
const moves = (w) => !missing(w.target_host) && w.target_host !== w.host;
function stageCell(w) {
    if (!missing(w.target_stage) && w.target_stage !== w.stage)
        return `${cell(w.stage)} → ${cell(w.target_stage)}`;
    return cell(w.stage);
}
function targetCell(w) {
    if (moves(w))
        return `**→ ${cell(w.target_host)}** (moves)`;
    if (!missing(w.target_host))
        return 'stays';
    return retiring(w) ? '— (retiring)' : '—';
}
/**
 * The dependency-register rows that need attention, in id order, with what is missing:
 * no target host (unless the workload is being or has been retired) and no owner.
 */
export function rowsNeedingAttention(input) {
    return sortedBoardInput(input)
        .workloads.map((w) => ({
        id: w.id,
        problems: [...(missing(w.target_host) && !retiring(w) ? ['no target host'] : []), ...(missing(w.owner) ? ['no owner'] : [])],
    }))
        .filter((r) => r.problems.length > 0);
}
/** Dependency register: every workload with current host, target host and owner; gaps called out. */
export function registerSection(input) {
    const { workloads } = sortedBoardInput(input);
    const attention = new Map(rowsNeedingAttention(input).map((r) => [r.id, r.problems]));
    const listed = workloads.length <= MAX_LISTED_WORKLOADS ? workloads : workloads.filter((w) => attention.has(w.id));
    const rows = listed.map((w) => {
        const problems = attention.get(w.id);
        return [
            cell(w.id),
            cell(w.kind),
            cell(w.host),
            missing(w.target_host) && retiring(w) ? '— (retiring)' : cell(w.target_host),
            cell(w.owner),
            problems ? `⚠ ${problems.join(', ')}` : '',
        ];
    });
    const list = [...attention].map(([id, problems]) => `- ⚠ ${cell(id)}: ${problems.join(', ')}`);
    return [
        '## Dependency register',
        '',
        'Every workload needs a current host, a target host (unless it is being retired) and a migration owner.',
        '',
        ...(workloads.length === 0 ? ['No workloads are declared.'] : table(['Workload', 'Kind', 'Current host', 'Target host', 'Owner', 'Attention'], rows)),
        ...leftOut(workloads.length - listed.length, 'complete rows are'),
        '',
        `### Rows needing attention (${attention.size})`,
        '',
        ...(list.length === 0 ? ['none'] : list),
    ].join('\n');
}
/** Drift and findings: every finding, errors first, or "none". */
export function findingsSection(input) {
    const { findings } = sortedBoardInput(input);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const head = ['## Drift and findings', ''];
    if (findings.length === 0)
        return [...head, 'none'].join('\n');
    const rows = findings.map((f) => [cell(f.severity), cell(f.code), cell(findingRecord(f)), cell(f.message)]);
    return [...head, `${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}.`, '', ...table(['Severity', 'Code', 'Record', 'Message'], rows)].join('\n');
}
//# sourceMappingURL=boardSections.js.map