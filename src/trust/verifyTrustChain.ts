/**
 * The trust root, TUF-style: policies/trust.yaml carries a `version` and a
 * `root` (key ids and a threshold) and is signed by root keys. Starting from
 * a root pinned outside the repository, each later version must be exactly
 * one higher and signed by a threshold of the previous version's root keys
 * and of its own (key rotation, TUF §5.3.4). The versions come from Git
 * history; the last one must be the file as it is now. Pure.
 */
import type { Finding } from '../records/finding.js';
import { hintFor, type FindingCode } from '../records/hints.js';
import { decodeBase64, publicKeyFromRaw, verifyBytes } from './ed25519.js';
import { signedPayload } from './signedPayload.js';
import type { TrustKey, TrustRole, TrustRoot } from './trustTypes.js';

/** What a verifier pins: the root keys and threshold of one trust.yaml version. */
export interface PinnedRoot {
  version: number;
  threshold: number;
  keys: Array<{ id: string; publicKey: string }>;
}

/** One version of trust.yaml as read from a commit or the working tree. */
export interface TrustVersion {
  /** Repository-relative path and the commit it was read from ('' for the working tree). */
  file: string;
  commit: string;
  data: Record<string, unknown>;
  locate(pointer: string): { line: number; col: number };
}

export type ChainResult =
  | { ok: true; root: TrustRoot; pinned: PinnedRoot; chain: number[]; findings: Finding[] }
  | { ok: false; chain: number[]; findings: Finding[] };

/** `versions`: every version of the file found in history, oldest first, the current file last. */
export function verifyTrustChain(pin: PinnedRoot | null, versions: readonly TrustVersion[]): ChainResult {
  const findings: Finding[] = [];
  const current = versions[versions.length - 1];
  const refuse = (code: FindingCode, message: string, at: TrustVersion | undefined = current, pointer = ''): ChainResult => {
    const pos = at ? at.locate(pointer) : { line: 1, col: 1 };
    findings.push({ file: at?.file ?? 'policies/trust.yaml', line: pos.line, col: pos.col, severity: 'error', code, message, hint: hintFor(code), kind: 'policy', id: 'trust' });
    return { ok: false, chain, findings };
  };
  const chain: number[] = [];
  if (!pin) return refuse('trust-not-pinned', 'no trust root is pinned: nothing in this repository can be trusted on its own');
  if (!current) return refuse('trust-chain-broken', 'policies/trust.yaml is missing');
  const cur = rootOf(current.data);
  if (!cur) return refuse('trust-chain-broken', 'policies/trust.yaml has no valid version and root (root.keys, root.threshold)', current, '/root');
  if (cur.version < pin.version) return refuse('trust-rollback', `trust.yaml version ${cur.version} is older than the pinned version ${pin.version}`, current, '/version');

  // The last distinct content of each version, in order.
  const byVersion = new Map<number, TrustVersion>();
  for (const v of versions) {
    const r = rootOf(v.data);
    if (r && r.version >= pin.version) byVersion.set(r.version, v);
  }
  let trusted: PinnedRoot = pin;
  const pinnedDoc = byVersion.get(pin.version);
  if (pinnedDoc) {
    const r = rootOf(pinnedDoc.data)!;
    if (!sameRoot(r, pin)) return refuse('trust-root-mismatch', `trust.yaml version ${pin.version} does not carry the pinned root keys`, pinnedDoc, '/root');
    if (!meetsThreshold(pinnedDoc, pin)) return refuse('trust-chain-broken', `trust.yaml version ${pin.version} is not signed by ${pin.threshold} of the pinned root keys`, pinnedDoc, '/signatures');
    chain.push(pin.version);
  }
  for (let n = pin.version + 1; n <= cur.version; n++) {
    const doc = byVersion.get(n);
    if (!doc) return refuse('trust-chain-gap', `trust.yaml version ${n} is missing from the history between the pinned version ${pin.version} and ${cur.version}: each version must follow the one before it`, current, '/version');
    const next = rootOf(doc.data)!;
    if (!meetsThreshold(doc, trusted)) return refuse('trust-chain-broken', `trust.yaml version ${n} is not signed by ${trusted.threshold} of version ${trusted.version}'s root keys`, doc, '/signatures');
    if (!meetsThreshold(doc, next)) return refuse('trust-chain-broken', `trust.yaml version ${n} is not signed by ${next.threshold} of its own root keys`, doc, '/signatures');
    trusted = next;
    chain.push(n);
  }
  return { ok: true, root: trustRootOf(current.data, cur.version), pinned: trusted, chain, findings };
}

/** The root part of a trust.yaml document: its version, root key ids resolved to public keys, threshold. */
export function rootOf(data: Record<string, unknown>): PinnedRoot | null {
  const version = data.version;
  const root = data.root as { threshold?: unknown; keys?: unknown } | undefined;
  const keys = Array.isArray(data.keys) ? (data.keys as Array<Record<string, unknown>>) : [];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1 || !root || typeof root !== 'object') return null;
  if (typeof root.threshold !== 'number' || !Number.isSafeInteger(root.threshold) || root.threshold < 1 || !Array.isArray(root.keys)) return null;
  const resolved: PinnedRoot['keys'] = [];
  for (const id of root.keys) {
    const k = keys.find((x) => x.id === id);
    if (!k || typeof k.public_key !== 'string') return null;
    resolved.push({ id: String(id), publicKey: k.public_key });
  }
  return { version, threshold: root.threshold, keys: resolved };
}

function sameRoot(a: PinnedRoot, b: PinnedRoot): boolean {
  const set = (r: PinnedRoot): string => r.keys.map((k) => rawHex(k.publicKey)).sort().join(',');
  return a.threshold === b.threshold && set(a) === set(b);
}

/** Whether distinct root keys of `by` that signed the document reach its threshold. */
function meetsThreshold(doc: TrustVersion, by: PinnedRoot): boolean {
  const sigs = Array.isArray(doc.data.signatures) ? (doc.data.signatures as Array<Record<string, unknown>>).slice(0, 16) : [];
  const bytes = signedPayload('trust', 'trust', doc.data);
  const signed = new Set<string>();
  for (const s of sigs) {
    if (typeof s?.sig !== 'string') continue;
    for (const k of by.keys) {
      const pub = publicKeyFromRaw(k.publicKey);
      if (pub && verifyBytes(pub, bytes, s.sig)) signed.add(rawHex(k.publicKey));
    }
  }
  return signed.size >= by.threshold;
}

function rawHex(b64: string): string {
  return (decodeBase64(b64) ?? Buffer.alloc(0)).toString('hex');
}

/** The signing keys and roles of a verified trust.yaml. */
export function trustRootOf(data: Record<string, unknown>, version: number): TrustRoot {
  const keys = (Array.isArray(data.keys) ? data.keys : []) as Array<Record<string, unknown>>;
  const roles = (Array.isArray(data.roles) ? data.roles : []) as Array<Record<string, unknown>>;
  return {
    version,
    keys: keys.map((k): TrustKey => ({ id: String(k.id), publicKey: String(k.public_key), roles: (k.roles as string[]) ?? [], ...(typeof k.expires === 'string' ? { expires: k.expires } : {}) })),
    roles: roles.map((r): TrustRole => ({
      name: String(r.name),
      kinds: (r.kinds as string[]) ?? [],
      ...(r.scope ? { scope: r.scope as TrustRole['scope'] } : {}),
      threshold: typeof r.threshold === 'number' ? r.threshold : 1,
      override: r.override === true,
    })),
  };
}
