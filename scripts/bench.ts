/**
 * Benchmarks, against a baseline measured in the same run.
 *
 *   npm run bench [-- --nodes 10000 --workloads 20000 --workplans 500 --runs 3 --dir <fleet>]
 *
 * Cache: the floor (read every file and parse its front matter with
 * gray-matter, one thread, no validation, no database) against the cold
 * build's parse without its database on one thread and on two, a cold
 * rebuild, a warm rebuild with nothing changed, an update of one file, and a
 * full validate; peak RSS. Each step runs in a fresh process; the median of
 * the runs is reported. The floor and the cold rebuild alternate, and their
 * ratio is the median of the pairs' ratios, with the CPU time of each and the
 * load average beside it (on a machine shared with other work, the wall-clock
 * ratio of a parallel build to a one-thread floor drifts toward the CPU ratio). Reconcile: one offline evaluation of the same fleet
 * (modes, board, runtime registry), and one probe tick over 1,000 simulated
 * nodes of which 10% hang, against the per-probe timeout. Relay: 10,000
 * buffered task events relayed to a loopback git http-backend, and the push
 * step against C git pushing the same commits (bench-relay.ts). The last line is
 * one JSON object with every figure. Start-up: --help, validate and status on
 * the bundled fleet against a bare `node -e 0` in the same run (bench-startup.ts).
 * Trust: 1,000 intents with 2 signatures each verified against the fleet's
 * nodes, against as many raw ed25519 verifications (bench-trust.ts).
 * Rollout: one lease-planning tick over every node mid-rollout, against
 * resolving the target set; a simulated rolling update of every node to
 * completion (bench-rollout.ts).
 * Hub: `fleethub hub` on the same fleet: a saved file to the SSE change event
 * (p50, p95 over 50 saves) against one offline evaluation, RSS, idle CPU (bench-hub.ts).
 * Diff: `fleethub diff` between two revisions differing in 100 records (records
 * only, and with the impact, cold and warm), against `git diff --stat`, and
 * `fleethub history` of one record over 1,000 commits, against `git log
 * --follow` (bench-diff.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptArgs, wholeNumber } from './scriptArgs.js';
import { PROBE_CONCURRENCIES, PROBE_TIMEOUT_MS } from './benchConfig.js';
import { benchHub, hubRows } from './bench-hub.js';
import { benchRelay, type RelayBench } from './bench-relay.js';
import { benchStartup, startupRows } from './bench-startup.js';
import { benchDiff, diffRows, MIN_WORKLOADS } from './bench-diff.js';
import { benchTrust, trustRows } from './bench-trust.js';
import { benchRollout, rolloutRows } from './bench-rollout.js';
import { generateFleet } from './gen-fleet.js';

const USAGE = 'usage: npm run bench [-- --nodes N (10000) --workloads M (20000) --workplans P (500) --runs R (3) --dir <fleet>]';
const { values } = scriptArgs(USAGE, {
  options: { nodes: { type: 'string' }, workloads: { type: 'string' }, workplans: { type: 'string' }, runs: { type: 'string' }, dir: { type: 'string' } },
});
const sizes = { nodes: wholeNumber(USAGE, 'nodes', values.nodes, 10000), workloads: wholeNumber(USAGE, 'workloads', values.workloads, 20000, MIN_WORKLOADS), workplans: wholeNumber(USAGE, 'workplans', values.workplans, 500, 0) };
const runs = wholeNumber(USAGE, 'runs', values.runs, 3);
const RELAY_EVENTS = 10_000;
const STEP = fileURLToPath(new URL('./bench-step.js', import.meta.url));

const owned = values.dir === undefined;
const root = values.dir ?? mkdtempSync(join(tmpdir(), 'fleethub-bench-'));
if (owned || !existsSync(join(root, 'registry'))) {
  process.stderr.write(`generating ${sizes.nodes} nodes, ${sizes.workloads} workloads, ${sizes.workplans} workplans in ${root}\n`);
  generateFleet(root, sizes);
}

interface Measure {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function stepOnce(name: string, arg = root): Measure {
  const out = execFileSync(process.execPath, [STEP, name, arg], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Measure;
}

function summary(name: string, all: Measure[]): Measure {
  process.stderr.write(`  ${name.padEnd(9)} ${all.map((m) => m.ms.toFixed(0)).join(' / ')} ms\n`);
  return { ms: median(all.map((m) => m.ms)), cpuMs: median(all.map((m) => m.cpuMs)), maxRssMb: Math.max(...all.map((m) => m.maxRssMb)) };
}

function step(name: string, arg = root): Measure {
  return summary(name, Array.from({ length: runs }, () => stepOnce(name, arg)));
}

/**
 * The floor, the cold build's parse without its database on one thread and on
 * two (bench-step.ts parse-1, parse-2), and the cold rebuild, taken in turn
 * (floor, parse-1, parse-2, cold, floor, ...), so that all see the same
 * machine: each ratio is the median of each round's ratio to its floor.
 */
function floorAndCold(): { floor: Measure; parse1: Measure; parse2: Measure; cold: Measure; ratio: number; cpuRatio: number; parse1Ratio: number; parse2Ratio: number } {
  const rounds = Array.from({ length: runs }, () => ({ floor: stepOnce('floor'), parse1: stepOnce('parse-1'), parse2: stepOnce('parse-2'), cold: stepOnce('cold') }));
  const toFloor = (pick: (r: (typeof rounds)[number]) => Measure, of: 'ms' | 'cpuMs' = 'ms'): number => Math.round(median(rounds.map((r) => pick(r)[of] / r.floor[of])) * 1000) / 1000;
  return {
    floor: summary('floor', rounds.map((r) => r.floor)),
    parse1: summary('parse-1', rounds.map((r) => r.parse1)),
    parse2: summary('parse-2', rounds.map((r) => r.parse2)),
    cold: summary('cold', rounds.map((r) => r.cold)),
    ratio: toFloor((r) => r.cold),
    cpuRatio: toFloor((r) => r.cold, 'cpuMs'),
    parse1Ratio: toFloor((r) => r.parse1),
    parse2Ratio: toFloor((r) => r.parse2),
  };
}

process.stderr.write(`cache benchmark, ${runs} runs each, ${availableParallelism()} cores\n`);
const loadBefore = loadavg()[0]!;
const { floor, parse1, parse2, cold, ratio: coldRatio, cpuRatio: coldCpuRatio, parse1Ratio, parse2Ratio } = floorAndCold();
const warm = step('warm');
const oneFile = step('one-file');
const validate = step('validate');
const offlineEval = step('offline-eval');
const modesEval = step('modes-eval');
const probeTicks = PROBE_CONCURRENCIES.map((c) => ({ concurrency: c, ...step('probe-tick', `1000:${c}`) }));
process.stderr.write(`  relay     ${RELAY_EVENTS} events to a loopback git http-backend\n`);
const relayRuns: RelayBench[] = [];
for (let i = 0; i < runs; i++) relayRuns.push(await benchRelay({ events: RELAY_EVENTS, workplans: 500 }));
process.stderr.write(`  relay     ${relayRuns.map((r) => r.totalMs.toFixed(0)).join(' / ')} ms\n`);
const relayed = relayRuns.sort((a, b) => a.totalMs - b.totalMs)[Math.floor(relayRuns.length / 2)]!;
process.stderr.write(`  start-up  --help, validate, status on the bundled fleet against node -e 0, ${runs * 5} runs each\n`);
const startup = benchStartup(runs * 5);
process.stderr.write(`  trust     1000 intents x 2 signatures against ${sizes.nodes} nodes, against raw ed25519 verifications\n`);
const trustBench = benchTrust({ root, intents: 1000, runs });
process.stderr.write(`  rollout   one planning tick over ${sizes.nodes} nodes against resolving the target set; a simulated rolling update to completion\n`);
const rolloutBench = benchRollout({ root, runs: Math.max(runs, 5) });
process.stderr.write(`  hub       fleethub hub on the same fleet: 50 saves -> SSE, RSS, idle CPU\n`);
const hubBench = await benchHub({ root, saves: 50 });
process.stderr.write(`  diff      two revisions of the fleet differing in 100 records, and one record's history over 1,000 commits (bench-diff.ts)\n`);
const diffBench = benchDiff(sizes, runs);
// Two benches that print their own table: run as they are run alone, their tables passed through.
const alone = (script: string, args: string[]): string => execFileSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
process.stderr.write(`  agent     the node agent's cycle for 200 nodes against the trust verification alone (bench-agent.ts)\n`);
const agentTable = alone('./bench-agent.js', ['--nodes', '200']);
process.stderr.write(`  hub page  the board page rendered for 100 and 10,000 nodes against JSON.stringify of the same snapshot (bench-hub-page.ts)\n`);
const hubPageTable = alone('./bench-hub-page.js', []);
const peakRssMb = Math.max(cold.maxRssMb, warm.maxRssMb, oneFile.maxRssMb, validate.maxRssMb);

const ratio = (m: Measure): number => Math.round((m.ms / floor.ms) * 1000) / 1000;
const rows: Array<[string, string, string, string]> = [
  ['floor (gray-matter, 1 thread)', `${floor.ms.toFixed(0)} ms`, '1.000x', ''],
  ['cold rebuild (ratio: median of alternated floor/cold pairs)', `${cold.ms.toFixed(0)} ms`, `${coldRatio.toFixed(3)}x`, `target <= 1.0x floor: ${coldRatio <= 1 ? 'met' : 'MISSED'}; CPU ${cold.cpuMs} ms against ${floor.cpuMs} ms (${coldCpuRatio.toFixed(2)}x), load average ${loadBefore.toFixed(1)} on ${availableParallelism()} cores`],
  ["the cold build's parse without its database, 1 thread", `${parse1.ms.toFixed(0)} ms`, `${parse1Ratio.toFixed(3)}x`, `read, hash, parse, validate, pack rows; CPU ${parse1.cpuMs} ms`],
  ['the same, 2 threads (this one and a worker)', `${parse2.ms.toFixed(0)} ms`, `${parse2Ratio.toFixed(3)}x`, `CPU ${parse2.cpuMs} ms; the one writer's SQL (~0.35 s) and the indexes come on top of this in a cold rebuild`],
  ['warm refresh (nothing changed: stat walk + size/mtime compare)', `${warm.ms.toFixed(0)} ms`, `${ratio(warm).toFixed(3)}x`, `target <= 250 ms: ${warm.ms <= 250 ? 'met' : 'MISSED'}`],
  ['one-file update', `${oneFile.ms.toFixed(1)} ms`, `${ratio(oneFile).toFixed(4)}x`, `target <= 30 ms: ${oneFile.ms <= 30 ? 'met' : 'MISSED'}`],
  ['validate (warm)', `${validate.ms.toFixed(0)} ms`, `${ratio(validate).toFixed(3)}x`, ''],
  ['peak RSS', `${peakRssMb} MB`, `floor ${floor.maxRssMb} MB`, `target <= 400 MB: ${peakRssMb <= 400 ? 'met' : 'MISSED'}`],
  ['offline evaluation: modes, board, registry', `${modesEval.ms.toFixed(0)} ms`, '', `target <= 200 ms: ${modesEval.ms <= 200 ? 'met' : 'MISSED'}`],
  ['offline evaluation: every step (+ freeze, policies, checks, workplans)', `${offlineEval.ms.toFixed(0)} ms`, '', ''],
  ...probeTicks.map((t): [string, string, string, string] => [`probe tick: 1000 nodes, 10% hang, concurrency ${t.concurrency}`, `${t.ms.toFixed(0)} ms`, `${(t.ms / PROBE_TIMEOUT_MS).toFixed(2)}x timeout`, `probe timeout ${PROBE_TIMEOUT_MS} ms; target about 1x, not 100x`]),
  [`relay: ${relayed.events} buffered task events, total (fleethub relay process)`, `${relayed.totalMs.toFixed(0)} ms`, `${relayed.commits} commits`, `target <= 10 s in <= 20 commits: ${relayed.totalMs <= 10_000 && relayed.commits <= 20 ? 'met' : 'MISSED'}`],
  ['relay: push step (isomorphic-git)', `${relayed.pushMs.toFixed(0)} ms`, `${(relayed.pushMs / relayed.cGitPushMs).toFixed(2)}x C git`, `C git pushing the same commits from the same clone: ${relayed.cGitPushMs.toFixed(0)} ms`],
  ...startupRows(startup),
  ...trustRows(trustBench),
  ...rolloutRows(rolloutBench),
  ...hubRows(hubBench),
  ...diffRows(diffBench),
];
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
process.stdout.write(`\nfleet: ${sizes.nodes} nodes, ${sizes.workloads} workloads, ${sizes.workplans} workplans\n`);
for (const r of rows) process.stdout.write(`${r[0].padEnd(w[0]!)}  ${r[1].padStart(w[1]!)}  ${r[2].padStart(w[2]!)}  ${r[3]}\n`);
const tableOf = (out: string): string => out.split('\n').filter((l) => l !== '' && !l.startsWith('{')).join('\n');
const jsonOf = (out: string): unknown => JSON.parse(out.split('\n').filter((l) => l.startsWith('{')).at(-1) ?? '{}');
process.stdout.write(`\n${tableOf(agentTable)}\n\n${tableOf(hubPageTable)}\n`);
const result = {
  fleet: sizes,
  cores: availableParallelism(),
  floor_ms: floor.ms,
  cold_rebuild_ms: cold.ms,
  cold_rebuild_ratio: coldRatio,
  floor_cpu_ms: floor.cpuMs,
  cold_rebuild_cpu_ms: cold.cpuMs,
  cold_rebuild_cpu_ratio: coldCpuRatio,
  parse_1_thread_ms: parse1.ms,
  parse_1_thread_ratio: parse1Ratio,
  parse_2_threads_ms: parse2.ms,
  parse_2_threads_ratio: parse2Ratio,
  load_average: loadBefore,
  warm_rebuild_ms: warm.ms,
  warm_rebuild_ratio: ratio(warm),
  one_file_update_ms: oneFile.ms,
  one_file_update_ratio: ratio(oneFile),
  validate_ms: validate.ms,
  validate_ratio: ratio(validate),
  peak_rss_mb: peakRssMb,
  offline_eval_ms: offlineEval.ms,
  modes_eval_ms: modesEval.ms,
  probe_timeout_ms: PROBE_TIMEOUT_MS,
  probe_ticks: probeTicks.map((t) => ({ concurrency: t.concurrency, ms: t.ms, timeout_ratio: Math.round((t.ms / PROBE_TIMEOUT_MS) * 100) / 100 })),
  floor_rss_mb: floor.maxRssMb,
  startup,
  trust: trustBench,
  rollout: rolloutBench,
  hub: hubBench,
  diff: diffBench,
  agent_cycle: jsonOf(agentTable),
  hub_page: jsonOf(hubPageTable),
  relay: { events: relayed.events, commits: relayed.commits, total_ms: Math.round(relayed.totalMs), push_ms: relayed.pushMs, c_git_push_ms: Math.round(relayed.cGitPushMs), push_ratio_c_git: Math.round((relayed.pushMs / relayed.cGitPushMs) * 100) / 100, fetch_ms: relayed.fetchMs, plan_ms: relayed.planMs, commit_ms: relayed.commitMs },
};
process.stdout.write(`${JSON.stringify(result)}\n`);
if (owned) rmSync(root, { recursive: true, force: true });
