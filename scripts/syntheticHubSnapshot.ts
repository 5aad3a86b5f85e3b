/**
 * A hub snapshot of a synthetic fleet with `nodes` nodes in seven areas (about one in fifty
 * DEGRADED, some PLANNED and DISABLED), a tunnel per twenty nodes, 500 workplans, checks and
 * findings — the section shapes of src/hub/sections/, for the page's large-fleet test and
 * benchmark (bench-hub-page.ts). Seeded, so every run draws the same fleet.
 */
import { mulberry32 } from './mulberry32.js';
import type { HubSnapshot } from '../src/hub/hubSnapshot.js';

const AREAS = ['eu-central', 'eu-west', 'us-west', 'us-east', 'ap-south', 'home', 'lab'];
const ROLES = ['edge', 'relay', 'replica', 'ingress', 'primary'];

export function syntheticHubSnapshot(count: number, seed = 1): HubSnapshot {
  const rnd = mulberry32(seed);
  const at = '2026-12-01T12:00:00.000Z';
  const nodes = Array.from({ length: count }, (_, i) => {
    const r = rnd();
    const mode = r < 0.02 ? 'DEGRADED' : r < 0.03 ? 'PLANNED' : r < 0.04 ? 'DISABLED' : 'ACTIVE';
    const id = `n${String(i).padStart(5, '0')}`;
    return {
      id,
      title: `Synthetic node ${i}`,
      declared: mode === 'PLANNED' ? 'planned' : mode === 'DISABLED' ? 'disabled' : 'enabled',
      mode,
      since: at,
      last_verified: mode === 'ACTIVE' || mode === 'DEGRADED' ? at : null,
      stale: null,
      reasons: [mode === 'DEGRADED' ? `tcp 127.0.0.1:${20000 + i}: refused` : 'all probes passed'],
      role: ROLES[i % ROLES.length]!,
      target_role: null,
      area: AREAS[Math.floor(rnd() * AREAS.length)]!,
      site: `site-${i % 5}`,
      addresses: [`127.0.0.1:${20000 + i}`],
      services: [`svc-${i}`],
    };
  });
  const edges = Array.from({ length: Math.floor(count / 20) }, (_, i) => {
    const via = [0, 1, 2].map(() => nodes[Math.floor(rnd() * count)]!.id);
    return { workload: `tunnel-${i}`, from: via[0]!, to: via[2]!, via, critical: i % 7 === 0 };
  });
  const workplans = Array.from({ length: 500 }, (_, w) => ({
    id: `WP-${w}`,
    title: `Workplan ${w}`,
    status: 'active',
    owner: null,
    file: `workplans/WP-${w}.md`,
    progress: { done: w % 6, total: 6, cancelled: 0 },
    ready: [`T${(w % 6) + 1}`],
    blocked: [],
    critical_path: [`T${(w % 6) + 1}`],
    tasks: Array.from({ length: 6 }, (_, t) => ({ key: `WP-${w}/T${t + 1}`, id: `T${t + 1}`, title: `Task ${t + 1}`, state: t < w % 6 ? 'done' : 'todo', readiness: 'ready', owner: null, depends: [], verdict: 'none', line: 10 + t })),
  }));
  const byMode: Record<string, number> = {};
  for (const n of nodes) byMode[n.mode] = (byMode[n.mode] ?? 0) + 1;
  return {
    revision: 1,
    generatedAt: at,
    sections: {
      fleet: { counts: { node: count, workload: count, workplan: 500 }, nodes: { total: count, byMode, byRole: {}, byArea: {}, stale: 0 }, workloads: { total: count, byStage: {}, moving: 0 }, tasks: { todo: 1500, done: 1500 }, findings: { errors: 300, warnings: 0 }, outbox: { pending: 0, dead: 0 } },
      outbox: { pending: 0, dead: 0, last_error: null, last_success_at: null, next_attempt_at: null, upstream: { online: true, url: 'http://127.0.0.1:1/fleet.git' }, events: [], dead_letters: [] },
      nodes,
      topology: { nodes: nodes.map((n) => ({ id: n.id, mode: n.mode, area: n.area, site: n.site, role: n.role })), edges },
      workloads: nodes.map((n, i) => ({ id: `svc-${i}`, title: `svc ${i}`, kind: 'service', host: n.id, host_mode: n.mode, usable: n.mode === 'ACTIVE', target_host: null, stage: 'production', target_stage: null, owner: null, critical: false, via: [], listeners: [] })),
      workplans,
      checks: Array.from({ length: 30 }, (_, c) => ({ id: `check-${c}`, title: `Check ${c}`, severity: 'error', status: c % 3 === 0 ? 'fail' : 'pass', ok: c % 3 !== 0, count: c % 3 === 0 ? 5 : 0, message: '', failing_rows: c % 3 === 0 ? nodes.slice(0, 5).map((n) => ({ node: n.id })) : [] })),
      findings: Array.from({ length: 300 }, (_, f) => ({ code: 'promotion-gate-unmet', severity: 'error', record: `workload:svc-${f}`, file: `registry/workloads/svc-${f}.md`, line: 3, column: 1, message: `svc-${f} does not pass the promotion gate`, hint: '' })),
      intents: { trust: null, intents: [] },
      rollouts: [],
    },
  };
}
