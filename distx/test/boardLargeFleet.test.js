import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_LISTED_NODES, MAX_LISTED_WORKLOADS } from '../src/report/boardSections.js';
import { renderBoard } from '../src/report/renderBoard.js';
const node = (i, mode) => ({
    id: `n${String(i).padStart(4, '0')}`,
    title: `Node ${i}`,
    role: 'edge',
    target_role: null,
    area: 'a',
    site: 's',
    nat_group: 'g',
    state: { mode, since: null, last_verified: null, observed_at: null, failures: 0, passes: 0, reason: mode === 'ACTIVE' ? 'all probes passed' : 'tcp 127.0.0.1:1: refused' },
    reachable: mode === 'ACTIVE',
});
const workload = (i, host, target) => ({ id: `w${String(i).padStart(5, '0')}`, title: `W ${i}`, kind: 'service', host, target_host: target, owner: 'ops', stage: 'production', target_stage: null, critical: false, advertise: false, via: [], listeners: [] });
describe('the board of a large fleet', () => {
    it('lists only what needs a look, and says how much it left out', () => {
        const nodes = Array.from({ length: MAX_LISTED_NODES + 100 }, (_, i) => node(i, i % 200 === 3 ? 'DEGRADED' : 'ACTIVE'));
        const workloads = Array.from({ length: MAX_LISTED_WORKLOADS + 500 }, (_, i) => workload(i, nodes[i % nodes.length].id, i === 10 ? 'n0001' : nodes[i % nodes.length].id));
        workloads.push({ ...workload(99999, 'n0000', 'n0000'), owner: null });
        const input = { nodes, workloads, findings: [] };
        const board = renderBoard(input);
        const degraded = nodes.filter((n) => n.state.mode === 'DEGRADED');
        for (const n of degraded)
            assert.match(board, new RegExp(`\\| ${n.id} \\|`));
        assert.doesNotMatch(board, /\| n0000 \| edge/, 'an ACTIVE, reachable node is not listed in the topology');
        assert.match(board, new RegExp(`${nodes.length - degraded.length} ACTIVE, reachable nodes are not listed`));
        const onDegraded = workloads.filter((w) => degraded.some((n) => n.id === w.host)).length;
        assert.match(board, new RegExp(`${workloads.length - onDegraded - 1} workloads that stay on an ACTIVE host are not listed`));
        assert.match(board, /\| w00010 \|/, 'a moving workload is listed');
        assert.match(board, /⚠ w99999: no owner/);
        assert.equal(renderBoard({ nodes: [...nodes].reverse(), workloads: [...workloads].reverse(), findings: [] }), board);
    });
});
//# sourceMappingURL=boardLargeFleet.test.js.map