import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Mode } from '../src/evaluate/modeState.js';
import type { BoardInput, BoardNode, BoardWorkload } from '../src/reconcile/boardInput.js';
import type { Finding } from '../src/records/finding.js';
import { rowsNeedingAttention } from '../src/report/boardSections.js';
import { renderBoard } from '../src/report/renderBoard.js';
import { advertisedIds, renderRuntimeRegistry } from '../src/report/renderRuntimeRegistry.js';

const T = '2026-07-03T10:00:00.000Z';

function node(id: string, mode: Mode, over: Partial<BoardNode> = {}): BoardNode {
  return {
    id, title: `${id} title`, role: 'replica', target_role: null, area: 'fleet-dc', site: id, nat_group: 'public',
    state: { mode, since: mode === 'ACTIVE' || mode === 'DEGRADED' ? T : null, last_verified: mode === 'ACTIVE' ? T : null, observed_at: mode === 'ACTIVE' || mode === 'DEGRADED' ? T : null, failures: 0, passes: 0, reason: mode === 'DEGRADED' ? '3 failed probes: connect ECONNREFUSED' : '' },
    reachable: mode === 'ACTIVE' ? true : mode === 'DEGRADED' ? false : null,
    ...over,
  };
}

function workload(id: string, over: Partial<BoardWorkload> = {}): BoardWorkload {
  return { id, title: id, kind: 'service', host: 'railiance01', target_host: 'railiance01', owner: 'CUST-WP-0054/T05', stage: 'production', target_stage: null, critical: false, advertise: false, via: [], listeners: [], ...over };
}

function fixture(): BoardInput {
  const nodes = [
    node('railiance01', 'ACTIVE', { role: 'primary' }),
    node('coulombcore', 'DEGRADED', { role: 'primary', target_role: 'legacy' }),
    node('workstation', 'ACTIVE', { role: 'workstation', target_role: 'client', area: 'operator', nat_group: null }),
    node('haskell-build-vm', 'DISABLED', { role: 'build' }),
    node('railiance02', 'PLANNED', { role: 'primary' }),
    node('node.4', 'UNKNOWN'),
    node('node-4', 'UNKNOWN'),
  ];
  const workloads = [
    workload('activity-core', { owner: null, critical: true, advertise: true, listeners: [{ port: 8080, protocol: 'http', edge_role: 'control-api' }, { port: 443, protocol: 'https', edge_role: 'external-ingress' }] }),
    workload('core-hub', { host: 'coulombcore', stage: 'legacy', target_stage: 'production', advertise: true, listeners: [{ port: 443, protocol: 'https', edge_role: 'external-ingress' }] }),
    workload('grafana', { title: 'Grafana | dashboards', advertise: true, owner: 'ops|team' }),
    workload('state-hub-primary', { kind: 'tunnel', host: 'workstation', critical: true, via: ['railiance01', 'workstation', 'coulombcore'], owner: 'CUST-WP-0054/T02' }),
    workload('k3s-api-haskelseed', { kind: 'tunnel', host: 'workstation', target_host: null, stage: 'staging', via: ['workstation', 'node.4'], owner: 'LAB' }),
    workload('inter-hub-coulombcore', { kind: 'tunnel', host: 'workstation', target_host: null, stage: 'legacy', target_stage: 'retired', via: ['workstation', 'coulombcore'], owner: 'CORE-WP-0007' }),
    workload('old-sink', { kind: 'sink', host: 'coulombcore', target_host: null, stage: 'retired', owner: null }),
    workload('orphan', { host: null, target_host: null, owner: null, stage: 'planned', advertise: true }),
    workload('build-agent', { host: 'haskell-build-vm', advertise: true }),
    workload('future-api', { host: 'railiance02', advertise: true }),
    workload('lab-api', { host: 'node-4', advertise: true }),
    workload('quiet', { advertise: false }),
  ];
  const findings: Finding[] = [
    { code: 'unknown-reference', severity: 'warning', kind: 'workload', id: 'quiet', file: 'registry/workloads/quiet.md', line: 1, col: 1, message: 'depends_on names a|b, which is not a workload' },
    { code: 'generated-drift', severity: 'error', file: 'status/BOARD.md', line: 1, col: 1, message: 'differs from what the files produce' },
  ];
  return { nodes, workloads, findings };
}

/** A deterministic reshuffle: reversed, rotated, listeners reversed. */
function shuffled(input: BoardInput): BoardInput {
  const rot = <T>(a: T[]): T[] => { const r = [...a].reverse(); return [...r.slice(2), ...r.slice(0, 2)]; };
  return { nodes: rot(input.nodes), workloads: rot(input.workloads).map((w) => ({ ...w, listeners: [...w.listeners].reverse() })), findings: rot(input.findings) };
}

const mermaid = (board: string): string => board.split('```mermaid\n')[1]!.split('\n```')[0]!;
const section = (board: string, title: string): string => board.split(`## ${title}\n`)[1]!.split('\n## ')[0]!;
/** Cells of a Markdown table row, split on unescaped pipes. */
const cells = (row: string): string[] => row.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim());

describe('renderBoard', () => {
  const board = renderBoard(fixture());

  it('is deterministic: same input and shuffled input give the same bytes', () => {
    assert.equal(renderBoard(fixture()), board);
    assert.equal(renderBoard(shuffled(fixture())), board);
    assert.ok(board.endsWith('\n') && !board.endsWith('\n\n'));
    assert.ok(!board.includes('\r'));
  });

  it('has the header and every section, in order', () => {
    assert.match(board, /Generated by fleethub.*Do not edit by hand/s);
    assert.ok(board.includes('fleethub reconcile --write'));
    const titles = [...board.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(titles, ['Planned topology', 'Mesh', 'Service distribution', 'Dependency register', 'Drift and findings']);
  });

  it('counts modes and shows each node with mode, reachability and last verified', () => {
    const topo = section(board, 'Planned topology');
    assert.ok(topo.includes('7 nodes: ACTIVE 2 · DEGRADED 1 · DISABLED 1 · PLANNED 1 · UNKNOWN 2'));
    const row = (id: string): string[] => cells(topo.split('\n').find((l) => l.startsWith(`| ${id} |`))!);
    assert.deepEqual(row('coulombcore'), ['coulombcore', 'primary → legacy', 'fleet-dc / coulombcore / public', '**DEGRADED**', T, 'unreachable: 3 failed probes: connect ECONNREFUSED', '—']);
    assert.deepEqual(row('railiance01').slice(3), ['**ACTIVE**', T, 'reachable', T]);
    assert.equal(row('workstation')[2], 'operator / workstation / —');
    assert.equal(row('haskell-build-vm')[5], 'not probed');
  });

  it('draws every node with its mode class and every tunnel hop in the Mermaid block', () => {
    const m = mermaid(board);
    assert.ok(m.startsWith('flowchart LR\n'));
    const ids: Record<string, string> = { railiance01: 'n_railiance01', coulombcore: 'n_coulombcore', workstation: 'n_workstation', 'haskell-build-vm': 'n_haskell_build_vm', railiance02: 'n_railiance02', 'node-4': 'n_node_4', 'node.4': 'n_node_4_2' };
    const classOf = new Map<string, string>();
    for (const [, members, cls] of m.matchAll(/^ {2}class (\S+) (\w+);$/gm)) for (const id of members!.split(',')) classOf.set(id, cls!);
    for (const n of fixture().nodes) {
      assert.ok(m.includes(`  ${ids[n.id]}["${n.id} · ${n.state.mode}"]`), n.id);
      assert.equal(classOf.get(ids[n.id]!), n.state.mode.toLowerCase(), n.id);
    }
    assert.equal(m.split('\n').filter((l) => l.includes(' class ')).length, 5, 'one class line per mode');
    assert.ok(m.includes('  n_railiance01 ==>|state-hub-primary| n_workstation'));
    assert.ok(m.includes('  n_workstation ==>|state-hub-primary| n_coulombcore'));
    assert.ok(m.includes('  n_workstation -->|k3s-api-haskelseed| n_node_4_2'));
    assert.ok(m.includes('  n_workstation -->|inter-hub-coulombcore| n_coulombcore'));
    assert.equal(m.split('\n').filter((l) => /-->|==>/.test(l)).length, 4);
    for (const cls of ['active', 'degraded', 'disabled', 'planned', 'unknown']) assert.match(m, new RegExp(`classDef ${cls} `));
  });

  it('escapes Mermaid labels and draws path nodes missing from the registry', () => {
    const input = fixture();
    input.nodes.push(node('we"ird|node', 'ACTIVE'));
    input.workloads.push(workload('t#1', { kind: 'tunnel', via: ['we"ird|node', 'ghost'] }));
    const m = mermaid(renderBoard(input));
    assert.ok(m.includes('  n_we_ird_node["we#34;ird#124;node · ACTIVE"]'));
    assert.ok(m.includes('  n_ghost["ghost · not in registry"]'));
    assert.ok(m.includes('  n_we_ird_node -->|t#35;1| n_ghost'));
    assert.match(m, /class [^\n]*n_ghost[^\n]* unknown;/);
  });

  it('calls out exactly the register rows lacking a target host (not retiring) or an owner', () => {
    const expected = [
      { id: 'activity-core', problems: ['no owner'] },
      { id: 'k3s-api-haskelseed', problems: ['no target host'] },
      { id: 'old-sink', problems: ['no owner'] },
      { id: 'orphan', problems: ['no target host', 'no owner'] },
    ];
    assert.deepEqual(rowsNeedingAttention(shuffled(fixture())), expected);
    const reg = section(board, 'Dependency register');
    const list = reg.split('### Rows needing attention (4)\n\n')[1]!.trim().split('\n');
    assert.deepEqual(list, ['- ⚠ activity-core: no owner', '- ⚠ k3s-api-haskelseed: no target host', '- ⚠ old-sink: no owner', '- ⚠ orphan: no target host, no owner']);
    const flagged = reg.split('\n').filter((l) => l.startsWith('| ') && l.includes('⚠')).map((l) => cells(l)[0]);
    assert.deepEqual(flagged, expected.map((e) => e.id));
    const retired = cells(reg.split('\n').find((l) => l.startsWith('| inter-hub-coulombcore |'))!);
    assert.equal(retired[3], '— (retiring)');
    assert.equal(retired[5], '');
    const none = renderBoard({ ...fixture(), workloads: [workload('fine')] });
    assert.ok(section(none, 'Dependency register').includes('### Rows needing attention (0)\n\nnone'));
  });

  it('groups the service distribution by host and marks moves', () => {
    const dist = section(board, 'Service distribution');
    const rows = dist.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Current host') && !l.startsWith('| ---')).map(cells);
    const hosts = rows.map((r) => r[0]);
    assert.deepEqual([...new Set(hosts)], ['coulombcore (DEGRADED)', 'haskell-build-vm (DISABLED)', 'node-4 (UNKNOWN)', 'railiance01 (ACTIVE)', 'railiance02 (PLANNED)', 'workstation (ACTIVE)', '(no host)']);
    const core = rows.find((r) => r[1] === 'core-hub')!;
    assert.equal(core[4], 'legacy → production');
    assert.equal(core[5], '**→ railiance01** (moves)');
    assert.ok(dist.includes('12 workloads on 6 hosts; 5 moving to another host.'));
  });

  it('escapes pipes and Markdown in table cells without breaking the columns', () => {
    assert.ok(board.includes('Grafana \\| dashboards'));
    assert.ok(board.includes('ops\\|team'));
    assert.ok(board.includes('names a\\|b, which'));
    for (const block of board.split('\n\n').filter((b) => b.startsWith('| '))) {
      const [head, ...rows] = block.trimEnd().split('\n');
      for (const r of rows) assert.equal(cells(r).length, cells(head!).length, r);
    }
  });

  it('lists findings, errors first, or none', () => {
    const f = section(board, 'Drift and findings');
    assert.ok(f.includes('1 error, 1 warning.'));
    assert.ok(f.indexOf('generated-drift') < f.indexOf('unknown-reference'));
    assert.ok(renderBoard({ ...fixture(), findings: [] }).endsWith('## Drift and findings\n\nnone\n'));
  });

  it('keeps the Mermaid block bounded for a fleet of thousands', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => node(`n${String(i).padStart(4, '0')}`, i % 10 === 0 ? 'DEGRADED' : 'ACTIVE'));
    const workloads = Array.from({ length: 20 }, (_, i) => workload(`t${i}`, { kind: 'tunnel', via: [`n${String(i).padStart(4, '0')}`, 'n4999'] }));
    const b = renderBoard({ nodes, workloads, findings: [] });
    const m = mermaid(b);
    assert.ok(m.length < 50_000, `mermaid text ${m.length} chars`);
    assert.equal(m.split('\n').filter((l) => l.includes('["')).length, 21);
    assert.ok(section(b, 'Mesh').includes('4979 of 5000 nodes are on no drawn tunnel path'));
    assert.ok(section(b, 'Planned topology').includes('5000 nodes: ACTIVE 4500 · DEGRADED 500'));
  });
});

describe('renderRuntimeRegistry', () => {
  it('advertises only advertised workloads on ACTIVE hosts, sorted by id, as valid JSON', () => {
    const text = renderRuntimeRegistry(fixture());
    const doc = JSON.parse(text) as { generated_by: string; services: Array<{ id: string; host: string; listeners: Array<{ port: number }> }> };
    assert.equal(doc.generated_by, 'fleethub');
    assert.deepEqual(doc.services.map((s) => s.id), ['activity-core', 'grafana']);
    assert.deepEqual(Object.keys(doc.services[0]!), ['id', 'title', 'kind', 'host', 'listeners']);
    assert.deepEqual(doc.services[0]!.listeners.map((l) => l.port), [443, 8080]);
    assert.equal(text, `${JSON.stringify(doc, null, 2)}\n`);
    assert.equal(renderRuntimeRegistry(shuffled(fixture())), text);
  });

  it('drops a workload the moment its host is DEGRADED', () => {
    const input = fixture();
    input.nodes.find((n) => n.id === 'railiance01')!.state.mode = 'DEGRADED';
    assert.deepEqual(advertisedIds(input), []);
    input.workloads.find((w) => w.id === 'core-hub')!.host = 'workstation';
    assert.deepEqual(advertisedIds(input), ['core-hub']);
  });
});
