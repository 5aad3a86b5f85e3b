/**
 * What to do about each finding code. One place, so messages stay consistent,
 * and the list of every code fleethub reports: `FindingCode` is its keys, and
 * every finding's `code` is a `FindingCode`, so a new code without a hint does
 * not compile.
 */
export const HINTS = {
  // Files and front matter (validation).
  'empty-file': 'write the record, or delete the file',
  'binary-file': 'only UTF-8 text files belong in the fleet directories; move binaries elsewhere',
  'invalid-utf8': 're-save the file as UTF-8',
  'file-too-large': 'a record file should be small; move bulky notes out of the fleet directories',
  'unreadable-file': 'check the file permissions',
  'frontmatter-missing': "start the file with '---', the record's YAML fields, and a closing '---' line",
  'frontmatter-unterminated': "add a '---' line after the last front matter field",
  'frontmatter-not-mapping': 'the front matter must be YAML key: value pairs',
  'yaml-syntax': 'fix the YAML at this position (indent with spaces, not tabs; quote values containing ": " or "#")',
  'yaml-too-large': 'remove the anchors/aliases that expand the document; records are small',
  'yaml-too-deep': 'flatten the structure; records never nest this deep',
  'unexpected-file': 'record files are .md (registry/, workplans/) or .yaml (policies/); rename or move this file',
  'symlink-escape': 'a symlink in the fleet must not point outside the repository; copy the file in instead',
  'symlink-dir': 'symlinked directories are not followed; move the files into the repository',
  // Shapes, ids and references (validation).
  schema: 'see the schema in schemas/ for the allowed shape',
  'unknown-key': "fix the spelling, remove the key, or prefix it with 'x-' for your own extensions",
  'missing-key': 'add the key',
  'invalid-id': "rename the file: ids use letters, digits, '.', '_' and '-', with no '..'",
  'id-mismatch': 'make the id equal the file name, or remove the id key (the file name is the id)',
  'unknown-policy-kind': 'set kind to one of: modes, freeze, promotion-gate, drain-sequence, rollout, trust, checks',
  'duplicate-id': 'rename one of the two records; ids must be unique per kind',
  'unknown-reference': 'create the referenced record (or task, or check), or fix the reference; another workplan\'s task is written OTHER-WP/T07',
  'dependency-cycle': 'remove one of the dependencies in the cycle',
  'task-syntax': 'write tasks as: - [ ] T04 Title [depends:: T03] [owner:: ops] [done-when:: check-id]',
  'task-missing-id': 'start the task with an id, e.g. - [ ] T04 Title',
  'task-unknown-state': 'use [ ] todo, [/] doing, [x] done, [-] cancelled or [!] blocked',
  'task-duplicate-id': 'give each task of a workplan its own id',
  'check-invalid-sql': 'fix the SQL; checks run read-only against the tables in docs/cache.md (try it with fleethub query)',
  'check-not-readonly': 'a check may only read: write one SELECT statement',
  'duration-too-long': 'give a time limit of at most 1h (e.g. 30s, 5m, 1h)',
  'check-sql-too-complex': 'simplify the SQL: compute a CTE once (WITH c AS MATERIALIZED (...)) instead of nesting CTEs that each use the previous one several times',
  // Policies (reconcile; docs/policies.md).
  'freeze-violation':
    "place the workload (or its target_host) elsewhere; if it was already there when the freeze began, add it to the freeze's legacy inventory; if it must stay, list it under the freeze's exceptions with a documented rollback",
  'freeze-no-history':
    "run in a clone with full history (git fetch --unshallow; in CI, fetch-depth: 0), or list the workloads that were on the host when the freeze began under the freeze's legacy inventory, so history is not needed",
  'promotion-gate-unmet':
    "record the missing evidence under the workload's promotion: (backup_drill, canary_observed, approved_by and approved_at, an image pinned by @sha256:), or keep it at stage: staging until it has it",
  'drain-order': 'finish the earlier waves first (move their workloads off the host), or move this workload back until its wave is next',
  'drain-last-wave-not-last': 'give the wave marked last the highest number among the waves that move workloads, or move those workloads into an earlier wave (a wave after it may only follow a task, like the phoenix)',
  'critical-path-via-forbidden-role': 'host the workload, and route its via path, on nodes production may depend on: production must keep running with the workstation off',
  'critical-on-unusable-host': 'move the workload (or reroute its via path) off the DISABLED, DEGRADED or frozen node, or bring the node back to ACTIVE',
  'unclassified-listener': 'give the listener an edge_role (external-ingress, control-api, artifact-delivery, compat-recovery), move inter-node transport to QUIC/UDP, or retire the listener',
  'peer-diversity-below-target':
    "give the node more ready peers: direct ones in other areas and behind other NAT groups, and a path out of its area; or change the targets (policies/modes.yaml peer_diversity)",
  // Named checks (reconcile, fleethub check).
  'check-failed': 'fleethub check <id> shows the rows that fail; fix what they point at, or change the check',
  'check-error': "fix the check's SQL (fleethub query \"<sql>\" shows SQLite's error)",
  'check-timeout': "make the query cheaper (fleethub query \"EXPLAIN QUERY PLAN <sql>\"), or give the check a longer timeout",
  // Workplans (reconcile, fleethub workplan).
  'done-not-verified': 'finish the work until the done-when checks pass (fleethub check <id>), or reopen the task: fleethub task reopen <workplan> <task>',
  'verified-not-ticked': 'tick the task: fleethub task done <workplan> <task>',
  // Generated files (reconcile).
  'generated-drift': 'run fleethub reconcile --write and commit status/',
} as const satisfies Record<string, string>;

/** Every code a finding can have. */
export type FindingCode = keyof typeof HINTS;

export function hintFor(code: FindingCode): string {
  return HINTS[code];
}
