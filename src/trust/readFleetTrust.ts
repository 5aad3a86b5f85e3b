/**
 * Gathers what trust verification needs at one tick: the intents, nodes and
 * rollout caps from the cache, every version of trust.yaml (history, then the
 * file as it is), the ratchet and the pinned root. The reading is passed in
 * (`TrustIo`); the verification itself (verifyFleetTrust) stays pure.
 */
import type Database from 'better-sqlite3';
import { PinMalformedError } from '../errors.js';
import { fileLocator } from '../records/fileLocator.js';
import { SINGLETON_POLICY_FILES } from '../records/kinds.js';
import { createLocator } from '../records/locate.js';
import { parseYaml } from '../records/parseYaml.js';
import type { FileVersions } from '../repo/fileVersions.js';
import { parsePinnedRoot } from './parsePinnedRoot.js';
import { parseRatchet } from './ratchet.js';
import { readScopeNodes } from './readScopeNodes.js';
import type { ScopeNode } from './trustTypes.js';
import type { FleetTrustInput } from './verifyFleetTrust.js';
import type { IntentInput } from './verifyIntent.js';
import type { PinnedRoot, TrustVersion } from './verifyTrustChain.js';

export const TRUST_FILE = SINGLETON_POLICY_FILES.trust!;
export const RATCHET_FILE = 'status/trust-ratchet.json';
export const PIN_FILE = '.fleethub/trust-root.json';

export interface TrustIo {
  /** A repository file's text, or null when it does not exist. */
  readText(path: string): string | null;
  fileVersions(path: string): FileVersions;
  /** HEAD's commit id when it is cheap to read, else null: what the history above depends on. */
  head(): string | null;
  /** FLEETHUB_TRUST_ROOT: a file path or the inline JSON. */
  env: Readonly<Record<string, string | undefined>>;
  /** An absolute path's text (the pin given by path), or null when there is no file; any other failure throws, its message saying which. */
  readAbsolute(path: string): string | null;
}

/**
 * `locate`: where a pointer is in a file (the reconcile step passes one that keeps positions in the cache's memo).
 * `nodes`: the scopes' nodes, when the caller has them (the reconcile step: from the records the load step read).
 */
export function readFleetTrust(db: Database.Database, io: TrustIo, now: Date, locate: (file: string, pointer: string) => { line: number; col: number } = fileLocator(io.readText), nodes: ScopeNode[] = readScopeNodes(db)): FleetTrustInput & { invalid: InvalidIntent[] } {
  const intents: IntentInput[] = (db.prepare('SELECT id, file, data FROM intents ORDER BY id').all() as Array<{ id: string; file: string; data: string }>).map((r) => ({
    id: r.id,
    file: r.file,
    data: JSON.parse(r.data) as Record<string, unknown>,
    locate: (p) => locate(r.file, p),
  }));
  const rollout = db.prepare(`SELECT data FROM policies WHERE kind = 'rollout' ORDER BY id LIMIT 1`).pluck().get() as string | undefined;
  const caps = rollout ? (JSON.parse(rollout) as { max_parallel?: number; max_unavailable?: number }) : {};
  const trustRow = db.prepare(`SELECT file, data FROM policies WHERE kind = 'trust' ORDER BY id LIMIT 1`).get() as { file: string; data: string } | undefined;
  const trustFile = trustRow?.file ?? TRUST_FILE;
  // An intent file that validation kept out of the cache is never silently skipped: it is refused.
  const invalid = (db.prepare(`SELECT path, record_id FROM files WHERE kind = 'intent' AND path NOT IN (SELECT file FROM records WHERE kind = 'intent') ORDER BY path`).all() as Array<{ path: string; record_id: string | null }>).map((f) => ({ id: f.record_id ?? f.path.replace(/^.*\//, '').replace(/\.md$/, ''), file: f.path }));
  const pin = readPin(io)?.pin ?? null;
  return {
    invalid,
    pin,
    trustVersions: readTrustVersions(io, trustFile, pin, trustRow ? { data: JSON.parse(trustRow.data) as Record<string, unknown>, locate: (p) => locate(trustFile, p) } : undefined),
    intents,
    nodes,
    caps: { ...(caps.max_parallel !== undefined ? { max_parallel: caps.max_parallel } : {}), ...(caps.max_unavailable !== undefined ? { max_unavailable: caps.max_unavailable } : {}) },
    ratchet: readRatchet(io),
    now,
  };
}

/** An intent file with validation errors, kept out of the cache. */
export interface InvalidIntent {
  id: string;
  file: string;
}

/**
 * The ratchet: the file as it is, raised by every committed version of it, so
 * deleting or lowering the file in a copy does not lower it (a version that
 * does not parse in history is skipped; the current file must parse).
 */
function readRatchet(io: TrustIo): FleetTrustInput['ratchet'] {
  const out = parseRatchet(io.readText(RATCHET_FILE), RATCHET_FILE);
  const history = io.fileVersions(RATCHET_FILE);
  for (const { commit, text } of history.available ? history.versions : []) {
    let past: Map<string, { version: number; digest: string }>;
    try {
      past = parseRatchet(text, `${RATCHET_FILE} at ${commit.slice(0, 12)}`);
    } catch {
      continue;
    }
    for (const [id, e] of past) if (!out.has(id) || out.get(id)!.version < e.version) out.set(id, e);
  }
  return out;
}

/** The pinned root: FLEETHUB_TRUST_ROOT (a path or inline JSON), else .fleethub/trust-root.json; null when there is none. */
export function readPin(io: TrustIo): { pin: PinnedRoot; source: string } | null {
  const env = io.env.FLEETHUB_TRUST_ROOT?.trim();
  if (env) {
    if (env.startsWith('{')) return { pin: parsePinnedRoot(env, 'FLEETHUB_TRUST_ROOT'), source: 'FLEETHUB_TRUST_ROOT' };
    let text: string | null;
    try {
      text = io.readAbsolute(env);
    } catch (e) {
      throw new PinMalformedError(`FLEETHUB_TRUST_ROOT=${env}`, `${(e as Error).message}: give the pinned root's file (a trust-root.json) or its JSON`);
    }
    if (text === null) throw new PinMalformedError(`FLEETHUB_TRUST_ROOT=${env}`, "no such file: give the pinned root's file (a trust-root.json) or its JSON");
    return { pin: parsePinnedRoot(text, env), source: env };
  }
  const text = io.readText(PIN_FILE);
  return text === null ? null : { pin: parsePinnedRoot(text, PIN_FILE), source: PIN_FILE };
}

/**
 * The committed versions of the trust file, oldest first, then the file as it
 * is now. With `pin`, history is read only when the file is newer than the
 * pinned version (the chain between them is needed); otherwise the file alone
 * decides (it is the pinned version, or older: a rollback).
 */
export function readTrustVersions(
  io: TrustIo,
  file: string = TRUST_FILE,
  pin?: PinnedRoot | null,
  /** The file as it is now, when the cache already holds it parsed (the same data: the cache keeps what the file says). */
  cached?: { data: Record<string, unknown>; locate(pointer: string): { line: number; col: number } },
): TrustVersion[] {
  const now = cached ? null : io.readText(file);
  const current = cached ? { file, commit: '', ...cached } : now === null ? null : versionOf(file, '', now);
  const version = current?.data.version;
  const needHistory = !pin || typeof version !== 'number' || version > pin.version;
  const history = needHistory ? io.fileVersions(file) : { available: false as const };
  const past = (history.available ? history.versions : []).flatMap(({ commit, text }) => versionOf(file, commit, text) ?? []);
  return [...past, ...(current ? [current] : [])];
}

function versionOf(file: string, commit: string, text: string): TrustVersion | null {
  const parsed = parseYaml(text);
  if (!parsed.ok || parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) return null;
  const locator = createLocator(text, 1);
  return { file, commit, data: parsed.data as Record<string, unknown>, locate: (p) => locator(p) };
}
