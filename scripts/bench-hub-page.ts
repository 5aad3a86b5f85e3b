/**
 * The board page's render cost, against a baseline measured in the same run: rendering the page
 * (renderHubPage) for a synthetic snapshot of N nodes, against JSON.stringify of the same
 * snapshot (what GET /api/snapshot costs), and against the page for 100 nodes. Every live update
 * re-renders the page once per browser, so this is the hub's cost per update per open board.
 *
 *   node dist/scripts/bench-hub-page.js [--nodes 10000] [--runs 20]
 */
import { scriptArgs, wholeNumber } from './scriptArgs.js';
import { renderHubPage } from '../src/hub/page/renderHubPage.js';
import { syntheticHubSnapshot } from './syntheticHubSnapshot.js';

const USAGE = 'usage: node dist/scripts/bench-hub-page.js [--nodes 10000] [--runs 20]';
const { values } = scriptArgs(USAGE, { options: { nodes: { type: 'string' }, runs: { type: 'string' } } });
const nodes = wholeNumber(USAGE, 'nodes', values.nodes, 10_000);
const runs = wholeNumber(USAGE, 'runs', values.runs, 20);

function median(fn: () => unknown): { ms: number; bytes: number } {
  let bytes = 0;
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const out = fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    bytes = typeof out === 'string' ? Buffer.byteLength(out) : 0;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, bytes };
}

const big = syntheticHubSnapshot(nodes);
const small = syntheticHubSnapshot(100);
const json = median(() => JSON.stringify(big));
const page = median(() => renderHubPage(big));
const filtered = median(() => renderHubPage(big, 'q=DEGRADED'));
const baseline = median(() => renderHubPage(small));
const fmt = (m: { ms: number; bytes: number }): string => `${m.ms.toFixed(2)} ms, ${(m.bytes / 1024).toFixed(0)} KiB`;
process.stdout.write(
  [
    `board page, median of ${runs} renders:`,
    `  JSON.stringify(snapshot), ${nodes} nodes (baseline)  ${fmt(json)}`,
    `  renderHubPage, ${nodes} nodes                        ${fmt(page)}  (${(page.ms / json.ms).toFixed(2)}× the JSON)`,
    `  renderHubPage ?q=DEGRADED, ${nodes} nodes            ${fmt(filtered)}  (${(filtered.ms / json.ms).toFixed(2)}× the JSON)`,
    `  renderHubPage, 100 nodes                             ${fmt(baseline)}`,
    JSON.stringify({ nodes, runs, jsonMs: json.ms, pageMs: page.ms, filteredMs: filtered.ms, page100Ms: baseline.ms, pageBytes: page.bytes, jsonBytes: json.bytes }),
    '',
  ].join('\n'),
);
