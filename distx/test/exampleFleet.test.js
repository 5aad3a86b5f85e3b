/**
 * The bundled example fleet, modelled on the reference documents: it must
 * validate clean, hold what the references describe, probe only loopback,
 * and the queries in docs/cache.md must run against it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { refreshCache } from '../src/cache/refreshCache.js';
import { readFindings } from '../src/cache/readFindings.js';
import { cli, copyExampleFleet, removeDir, REPO } from './helpers/fleet.js';
let root;
let db;
const all = (sql) => db.prepare(sql).all();
const col = (sql) => db.prepare(sql).pluck().all();
before(async () => {
    root = copyExampleFleet();
    db = (await refreshCache(root)).db;
});
after(() => {
    db.close();
    removeDir(root);
});
describe('the example fleet', () => {
    it('validates with no errors and no warnings', () => {
        assert.deepEqual(readFindings(db), []);
    });
    it('has the NODE1-NODE4 topology, the three machines with current and target roles, and a disabled node', () => {
        assert.deepEqual(all(`SELECT id, role FROM nodes WHERE id IN ('node1', 'node2', 'node3', 'node4') ORDER BY id`), [
            { id: 'node1', role: 'primary' },
            { id: 'node2', role: 'replica' },
            { id: 'node3', role: 'edge' },
            { id: 'node4', role: 'edge' },
        ]);
        assert.deepEqual(col(`SELECT id FROM nodes WHERE planned = 1 ORDER BY id`).includes('node2'), true);
        assert.deepEqual(all(`SELECT id, role, target_role FROM nodes WHERE id IN ('railiance01', 'coulombcore', 'workstation') ORDER BY id`), [
            { id: 'coulombcore', role: 'primary', target_role: 'legacy' },
            { id: 'railiance01', role: 'production-home', target_role: 'production-home' },
            { id: 'workstation', role: 'workstation', target_role: 'dev' },
        ]);
        assert.ok(col(`SELECT count(*) FROM nodes WHERE enabled = 0`)[0] >= 1);
        assert.deepEqual(col(`SELECT count(*) FROM nodes WHERE id IN ('home-1','home-2','test-1','test-2','usa-los-1','ifcm-rufms-s-mo1cr') AND area IS NOT NULL AND site IS NOT NULL AND nat_group IS NOT NULL`), [6]);
    });
    it('probes only loopback addresses', () => {
        const targets = col(`SELECT target FROM probes`);
        assert.ok(targets.length >= 16 * 3);
        for (const t of targets)
            assert.match(t, /^(?:http:\/\/)?127\.0\.0\.1:471\d\d(?:\/|$)/, t);
        for (const a of col(`SELECT value FROM nodes, json_each(nodes.addresses)`))
            assert.equal(a, '127.0.0.1');
    });
    it('has all 16 tunnels with their via paths, and the two production paths that chain through the workstation', () => {
        assert.equal(col(`SELECT count(*) FROM workloads WHERE kind = 'tunnel'`)[0], 16);
        assert.deepEqual(col(`SELECT count(*) FROM workloads w WHERE kind = 'tunnel' AND NOT EXISTS (SELECT 1 FROM edges e WHERE e.src_id = w.id AND e.rel = 'via')`), [0]);
        const chained = col(`SELECT DISTINCT w.id FROM workloads w JOIN edges e ON e.src_kind = 'workload' AND e.src_id = w.id AND e.rel = 'via' JOIN nodes n ON n.id = e.dst_id WHERE w.critical = 1 AND n.role = 'workstation' ORDER BY w.id`);
        for (const t of ['state-hub-primary', 'state-hub-railiance01', 'issue-core-railiance01', 'issue-core-coulombcore'])
            assert.ok(chained.includes(t), t);
    });
    it('has the workplan T01-T10 with its sequencing map as dependencies', () => {
        assert.deepEqual(col(`SELECT id FROM tasks WHERE workplan = 'CUST-WP-0054' ORDER BY line`), ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10']);
        const deps = (task) => col(`SELECT dst_id FROM edges WHERE src_kind = 'task' AND src_id = 'CUST-WP-0054/${task}' AND rel = 'depends' ORDER BY dst_id`);
        assert.deepEqual(deps('T04'), ['CUST-WP-0054/T03']);
        assert.ok(deps('T09').includes('CUST-WP-0054/T08'), 'the phoenix waits for its drill');
        assert.ok(deps('T10').includes('CUST-WP-0054/T09'));
        assert.deepEqual(col(`SELECT state FROM tasks WHERE key IN ('CUST-WP-0054/T01', 'CUST-WP-0054/T02', 'CUST-WP-0054/T03')`), ['done', 'done', 'done']);
    });
    it('has the freeze of coulombcore, eight drain waves with identity last, and the acceptance criteria as checks', () => {
        const freeze = JSON.parse(col(`SELECT data FROM policies WHERE kind = 'freeze'`)[0]);
        assert.deepEqual(freeze.frozen.map((f) => [f.host, f.since]), [['coulombcore', '2026-07-03']]);
        const drain = JSON.parse(col(`SELECT data FROM policies WHERE kind = 'drain-sequence'`)[0]);
        assert.deepEqual(drain.waves.map((w) => w.wave), [1, 2, 3, 4, 5, 6, 7, 8]);
        assert.match(drain.waves[6].title, /OpenBao/);
        for (const kind of ['modes', 'freeze', 'promotion-gate', 'drain-sequence', 'rollout', 'trust', 'checks'])
            assert.equal(col(`SELECT count(*) FROM policies WHERE kind = '${kind}'`)[0], 1, kind);
        assert.ok(col(`SELECT count(*) FROM checks`)[0] >= 6);
    });
    it('every check runs read-only; the workstation checks fail today, as the references say', () => {
        const checks = all(`SELECT id, sql FROM checks`);
        const failing = checks.filter((c) => db.prepare(c.sql).all().length > 0).map((c) => c.id);
        for (const id of ['no-critical-tunnel-via-workstation', 'no-listener-on-compat-port'])
            assert.ok(failing.includes(id), id);
    });
    it('ships a status/ that matches its files (reconcile --check passes offline, without Git history), with NODE3 and NODE4 degraded', () => {
        const copy = copyExampleFleet({ status: true });
        try {
            const r = cli(['reconcile', '--check', '--root', copy, '--format', 'json']);
            assert.equal(r.stderr, '');
            // A copy outside the repository has no Git history: the freeze's legacy inventory makes the board the same.
            assert.deepEqual(r.json().changes, [], 'no generated file drifted, status/BOARD.md included');
            assert.ok(!r.json().findings.some((f) => f.code.startsWith('freeze-')), 'no freeze finding');
            const board = readFileSync(join(copy, 'status/BOARD.md'), 'utf8');
            assert.match(board, /\*\*Violations\*\* \(placed after the freeze\): none\.\n\nGrandfathered legacy \(placed before the freeze\): 19\n/);
            const modes = Object.fromEntries(r.json().nodes.map((n) => [n.id, n.mode]));
            assert.equal(modes.node1, 'ACTIVE');
            assert.equal(modes.node3, 'DEGRADED');
            assert.equal(modes.node4, 'DEGRADED');
            const registry = JSON.parse(readFileSync(join(copy, 'status/runtime-registry.json'), 'utf8'));
            assert.ok(registry.services.length > 0);
            assert.ok(registry.services.every((s) => s.host !== 'node3' && s.host !== 'node4'), 'nothing on a degraded node is advertised');
        }
        finally {
            removeDir(copy);
        }
    });
    it('runs every SQL example in docs/cache.md', () => {
        const doc = readFileSync(join(REPO, 'docs', 'cache.md'), 'utf8');
        const blocks = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].flatMap((m) => m[1].split(/;\s*\n/).map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s)));
        assert.ok(blocks.length >= 2);
        for (const sql of blocks)
            assert.doesNotThrow(() => db.prepare(sql).all(), sql);
        const tunnels = db.prepare(blocks[0]).all();
        assert.ok(tunnels.some((t) => t.id === 'state-hub-primary'));
    });
});
//# sourceMappingURL=exampleFleet.test.js.map