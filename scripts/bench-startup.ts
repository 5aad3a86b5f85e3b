/**
 * Start-up benchmark: `fleethub --help`, `validate` and `status` on the
 * bundled fleet (this checkout, warm cache) as whole processes, each against
 * a bare `node -e 0` measured in the same run, in turn (baseline, help,
 * validate, status, baseline, ...) so drift hits all alike. Medians and
 * ratios; targets from issue 9: --help <= 1.5x, validate <= 2.5x, status <= 4x.
 *
 *   node dist/scripts/bench-startup.js [--runs 15]   (also part of npm run bench)
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { scriptArgs, wholeNumber } from './scriptArgs.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/fleethub.js', import.meta.url));

export interface StartupFigure {
  name: string;
  median_ms: number;
  ratio: number;
  target: number | null;
}

const CASES: Array<{ name: string; args: string[]; target: number | null }> = [
  { name: 'node -e 0', args: ['-e', '0'], target: null },
  { name: 'fleethub --help', args: [BIN, '--help'], target: 1.5 },
  { name: 'fleethub validate --help', args: [BIN, 'validate', '--help'], target: 1.5 },
  { name: 'fleethub validate (bundled fleet)', args: [BIN, 'validate'], target: 2.5 },
  { name: 'fleethub status (bundled fleet)', args: [BIN, 'status'], target: 4 },
];

function once(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return performance.now() - start;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchStartup(runs: number): StartupFigure[] {
  for (const c of CASES) once(c.args); // warm-up: the cache, the file system cache
  const times = CASES.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) CASES.forEach((c, j) => times[j]!.push(once(c.args)));
  const base = median(times[0]!);
  return CASES.map((c, j) => ({ name: c.name, median_ms: Math.round(median(times[j]!)), ratio: Math.round((median(times[j]!) / base) * 100) / 100, target: c.target }));
}

export function startupRows(figures: StartupFigure[]): Array<[string, string, string, string]> {
  return figures.map((f) => [`start-up: ${f.name}`, `${f.median_ms} ms`, `${f.ratio.toFixed(2)}x`, f.target === null ? 'baseline' : `target <= ${f.target}x node -e 0: ${f.ratio <= f.target ? 'met' : 'MISSED'}`]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const usage = 'usage: node dist/scripts/bench-startup.js [--runs 15]';
  const { values } = scriptArgs(usage, { options: { runs: { type: 'string' } } });
  const runs = wholeNumber(usage, 'runs', values.runs, 15);
  const figures = benchStartup(runs);
  process.stdout.write(`start-up, median of ${runs} runs each\n`);
  const rows = startupRows(figures);
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) process.stdout.write(`${r[0].padEnd(w[0]!)}  ${r[1].padStart(w[1]!)}  ${r[2].padStart(w[2]!)}  ${r[3]}\n`);
  process.stdout.write(`${JSON.stringify({ runs, startup: figures })}\n`);
}
