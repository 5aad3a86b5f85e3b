/**
 * The plain data the policy evaluators work on (types only). The reconcile step
 * `policies` reads it from the cache (readPolicyInput); tests build it by hand.
 * Evaluators return findings not located yet (records/finding.ts Unlocated): a JSON
 * pointer into the record's file instead of a line, so they stay pure; the step turns
 * pointers into lines.
 */
import type { Mode } from '../evaluate/modeState.js';

export interface PolicyListener {
  port: number;
  protocol: string;
  edge_role?: string;
}

export interface PromotionEvidence {
  backup_drill?: string;
  canary_observed?: string;
  approved_by?: string;
  approved_at?: string;
  image?: string;
}

export interface PolicyWorkload {
  id: string;
  /** Repository-relative file of the record. */
  file: string;
  kind: string;
  host?: string;
  stage?: string;
  critical?: boolean;
  stateful?: boolean;
  /** Tunnels: the nodes the path crosses, in order. */
  via?: string[];
  /** In file order (findings point at `/listeners/<i>`). */
  listeners?: PolicyListener[];
  promotion?: PromotionEvidence;
}

export interface PolicyNode {
  id: string;
  file: string;
  role?: string;
  area?: string;
  nat_group?: string;
  /** The node's mode after this run (ctx.states); DISABLED when declared enabled: false. */
  mode: Mode;
}

export interface EvidenceRule {
  required?: boolean;
  stateful_only?: boolean;
  /** A duration: 90d, 12h, ... */
  max_age?: string;
}

export interface PromotionGatePolicy {
  id: string;
  file: string;
  hosts?: string[];
  require: {
    backup_drill?: EvidenceRule;
    canary_observation?: EvidenceRule;
    operator_approval?: EvidenceRule;
    image_digest?: boolean;
  };
  grandfather_legacy?: boolean;
}

export interface DrainWave {
  wave: number;
  title: string;
  workloads?: string[];
  task?: string;
  last?: boolean;
}

export interface DrainSequencePolicy {
  id: string;
  file: string;
  title?: string;
  from_host: string;
  to_host?: string;
  waves: DrainWave[];
}

export interface FreezePolicy {
  id: string;
  file: string;
  frozen: Array<{ host: string; since: string; reason?: string; exceptions?: string[]; legacy?: string[] }>;
}

/** Targets for critical nodes (policies/modes.yaml `peer_diversity`). */
export interface PeerDiversityTargets {
  direct_ready: number;
  external_area_ready: number;
  independent_ingress_ready: number;
  recovery_paths: number;
}
