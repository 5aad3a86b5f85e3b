/** The shapes trust verification works on: a verified trust root, the nodes a selector resolves against, a verdict. */
import type { Finding } from '../records/finding.js';

export interface TrustKey {
  id: string;
  /** Raw 32-byte ed25519 public key, base64. */
  publicKey: string;
  roles: string[];
  /** ISO date or date-time; the key signs nothing after it. */
  expires?: string;
}

export interface Scope {
  areas?: string[];
  sites?: string[];
  nat_groups?: string[];
  roles?: string[];
  nodes?: string[];
  labels?: Record<string, string | number | boolean>;
}

export interface TrustRole {
  name: string;
  kinds: string[];
  scope?: Scope;
  threshold: number;
  /** May sign intents beyond the rollout caps (forced-node, wider than the caps). */
  override: boolean;
}

export interface TrustRoot {
  version: number;
  keys: TrustKey[];
  roles: TrustRole[];
}

/** A node as a target selector sees it. */
export interface ScopeNode {
  id: string;
  area?: string;
  site?: string;
  nat_group?: string;
  role?: string;
  labels?: Record<string, unknown>;
}

/** The rollout caps an intent may tighten but never loosen without an override. */
export interface RolloutCaps {
  max_parallel?: number;
  max_unavailable?: number;
}

/** The highest version of an intent id ever trusted, and the digest of its signed part. */
export interface RatchetEntry {
  version: number;
  digest: string;
}

export interface IntentVerdict {
  id: string;
  trusted: boolean;
  /** Ids of the keys whose signatures verified and counted. */
  signers: string[];
  /** SHA-256 of the signed bytes, hex: the intent's content digest. */
  digest: string;
  findings: Finding[];
}
