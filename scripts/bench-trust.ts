/**
 * Trust benchmark: verifying 1,000 update intents with 2 signatures each
 * against the nodes of the synthetic fleet (scope resolution included), with
 * verifyFleetTrust as the reconcile step and `fleethub intent verify` call it
 * (the trust.yaml chain from the pin, then every intent). The baseline,
 * measured in the same run, is the floor of that work: the same number of raw
 * ed25519 verifications (node:crypto, KeyObjects made once) over payloads of
 * the same size. Target from issue 11: <= 200 ms. Medians of the runs.
 *
 *   node dist/scripts/bench-trust.js [--nodes 10000] [--intents 1000] [--runs 5] [--dir <fleet>]
 *   (also part of npm run bench, on the fleet it generates)
 *
 * The nodes are read from the fleet's registry/nodes/*.md (generated with
 * scripts/gen-fleet.ts when no --dir is given); every intent must come out
 * trusted, or the benchmark fails (a refused intent would skip work).
 */
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { scriptArgs, wholeNumber } from './scriptArgs.js';
import { parseYaml } from '../src/records/parseYaml.js';
import { splitFrontMatter } from '../src/records/splitFrontMatter.js';
import { forgetVerifications, rawPublicKey, signBytes } from '../src/trust/ed25519.js';
import { signedPayload } from '../src/trust/signedPayload.js';
import type { ScopeNode } from '../src/trust/trustTypes.js';
import { verifyFleetTrust, type FleetTrustInput } from '../src/trust/verifyFleetTrust.js';
import type { IntentInput } from '../src/trust/verifyIntent.js';
import type { TrustVersion } from '../src/trust/verifyTrustChain.js';
import { generateFleet } from './gen-fleet.js';

export interface TrustBench {
  nodes: number;
  intents: number;
  signatures: number;
  /** verifyFleetTrust over every intent, each signature for the first time in the process, median. */
  verify_ms: number;
  /** The same again right after, unchanged (each signature already verified once: ed25519.ts remembers), median. */
  again_ms: number;
  /** The same number of raw ed25519 verifications, median. */
  baseline_ms: number;
  ratio: number;
  target_ms: number;
  runs: number;
}

const TARGET_MS = 200;
const AREAS = ['eu-central', 'eu-west', 'us-west', 'us-east', 'ap-south', 'home', 'lab'];
const at = (): { line: number; col: number } => ({ line: 1, col: 1 });
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The scope-relevant fields of every node in a fleet repository. */
export function readScopeNodes(root: string): ScopeNode[] {
  const dir = join(root, 'registry', 'nodes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const split = splitFrontMatter(readFileSync(join(dir, f), 'utf8'));
      const parsed = split.ok ? parseYaml(split.yaml, split.yamlLine) : null;
      if (!parsed?.ok) throw new Error(`${f}: no readable front matter`);
      const d = parsed.data as Record<string, unknown>;
      const str = (k: string): Record<string, string> => (typeof d[k] === 'string' ? { [k]: d[k] as string } : {});
      return { id: f.slice(0, -3), ...str('role'), ...str('area'), ...str('site'), ...str('nat_group'), labels: (d.labels ?? {}) as Record<string, unknown> };
    });
}

function keyPair(): { priv: KeyObject; pub: KeyObject; raw: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { priv: privateKey, pub: publicKey, raw: rawPublicKey(publicKey) };
}

/** A signed trust.yaml (version 1, 2 of 2 root keys), two release managers (threshold 2, scoped to the areas), and the pin. */
function trustFixture(): { input: Pick<FleetTrustInput, 'pin' | 'trustVersions'>; managers: Array<{ id: string; priv: KeyObject }> } {
  const roots = [keyPair(), keyPair()];
  const managers = [keyPair(), keyPair()];
  const data: Record<string, unknown> = {
    kind: 'trust',
    title: 'bench',
    version: 1,
    root: { threshold: 2, keys: ['root-a', 'root-b'] },
    keys: [
      ...roots.map((k, i) => ({ id: `root-${'ab'[i]}`, algorithm: 'ed25519', public_key: k.raw, roles: ['root'] })),
      ...managers.map((k, i) => ({ id: `rm-${'ab'[i]}`, algorithm: 'ed25519', public_key: k.raw, roles: ['release-manager'], expires: '2099-12-31' })),
    ],
    roles: [{ name: 'release-manager', kinds: ['update'], scope: { areas: AREAS }, threshold: 2 }],
  };
  const bytes = signedPayload('trust', 'trust', data);
  data.signatures = roots.map((k, i) => ({ key: `root-${'ab'[i]}`, sig: signBytes(k.priv, bytes) }));
  const version: TrustVersion = { file: 'policies/trust.yaml', commit: '', data, locate: at };
  return {
    input: { pin: { version: 1, threshold: 2, keys: roots.map((k, i) => ({ id: `root-${'ab'[i]}`, publicKey: k.raw })) }, trustVersions: [version] },
    managers: managers.map((k, i) => ({ id: `rm-${'ab'[i]}`, priv: k.priv })),
  };
}

/** `count` update intents, each targeting one area and one rack label, signed by both release managers. */
function intents(count: number, managers: Array<{ id: string; priv: KeyObject }>): IntentInput[] {
  return Array.from({ length: count }, (_, i): IntentInput => {
    const id = `bench-intent-${String(i).padStart(4, '0')}`;
    const data: Record<string, unknown> = {
      title: `Bench intent ${i}`,
      kind: 'update',
      version: 1 + (i % 7),
      expires: '2099-01-31',
      target: { areas: [AREAS[i % AREAS.length]!], labels: { rack: `r${i % 50}` } },
      artifact: { name: 'rap-node-agent', version: `0.2.${300 + (i % 40)}`, digest: `sha256:${i.toString(16).padStart(64, '0')}` },
      strategy: { type: 'canary', canary_count: 2, max_parallel: 2, max_unavailable: 1 },
      control: 'run',
    };
    const bytes = signedPayload('intent', id, data);
    data.signatures = managers.map((m) => ({ key: m.id, sig: signBytes(m.priv, bytes) }));
    return { id, file: `registry/intents/${id}.md`, data, locate: at };
  });
}

export function benchTrust(o: { root: string; intents: number; runs: number }): TrustBench {
  const nodes = readScopeNodes(o.root);
  const { input, managers } = trustFixture();
  const all = intents(o.intents, managers);
  const fleet: FleetTrustInput = { ...input, intents: all, nodes, caps: { max_parallel: 3, max_unavailable: 2 }, ratchet: new Map(), now: new Date('2026-12-01T00:00:00Z') };
  const check = verifyFleetTrust(fleet);
  const refused = check.verdicts.filter((v) => !v.trusted);
  if (!check.chain.ok || refused.length > 0) throw new Error(`bench fixture is not trusted: ${[...check.chain.findings, ...(refused[0]?.findings ?? [])].map((f) => `${f.code}: ${f.message}`).join('; ')}`);

  // The baseline: as many raw verifications, over payloads of the same sizes, KeyObjects made once.
  const pubs = managers.map((m) => createPublicKey(m.priv));
  const raw = all.flatMap((intent) => {
    const bytes = signedPayload('intent', intent.id, intent.data);
    return managers.map((m, k) => ({ bytes, key: pubs[k]!, sig: sign(null, bytes, m.priv) }));
  });
  const verifyMs: number[] = [];
  const againMs: number[] = [];
  const baselineMs: number[] = [];
  for (let r = 0; r < o.runs; r++) {
    let t = performance.now();
    let ok = 0;
    for (const x of raw) if (verify(null, x.bytes, x.key, x.sig)) ok++;
    baselineMs.push(performance.now() - t);
    if (ok !== raw.length) throw new Error('baseline: a signature did not verify');
    forgetVerifications();
    t = performance.now();
    const result = verifyFleetTrust(fleet);
    verifyMs.push(performance.now() - t);
    if (result.verdicts.length !== all.length) throw new Error('verdicts missing');
    t = performance.now();
    verifyFleetTrust(fleet);
    againMs.push(performance.now() - t);
  }
  const verify_ms = Math.round(median(verifyMs) * 10) / 10;
  const again_ms = Math.round(median(againMs) * 10) / 10;
  const baseline_ms = Math.round(median(baselineMs) * 10) / 10;
  return { nodes: nodes.length, intents: all.length, signatures: raw.length, verify_ms, again_ms, baseline_ms, ratio: Math.round((verify_ms / baseline_ms) * 100) / 100, target_ms: TARGET_MS, runs: o.runs };
}

export function trustRows(b: TrustBench): Array<[string, string, string, string]> {
  return [
    [`trust: ${b.signatures} raw ed25519 verifications (baseline)`, `${b.baseline_ms.toFixed(0)} ms`, '1.00x', 'node:crypto verify, KeyObjects made once'],
    [`trust: ${b.intents} intents x 2 signatures, ${b.nodes} nodes, scope resolved`, `${b.verify_ms.toFixed(0)} ms`, `${b.ratio.toFixed(2)}x`, `target <= ${b.target_ms} ms: ${b.verify_ms <= b.target_ms ? 'met' : 'MISSED'}`],
    [`trust: the same again in the same process, unchanged (each signature verified once)`, `${b.again_ms.toFixed(0)} ms`, `${(b.again_ms / b.baseline_ms).toFixed(2)}x`, 'the hub re-evaluating after a save'],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const usage = 'usage: node dist/scripts/bench-trust.js [--nodes 10000] [--intents 1000] [--runs 5] [--dir <fleet>]';
  const { values } = scriptArgs(usage, { options: { nodes: { type: 'string' }, intents: { type: 'string' }, runs: { type: 'string' }, dir: { type: 'string' } } });
  const nodes = wholeNumber(usage, 'nodes', values.nodes, 10000);
  const intents = wholeNumber(usage, 'intents', values.intents, 1000);
  const runs = wholeNumber(usage, 'runs', values.runs, 5);
  const owned = values.dir === undefined;
  const root = values.dir ?? mkdtempSync(join(tmpdir(), 'fleethub-bench-trust-'));
  if (owned) generateFleet(root, { nodes, workloads: 0, workplans: 0 });
  try {
    const b = benchTrust({ root, intents, runs });
    process.stdout.write(`trust verification, median of ${b.runs} runs\n`);
    const rows = trustRows(b);
    const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) process.stdout.write(`${r[0].padEnd(w[0]!)}  ${r[1].padStart(w[1]!)}  ${r[2].padStart(w[2]!)}  ${r[3]}\n`);
    process.stdout.write(`${JSON.stringify({ trust: b })}\n`);
  } finally {
    if (owned) rmSync(root, { recursive: true, force: true });
  }
}
