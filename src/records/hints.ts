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
  'unexpected-file': 'record files are .md (registry/nodes/, registry/workloads/, registry/intents/, workplans/) or .yaml (policies/); rename or move this file',
  'symlink-escape': 'a symlink in the fleet must not point outside the repository; copy the file in instead',
  'symlink-dir': 'symlinked directories are not followed; move the files into the repository',
  'symlink-loop': 'the symlink leads back to itself; replace it with the real file or directory',
  'unreadable-dir': 'check the directory permissions (fleethub must be able to list it)',
  'inexact-integer': 'use a smaller number, or quote it if it is an identifier rather than a quantity',
  'non-finite-number': 'write a number a double can hold (at most about 1.8e308), or quote it if it is text',
  'impossible-date': 'write a day the calendar has (months have 28 to 31 days; February 29 only in leap years)',
  // Shapes, ids and references (validation).
  schema: 'see the schema in schemas/ for the allowed shape',
  'unknown-key': "fix the spelling, remove the key, or prefix it with 'x-' for your own extensions",
  'missing-key': 'add the key',
  'invalid-id': "rename the file: ids use letters, digits, '.', '_' and '-', with no '..'",
  'policy-misplaced': 'move its settings into the file named in the message (merge them if that file exists), then remove this file',
  'id-mismatch': 'make the id equal the file name, or remove the id key (the file name is the id)',
  'unknown-policy-kind': 'set kind to one of: modes, freeze, promotion-gate, drain-sequence, rollout, trust, checks',
  'duplicate-id': 'rename one of the two records; ids must be unique per kind',
  'unknown-reference': 'create the referenced record (or task, or check), or fix the reference; another workplan\'s task is written OTHER-WP/T07',
  'dependency-cycle': 'remove one of the dependencies in the cycle',
  'task-syntax': 'write tasks as: - [ ] T04 Title [depends:: T03] [owner:: ops] [done-when:: check-id]',
  'task-missing-id': 'start the task with an id, e.g. - [ ] T04 Title',
  'task-unknown-state': 'use [ ] todo, [/] doing, [x] done, [-] cancelled or [!] blocked',
  'task-duplicate-id': 'give each task of a workplan its own id',
  'task-field-unknown': 'fleethub reads the fields depends, done-when and owner; rename a misspelt one (other fields are notes)',
  'task-malformed': "write tasks as '- [ ] T04 Title': a list marker, a space, a one-character box, a space, then the id (lines inside ``` fences are not tasks)",
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
  'agent-version-mismatch':
    "bring the node's agent to the version its record declares (or roll it back); if the new version is intended, set labels.agent_version in the node's file to it",
  // Named checks (reconcile, fleethub check).
  'check-failed': 'fleethub check <id> shows the rows that fail; fix what they point at, or change the check',
  'check-error': "fix the check's SQL (fleethub query \"<sql>\" shows SQLite's error)",
  'check-timeout': "make the query cheaper (fleethub query \"EXPLAIN QUERY PLAN <sql>\"), or give the check a longer timeout",
  // Workplans (reconcile, fleethub workplan).
  'done-not-verified': 'finish the work until the done-when checks pass (fleethub check <id>), or reopen the task: fleethub task reopen <workplan> <task>',
  'verified-not-ticked': 'tick the task: fleethub task done <workplan> <task>',
  // Signed intents (fleethub intent verify, reconcile's trust step; docs/trust.md).
  'intent-unsigned': 'sign the intent: fleethub intent sign <id> --key <private key file> (a key of a role in policies/trust.yaml that may sign its kind)',
  'intent-signature-invalid': 'the signed part changed after signing (or the signature belongs to another record): re-sign the intent with fleethub intent sign, or restore the signed content',
  'intent-unknown-key': "sign with a key listed in policies/trust.yaml, or add the key's public half to trust.yaml (a new trust.yaml version signed by the root keys)",
  'intent-key-expired': 'sign with a current key; replace the expired key in policies/trust.yaml (a new trust.yaml version signed by the root keys)',
  'intent-key-not-allowed': "sign with a key of a role whose kinds include the intent's kind (policies/trust.yaml roles)",
  'intent-under-threshold': "collect signatures from more distinct keys of the role, up to its threshold (policies/trust.yaml); two signatures by one key count once",
  'intent-scope-widened': "narrow the intent's target to the signing role's scope, or have a role whose scope covers every targeted node sign it",
  'intent-expired': 'issue a new version of the intent with a later expires, signed again',
  'intent-rollback': 'an intent may only move forward: issue a version higher than the one already trusted',
  'intent-version-reused': 'changed content needs a new version number: raise version and sign again',
  'intent-override-required': "stay within policies/rollout.yaml's caps (no forced-node), or collect the recovery-admin role's threshold of signatures",
  'intent-untrusted-root': 'fix the trust root first (fleethub trust verify shows why it is refused); every intent waits for it',
  'intent-malformed': 'fix the field at this position: signatures are a short list of {key, sig} with base64 signatures, version a whole number, expires a date',
  'trust-not-pinned': "pin the trust root once you have checked it: fleethub trust pin (or set FLEETHUB_TRUST_ROOT to the pinned root's file or JSON)",
  'trust-rollback': 'trust.yaml may only move forward from the pinned version: restore the newer trust.yaml (git log policies/trust.yaml)',
  'trust-chain-broken': 'sign the new trust.yaml version with a threshold of the previous root keys and of its own (fleethub trust sign --key <root key>), and commit each version',
  'trust-chain-gap': 'commit every trust.yaml version in turn (each exactly one higher than the one before), or fetch the full history (git fetch --unshallow)',
  'trust-root-mismatch': 'the pinned root and this repository disagree: check which root is genuine before pinning again (fleethub trust pin)',
  // Sharded probing (reconcile --observations).
  'probe-shard-missing': "that shard's probe job failed or its observations file was not passed on (see the job's log); its nodes keep their last known state until a run observes them again",
  // Generated files (reconcile).
  'generated-drift': 'run fleethub reconcile --write and commit status/',
  'modes-file-unreadable': 'fix status/modes.json (a merge conflict? resolve it), or delete it to start every node from unknown; fleethub does not overwrite it while it cannot be read',
  // Changes between two revisions (fleethub diff; docs/diff.md).
  'revision-unevaluable': 'this revision could not be evaluated at all (the message says why); mend the file it names in a later commit, or compare from a revision after it',
  'intent-version-lowered': "an intent's version may only go up: restore the higher version, or issue a new intent with a version above the old one",
  'intent-target-widened': "check that the rollout should reach the nodes named; narrow the intent's target if not",
  'task-dependency-removed': 'check that the task may now start without the work it waited for; add the dependency back (or depend on the task that replaces it) if not',
  // Rollouts (reconcile, docs/rollout.md).
  'orchestrator-key-missing': "set FLEETHUB_ORCHESTRATOR_KEY to the orchestrator key's private key file (the demo one: test/fixtures/keys/orchestrator-2026a.key); until then nothing is leased",
  'rollout-file-unreadable': 'fix status/rollouts/<intent>.yaml (a merge conflict? take the upstream side, git checkout --theirs); fleethub does not overwrite it while it cannot be read: it may hold leases in flight',
  'agent-report-unreadable': "the node's agent writes status/agents/<node>.json: fix or delete the file (the agent rewrites it on its next report); until then the node counts as having no agent",
} as const satisfies Record<string, string>;

/** Every code a finding can have. */
export type FindingCode = keyof typeof HINTS;

export function hintFor(code: FindingCode): string {
  return HINTS[code];
}
