/**
 * Generates a valid synthetic fleet repository for benchmarks and load tests.
 *
 *   npm run gen-fleet -- <dir> [--nodes 10000] [--workloads 20000] [--workplans 500] [--seed 1]
 *
 * Deterministic for the same arguments. Every probe points at loopback.
 * status/modes.json records a steady fleet: 2% disabled, 2% degraded, the rest ACTIVE.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptArgs, wholeNumber } from './scriptArgs.js';
import { pathToFileURL } from 'node:url';
import { MODES_FILE, renderModesFile } from '../src/evaluate/modesFile.js';
import type { ModeState } from '../src/evaluate/modeState.js';
import { mulberry32 } from './mulberry32.js';

export interface GenOptions {
  nodes: number;
  workloads: number;
  workplans: number;
  seed?: number;
}

const AREAS = ['eu-central', 'eu-west', 'us-west', 'us-east', 'ap-south', 'home', 'lab'];
const ROLES = ['edge', 'edge', 'edge', 'relay', 'replica', 'ingress', 'primary'];
const KINDS = ['service', 'service', 'service', 'datastore', 'pipeline', 'sink', 'repo', 'tunnel'];
const STAGES = ['production', 'production', 'staging', 'legacy', 'planned'];
const EDGE_ROLES = ['external-ingress', 'control-api', 'artifact-delivery', 'internal'];

export function generateFleet(dir: string, o: GenOptions): { files: number } {
  const rnd = mulberry32(o.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const nodeId = (i: number): string => `node-${String(i).padStart(5, '0')}`;
  const wlId = (i: number): string => `wl-${String(i).padStart(5, '0')}`;
  const wpId = (i: number): string => `WP-${String(i).padStart(4, '0')}`;
  let files = 0;
  const write = (path: string, text: string): void => {
    writeFileSync(join(dir, path), text);
    files++;
  };
  for (const d of ['registry/nodes', 'registry/workloads', 'registry/intents', 'workplans', 'policies']) mkdirSync(join(dir, d), { recursive: true });

  const modes = new Map<string, ModeState>();
  for (let i = 0; i < o.nodes; i++) {
    const area = pick(AREAS);
    const port = 20000 + (i % 40000);
    const enabled = rnd() >= 0.02;
    const degraded = i % 50 === 7;
    modes.set(nodeId(i), {
      mode: !enabled ? 'DISABLED' : degraded ? 'DEGRADED' : 'ACTIVE',
      since: '2026-11-01T00:00:00.000Z',
      last_verified: enabled ? '2026-11-20T00:00:00.000Z' : null,
      observed_at: enabled ? '2026-11-20T00:00:00.000Z' : null,
      failures: 0,
      passes: 0,
      reason: !enabled ? 'declared enabled: false (intentionally off)' : degraded ? `tcp 127.0.0.1:${port}: refused` : 'all probes passed',
    });
    write(
      `registry/nodes/${nodeId(i)}.md`,
      `---
title: Synthetic node ${i}
role: ${pick(ROLES)}
enabled: ${enabled}
area: ${area}
site: ${area}-site-${i % 5}
locality_group: ${area}-lg-${i % 3}
nat_group: ${area}-nat-${i % 11}
addresses: ["127.0.0.1"]
probes:
  tcp:
    - { host: 127.0.0.1, port: ${port} }
  http:
    - { url: "http://127.0.0.1:${port}/health", expect_status: 200 }
  status: "http://127.0.0.1:${port}/cluster/status"
labels:
  agent_version: "0.2.${300 + (i % 40)}"
  rack: "r${i % 50}"
---
Synthetic node ${i} in ${area}. Generated for benchmarks.
`,
    );
  }

  for (let i = 0; i < o.workloads; i++) {
    const kind = pick(KINDS);
    const host = nodeId(Math.floor(rnd() * o.nodes));
    const target = rnd() < 0.1 ? nodeId(Math.floor(rnd() * o.nodes)) : host;
    const deps = i > 0 && rnd() < 0.5 ? [wlId(Math.floor(rnd() * i))] : [];
    const lines = [
      '---',
      `title: Synthetic workload ${i}`,
      `kind: ${kind}`,
      `host: ${host}`,
      `target_host: ${target}`,
      `owner: ${wpId(i % Math.max(1, o.workplans))}/T${String((i % 20) + 1).padStart(2, '0')}`,
      `stage: ${pick(STAGES)}`,
      `critical: ${rnd() < 0.1}`,
      `advertise: ${rnd() < 0.3}`,
    ];
    if (deps.length > 0) lines.push(`depends_on: [${deps.join(', ')}]`);
    if (kind === 'tunnel') {
      lines.push(`via: [${host}, ${nodeId(Math.floor(rnd() * o.nodes))}, ${target}]`, `direction: ${rnd() < 0.5 ? 'forward' : 'reverse'}`);
    } else {
      // Like a fleet that follows the edge-listener policy: TCP only on service edges, internal transport over QUIC.
      const role = pick(EDGE_ROLES);
      lines.push('listeners:', `  - { port: ${1024 + (i % 50000)}, protocol: ${role === 'internal' ? 'quic' : 'tcp'}, edge_role: ${role} }`);
    }
    if (kind === 'datastore') lines.push('stateful: true');
    lines.push('---', `Synthetic ${kind} ${i}.`, '');
    write(`registry/workloads/${wlId(i)}.md`, lines.join('\n'));
  }

  for (let w = 0; w < o.workplans; w++) {
    const tasks: string[] = [];
    for (let t = 1; t <= 20; t++) {
      const id = `T${String(t).padStart(2, '0')}`;
      const box = t < 5 ? 'x' : t < 7 ? '/' : ' ';
      let fields = `[owner:: team-${w % 9}]`;
      if (t > 1) fields += ` [depends:: T${String(t - 1).padStart(2, '0')}]`;
      if (t === 1 && w > 0) fields += ` [depends:: ${wpId(w - 1)}/T20]`;
      if (t === 20) fields += ' [done-when:: no-workstation-in-production]';
      tasks.push(`- [${box}] ${id} Synthetic task ${t} of workplan ${w} ${fields}`);
      if (t % 5 === 0) tasks.push(`  - 2026-07-0${(t % 9) + 1}: progress note`);
    }
    write(`workplans/${wpId(w)}.md`, `---\ntitle: Synthetic workplan ${w}\nstatus: active\nowner: team-${w % 9}\n---\n# Tasks\n\n${tasks.join('\n')}\n`);
  }

  mkdirSync(join(dir, 'status'), { recursive: true });
  writeFileSync(join(dir, MODES_FILE), renderModesFile(modes));
  write(
    'policies/modes.yaml',
    'kind: modes\nfailure_threshold: 3\nsuccess_threshold: 2\nprobe_timeout: 2s\ntick_deadline: 10s\nrefresh_interval: 1h\n',
  );
  write(
    'policies/checks.yaml',
    `kind: checks
checks:
  - id: no-workstation-in-production
    title: No production workload runs on a workstation
    sql: SELECT w.id FROM workloads w JOIN nodes n ON n.id = w.host WHERE n.role = 'workstation' AND w.stage = 'production'
    expect: { empty: true }
`,
  );
  return { files };
}

async function cli(): Promise<void> {
  const usage = 'usage: npm run gen-fleet -- <dir> [--nodes N] [--workloads M] [--workplans P] [--seed S]';
  const { values, positionals } = scriptArgs(usage, {
    options: { nodes: { type: 'string' }, workloads: { type: 'string' }, workplans: { type: 'string' }, seed: { type: 'string' } },
    allowPositionals: true,
  });
  const [dir] = positionals;
  if (!dir) {
    process.stderr.write(`${usage}\n`);
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const { files } = generateFleet(dir, {
    nodes: wholeNumber(usage, 'nodes', values.nodes, 10000, 0),
    workloads: wholeNumber(usage, 'workloads', values.workloads, 20000, 0),
    workplans: wholeNumber(usage, 'workplans', values.workplans, 500, 0),
    seed: wholeNumber(usage, 'seed', values.seed, 1, 0),
  });
  process.stdout.write(`generated ${files} files in ${dir} (${Date.now() - started} ms)\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await cli();
