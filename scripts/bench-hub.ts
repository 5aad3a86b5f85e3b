/**
 * The dev-hub on a large fleet: `fleethub hub` started as a process on the
 * synthetic fleet (scripts/gen-fleet.ts; 30,000 files by default), then
 * - save → SSE: a workplan file saved (a task box flipped) until the first
 *   change event arrives at a client of /api/events (the records refreshed,
 *   findings evaluating), p50 and p95 over `saves` saves (target p95 <= 150
 *   ms), and until the event of the finished evaluation (findings and checks);
 *   against, measured in the same run, one offline evaluation of the same fleet
 *   (bench-step.ts offline-eval) and the one-file cache refresh alone
 *   (bench-step.ts one-file);
 * - the hub's RSS once it has served its first snapshot (target <= 500 MB);
 * - its CPU while idle (no saves, no probes) over 10 s, as a share of one core.
 *
 *   node dist/scripts/bench-hub.js [--dir <fleet>] [--saves 50]   (also part of npm run bench)
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptArgs, wholeNumber } from './scriptArgs.js';
import { generateFleet } from './gen-fleet.js';

const BIN = fileURLToPath(new URL('../../bin/fleethub.js', import.meta.url));
const STEP = fileURLToPath(new URL('./bench-step.js', import.meta.url));
const TICKS = 100; // clock ticks per second of /proc/<pid>/stat (Linux's USER_HZ)

export interface HubBench {
  files: number;
  saves: number;
  ready_ms: number;
  save_to_sse_p50_ms: number;
  save_to_sse_p95_ms: number;
  save_to_findings_p50_ms: number;
  save_to_findings_p95_ms: number;
  offline_eval_ms: number;
  one_file_refresh_ms: number;
  rss_mb: number;
  idle_cpu_percent: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** utime + stime of a process (its own threads, workers included), in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

export async function benchHub(o: { root: string; saves: number }): Promise<HubBench> {
  const files = ['registry/nodes', 'registry/workloads', 'workplans', 'policies'].reduce((n, d) => n + (existsSync(join(o.root, d)) ? readdirSync(join(o.root, d)).length : 0), 0);
  const offline = JSON.parse(execFileSync(process.execPath, [STEP, 'offline-eval', o.root], { encoding: 'utf8' }).trim().split('\n').pop()!) as { ms: number };
  const oneFile = JSON.parse(execFileSync(process.execPath, [STEP, 'one-file', o.root], { encoding: 'utf8' }).trim().split('\n').pop()!) as { ms: number };
  const token = 'bench-token-0123456789abcdef';
  const start = performance.now();
  const hub = spawn(process.execPath, [BIN, 'hub', '--root', o.root, '--port', '0', '--probe-interval', '0'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, FLEETHUB_HUB_TOKEN: token } });
  let err = '';
  hub.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<void>((r) => hub.on('close', () => r()));
  try {
    while (!/\/\?token=/.test(err)) {
      if (hub.exitCode !== null) throw new Error(`the hub did not start: ${err}`);
      await sleep(20);
    }
    const readyMs = performance.now() - start;
    const port = Number(/127\.0\.0\.1:(\d+)\//.exec(err)![1]);
    const headers = { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}` };
    const rss = rssMb(hub.pid!);

    // Idle: nothing saved, no probes; the hub only looks at HEAD and the outbox (after 5 s for the start's garbage to be collected).
    await sleep(5000);
    const cpu0 = cpuSeconds(hub.pid!);
    const t0 = performance.now();
    await sleep(10_000);
    const idle = ((cpuSeconds(hub.pid!) - cpu0) / ((performance.now() - t0) / 1000)) * 100;

    const arrivals: Array<{ at: number; revision: number; finished: boolean }> = [];
    const stream = request({ host: '127.0.0.1', port, path: '/api/events', headers }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!/^event: change$/m.test(block)) continue;
          const at = performance.now();
          const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { sections: Record<string, unknown> };
          arrivals.push({ at, revision: Number(/^id: (\d+)$/m.exec(block)![1]), finished: Array.isArray(data.sections.findings) });
        }
      });
    });
    stream.on('error', () => {});
    stream.end();
    await sleep(500);
    const plans = readdirSync(join(o.root, 'workplans')).filter((f) => f.endsWith('.md'));
    const latencies: number[] = [];
    const finished: number[] = [];
    for (let i = 0; i < o.saves; i++) {
      const path = join(o.root, 'workplans', plans[i % plans.length]!);
      const text = readFileSync(path, 'utf8');
      const next = /^- \[ \] /m.test(text) ? text.replace(/^- \[ \] /m, '- [/] ') : text.replace(/^- \[\/\] /m, '- [ ] ');
      const seen = arrivals.length;
      const saved = performance.now();
      writeFileSync(path, next);
      for (let waited = 0; arrivals.length === seen; waited += 5) {
        if (waited > 60_000) throw new Error(`no change event 60 s after saving ${path}`);
        await sleep(5);
      }
      latencies.push(arrivals[seen]!.at - saved);
      // Until the evaluation that the save started has finished (its findings arrived), so each save is timed alone.
      for (let waited = 0; !arrivals.slice(seen).some((a) => a.finished); waited += 5) {
        if (waited > 120_000) throw new Error(`no finished evaluation 120 s after saving ${path}`);
        await sleep(5);
      }
      finished.push(arrivals.slice(seen).find((a) => a.finished)!.at - saved);
      await sleep(200);
    }
    stream.destroy();
    const pct = (xs: number[], p: number): number => {
      const sorted = [...xs].sort((a, b) => a - b);
      return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
    };
    return {
      files,
      saves: o.saves,
      ready_ms: Math.round(readyMs),
      save_to_sse_p50_ms: pct(latencies, 50),
      save_to_sse_p95_ms: pct(latencies, 95),
      save_to_findings_p50_ms: pct(finished, 50),
      save_to_findings_p95_ms: pct(finished, 95),
      offline_eval_ms: Math.round(offline.ms),
      one_file_refresh_ms: Math.round(oneFile.ms), rss_mb: rss, idle_cpu_percent: Math.round(idle * 10) / 10 };
  } finally {
    hub.kill('SIGINT');
    await exited;
  }
}

export function hubRows(b: HubBench): Array<[string, string, string, string]> {
  return [
    [`hub: saved file -> first SSE change (records), p50 over ${b.saves} saves`, `${b.save_to_sse_p50_ms} ms`, `${(b.save_to_sse_p50_ms / b.one_file_refresh_ms).toFixed(2)}x one-file refresh`, `the one-file cache refresh alone in the same run: ${b.one_file_refresh_ms} ms`],
    [`hub: saved file -> first SSE change (records), p95`, `${b.save_to_sse_p95_ms} ms`, `${(b.save_to_sse_p95_ms / b.one_file_refresh_ms).toFixed(2)}x one-file refresh`, `target p95 <= 150 ms: ${b.save_to_sse_p95_ms <= 150 ? 'met' : 'MISSED'}`],
    [`hub: saved file -> finished evaluation (findings), p50`, `${b.save_to_findings_p50_ms} ms`, `${(b.save_to_findings_p50_ms / b.offline_eval_ms).toFixed(2)}x offline eval`, `one offline evaluation of the same ${b.files} files in the same run: ${b.offline_eval_ms} ms`],
    [`hub: saved file -> finished evaluation (findings), p95`, `${b.save_to_findings_p95_ms} ms`, `${(b.save_to_findings_p95_ms / b.offline_eval_ms).toFixed(2)}x offline eval`, ''],
    ['hub: start to URL (cache rebuild + first evaluation)', `${b.ready_ms} ms`, '', ''],
    ['hub: RSS after start', `${b.rss_mb} MB`, '', `target <= 500 MB: ${b.rss_mb <= 500 ? 'met' : 'MISSED'}`],
    ['hub: CPU while idle (10 s, no probes)', `${b.idle_cpu_percent}%`, 'of one core', ''],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const usage = 'usage: node dist/scripts/bench-hub.js [--dir <fleet>] [--saves 50]';
  const { values } = scriptArgs(usage, { options: { dir: { type: 'string' }, saves: { type: 'string' } } });
  const saves = wholeNumber(usage, 'saves', values.saves, 50);
  const owned = values.dir === undefined;
  const root = values.dir ?? mkdtempSync(join(tmpdir(), 'fleethub-bench-hub-'));
  if (owned || !existsSync(join(root, 'registry'))) {
    process.stderr.write(`generating 10000 nodes, 20000 workloads, 500 workplans in ${root}\n`);
    generateFleet(root, { nodes: 10000, workloads: 20000, workplans: 500 });
  }
  try {
    const b = await benchHub({ root, saves });
    for (const r of hubRows(b)) process.stdout.write(`${r[0]}  ${r[1]}  ${r[2]}  ${r[3]}\n`);
    process.stdout.write(`${JSON.stringify(b)}\n`);
  } finally {
    if (owned) rmSync(root, { recursive: true, force: true });
  }
}
