/**
 * Typed failures of fleethub itself (not findings about the fleet): one class
 * per failure, each with a stable `code` and structured `data`. The CLI maps
 * them to exit code 2 and a one-line message; no stack traces for users.
 */
export class FleethubError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly data: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class RootNotFoundError extends FleethubError {
  constructor(path: string, explicit: boolean, reason: 'missing' | 'not-a-directory' | 'not-a-fleet' = 'missing') {
    super(
      'root-not-found',
      !explicit
        ? `no fleet repository at or above ${path}: none of registry/, workplans/, policies/ found (run 'fleethub init <dir>' to create one, or pass --root <dir>)`
        : reason === 'missing'
          ? `--root ${path} does not exist`
          : reason === 'not-a-directory'
            ? `--root ${path} is not a directory (pass the fleet repository's directory)`
            : `--root ${path} is not a fleet repository: none of registry/, workplans/, policies/ found in it (run 'fleethub init <dir>' to create one)`,
      { path, explicit, reason },
    );
  }
}

export class UsageError extends FleethubError {
  constructor(message: string, data: Record<string, unknown> = {}) {
    super('usage', message, data);
  }
}

export class QueryError extends FleethubError {
  constructor(message: string, sql: string) {
    super('query', message, { sql });
  }
}

export class CacheBusyError extends FleethubError {
  constructor(path: string) {
    super('cache-busy', `the cache at ${path} is locked by another fleethub process; try again`, { path });
  }
}

export class OutboxCorruptError extends FleethubError {
  constructor(path: string, detail: string) {
    super(
      'outbox-corrupt',
      `the outbox ${path} cannot be read (${detail}); it may hold events not relayed yet, so fleethub will not replace it: move it aside (keep a copy), and 'fleethub outbox list' starts a new one`,
      { path, detail },
    );
  }
}

export class OutboxVersionError extends FleethubError {
  constructor(path: string, found: string) {
    super('outbox-version', `the outbox ${path} was written by a newer fleethub (format ${found}); upgrade fleethub to relay its events`, { path, found });
  }
}

export class UnknownEventError extends FleethubError {
  constructor(id: string) {
    super('unknown-event', `no event ${id} in the outbox ('fleethub outbox list --all' lists them)`, { id });
  }
}

/** Upstream could not be reached, or answered with a transient failure: the relay backs off and tries again; events stay pending. */
export class UpstreamUnreachableError extends FleethubError {
  constructor(url: string, detail: string) {
    super('upstream-unreachable', `upstream ${url} is unreachable (${detail})`, { url, detail });
  }
}

/** Upstream refused the credentials: retrying would not help, so the relay stops and says so; events stay pending. */
export class UpstreamAuthError extends FleethubError {
  /** `status`: the HTTP status (null for ssh); `credentials`: where the refused ones came from (null: none were sent); `detail`: ssh's words. */
  constructor(url: string, status: number | null, credentials: string | null, detail?: string) {
    super(
      'upstream-auth',
      status === null
        ? `upstream ${url} refused the login (${detail ?? 'permission denied'}); check your SSH key, agent or access to the repository (events stay in the outbox)`
        : `upstream ${url} ${credentials ? `refused ${credentials}` : 'needs credentials'} (HTTP ${status}); set FLEETHUB_TOKEN to a token with write access to the repository (events stay in the outbox)`,
      { url, status, credentials, ...(detail ? { detail } : {}) },
    );
  }
}

/** The remote addresses the relay and the agent take (parseRemote), as their messages list them. */
export const REMOTE_FORMS = 'an http(s)://, ssh://, git@host:path, git:// or file:// URL or a local path';

export class UpstreamUnsupportedError extends FleethubError {
  constructor(url: string, source: string, reason?: string) {
    super(
      'upstream-unsupported',
      reason
        ? `upstream ${url} (from ${source}): ${reason}`
        : `upstream ${url} (from ${source}) is not an address the relay can use: give ${REMOTE_FORMS}, with 'git config fleethub.upstream <url>' or --upstream <url>`,
      { url, source },
    );
  }
}

export class UpstreamRejectedError extends FleethubError {
  /** `step`: what upstream refused (the push; a fetch, for an address with no repository behind it). */
  constructor(url: string, detail: string, step: 'push' | 'fetch' | 'ls-remote' = 'push') {
    super('upstream-rejected', `upstream ${url} ${step === 'push' ? 'rejected the push' : `refused git ${step}`} (${detail}); events stay in the outbox`, { url, detail, step });
  }
}

export class RelayBusyError extends FleethubError {
  constructor(path: string) {
    super('relay-busy', `another relay is running for this outbox (it holds ${path}); it relays these events too`, { path });
  }
}

/** The configured branch is not one upstream has, while it has others: a configuration mistake; events stay pending. */
export class UpstreamBranchMissingError extends FleethubError {
  constructor(url: string, branch: string, branches: string[]) {
    super(
      'upstream-branch-missing',
      `upstream ${url} has no branch '${branch}' (it has ${branches.slice(0, 5).join(', ')}${branches.length > 5 ? ', …' : ''}); fix --branch or 'git config fleethub.branch' (events stay in the outbox)`,
      { url, branch, branches },
    );
  }
}

/** A branch name git's ref rules refuse (or HEAD), from --branch or git config fleethub.branch; events stay pending. */
export class InvalidBranchError extends FleethubError {
  constructor(branch: string, source: string, problem: string) {
    super('invalid-branch', `the branch '${branch}' (from ${source}) cannot be used: ${problem}; give a branch name such as main`, { branch, source, problem });
  }
}

/** The relay's clone is damaged (the system git says an object is bad or missing): the pass is run once more on a fresh clone. */
export class RelayCloneDamagedError extends FleethubError {
  constructor(gitdir: string, detail: string) {
    super('relay-clone-damaged', `the relay's clone ${gitdir} is damaged (${detail}); it is disposable: the next relay fetches a fresh one`, { gitdir, detail });
  }
}

/** A reconcile step read the cache before the load step opened it: a wrong list of steps, not bad input. */
export class CacheNotLoadedError extends FleethubError {
  constructor(use: string) {
    super('cache-not-loaded', `a reconcile step used the cache (${use}) before the load step opened it; put load first in the list of steps`, { use });
  }
}

/** An option the command does not have (`data.suggestion`: the closest one, when one is close). */
export class UnknownOptionError extends FleethubError {
  constructor(option: string, command: string | null, suggestion: string | undefined) {
    super(
      'unknown-option',
      `unknown option ${option}${suggestion ? `; did you mean ${suggestion}?` : ''} ('fleethub ${command ?? ''}${command ? ' ' : ''}--help' lists the options)`,
      { option, command, ...(suggestion ? { suggestion } : {}) },
    );
  }
}

/** A command fleethub does not have (`data.suggestion`: the closest one, when one is close). */
export class UnknownCommandError extends FleethubError {
  constructor(command: string, suggestion: string | undefined) {
    super('unknown-command', `unknown command '${command}'${suggestion ? `; did you mean '${suggestion}'?` : ''} ('fleethub --help' lists the commands)`, {
      command,
      ...(suggestion ? { suggestion } : {}),
    });
  }
}

/** A path given on the command line that does not exist. */
export class PathNotFoundError extends FleethubError {
  constructor(path: string) {
    super('path-not-found', `${path} does not exist`, { path });
  }
}

/** A repository file exists but cannot be read (permissions, a directory where a file should be, an I/O error): never "missing". */
export class RepoFileUnreadableError extends FleethubError {
  constructor(path: string, cause: string) {
    super('file-unreadable', `cannot read ${path}: ${cause} (check its permissions; fleethub treats only a file that does not exist as missing)`, { path, cause });
  }
}

/** `.fleethub/`, fleethub's state directory, exists but is not a directory (a file, a dangling link): nothing can be cached or recorded there. */
export class StateDirUnusableError extends FleethubError {
  constructor(path: string, cause: string) {
    super('state-dir-unusable', `${path} is not a directory (${cause}): fleethub keeps its cache and outbox there; move that aside and run the command again`, { path, cause });
  }
}

/** A cache column that fleethub itself wrote as JSON does not parse: the cache is damaged, not the fleet. */
export class CacheDataError extends FleethubError {
  constructor(table: string, id: string, detail: string) {
    super('cache-corrupt', `the cache's ${table} row ${id} holds unparseable JSON (${detail}); run 'fleethub rebuild' to rebuild the cache from the files`, { table, id, detail });
  }
}

/** A value that has no one canonical JSON form (NaN, Infinity, a function): it cannot be signed or verified. */
export class NotCanonicalError extends FleethubError {
  constructor(pointer: string, detail: string) {
    super('not-canonical', `the value at ${pointer || '/'} cannot be signed: ${detail}`, { pointer, detail });
  }
}

export class PinMalformedError extends FleethubError {
  constructor(source: string, detail: string) {
    super('trust-pin-malformed', `the pinned trust root (${source}) cannot be read: ${detail}; pin it again with 'fleethub trust pin'`, { source, detail });
  }
}

export class RatchetMalformedError extends FleethubError {
  constructor(file: string, detail: string) {
    super('trust-ratchet-malformed', `${file} cannot be read (${detail}); it records the highest intent versions trusted: restore it from Git history (git log -p ${file}), never delete it`, { file, detail });
  }
}

/** A revision given to `fleethub diff` names no commit of the repository. */
export class UnknownRevisionError extends FleethubError {
  constructor(revision: string, detail: string) {
    // A record file given where a revision goes: the user likely wants its history.
    const record = /\.(md|ya?ml)$/i.test(revision) ? `; for one record's changes over history: fleethub history ${revision}` : '';
    super('revision-unknown', `unknown revision '${revision}': ${detail} (give a branch, tag or commit of this repository; 'git log --oneline' lists commits${record})`, { revision, detail });
  }
}

/** The node agent's journal (`<state dir>/journal.sqlite`) is not one: it is never replaced, since it is the only record of an update in progress. */
export class AgentJournalCorruptError extends FleethubError {
  constructor(path: string, detail: string) {
    super('agent-journal-corrupt', `the agent's journal ${path} cannot be read (${detail}); it records the update in progress and the rollback owed: move it aside only after checking the node's installed version by hand`, { path, detail });
  }
}

/** No remote given to `fleethub agent` answered the fetch: the cycle applied nothing, its reports stay in the agent's outbox. */
export class AgentOfflineError extends FleethubError {
  constructor(attempts: ReadonlyArray<{ remote: string; error: string }>) {
    super('agent-offline', `no remote answered: ${attempts.map((a) => `${a.remote} (${a.error})`).join('; ')}; nothing was applied and the reports stay buffered in the agent's outbox`, { attempts });
  }
}

/** `fleethub agent --node` names no node of the fleet it fetched: it would report, and wait for leases, as a node nothing knows. */
export class AgentUnknownNodeError extends FleethubError {
  constructor(node: string, remote: string, commit: string, known: readonly string[], suggestion: string | undefined) {
    const shown = known.length > 8 ? `${known.slice(0, 8).join(', ')}, ... (${known.length} in all)` : known.join(', ');
    const give = suggestion !== undefined ? `did you mean --node ${suggestion}? Give` : 'give';
    super('agent-unknown-node', `--node ${node} is not a node of the fleet fetched from ${remote} (commit ${commit.slice(0, 12)}): there is no registry/nodes/${node}.md; ${give} the id of this node's record (${known.length > 0 ? `the fleet has ${shown}` : 'the fleet has no nodes'}), or add its record first; nothing was applied or reported`, { node, remote, commit, known, suggestion: suggestion ?? null });
  }
}

/** The apply or health command of `fleethub agent` could not be started (not a failure of the command: it never ran). */
export class AgentCommandError extends FleethubError {
  constructor(which: 'apply' | 'health', command: string, detail: string) {
    super('agent-command', `the ${which} command '${command}' could not be run: ${detail}`, { which, command, detail });
  }
}

/** FLEETHUB_ORCHESTRATOR_KEY names a key that the verified trust.yaml does not give a role allowed to sign leases: agents would refuse every lease it signs. */
export class OrchestratorKeyUntrustedError extends FleethubError {
  constructor(path: string, fingerprint: string) {
    super('orchestrator-key-untrusted', `FLEETHUB_ORCHESTRATOR_KEY (${path}, fingerprint ${fingerprint}) is not a key of a role that may sign leases in policies/trust.yaml (the orchestrator role): agents would refuse its leases; set it to the orchestrator key, or add its public half to trust.yaml under that role and sign trust.yaml again`, { path, fingerprint });
  }
}

/** `fleethub rollout resume` on a rollout that no operator paused, or whose intent is signed paused or aborted. */
export class RolloutResumeRefusedError extends FleethubError {
  constructor(intent: string, reason: string) {
    super('rollout-resume-refused', `cannot resume ${intent}: ${reason}`, { intent, reason });
  }
}

/** A rollout command acts on an intent whose status/rollouts/<intent>.yaml cannot be read: fleethub does not overwrite it (it may hold leases in flight). */
export class RolloutFileUnreadableError extends FleethubError {
  constructor(intent: string, file: string, line: number, col: number, reason: string, hint: string) {
    super('rollout-file-unreadable', `${file}:${line}:${col}: cannot act on ${intent}: ${reason}; ${hint}`, { intent, file, line, col, reason });
  }
}

/** A `fleethub rollout` command names an intent the fleet does not have (or one that is not an update). */
export class UnknownIntentError extends FleethubError {
  constructor(intent: string, known: readonly string[]) {
    super('intent-unknown', `no update intent '${intent}' in registry/intents/ (${known.length > 0 ? `known: ${known.join(', ')}` : 'the fleet has none'})`, { intent, known });
  }
}

/** The hub's port is taken by another program (`fleethub hub --port` picks another). */
export class HubPortInUseError extends FleethubError {
  constructor(host: string, port: number) {
    super('hub-port-in-use', `${host}:${port} is already in use (another hub?); stop it or start this one with --port <n>`, { host, port });
  }
}

/** A bind to an address other than loopback without --allow-remote and a token. */
export class HubRemoteBindError extends FleethubError {
  constructor(host: string, missing: string[]) {
    super('hub-remote-bind', `the hub binds only to loopback (127.0.0.1, ::1) unless ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} given: ${host} would let other machines reach it`, { host, missing });
  }
}

/** A request the hub refuses: its HTTP status and a stable code, sent as {"error": {"code", "message"}}. */
export class HubRequestError extends FleethubError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
  ) {
    super(code, message, { status });
  }
}

/** `fleethub history` was given a record id that names no record (or several). */
export class UnknownRecordError extends FleethubError {
  constructor(record: string, detail: string, candidates: string[] = []) {
    super('record-unknown', `no single record '${record}': ${detail}`, { record, detail, candidates });
  }
}

/** A Git tree holds an entry name git itself never writes (a path segment with '/' or '..'): a crafted object, never read. */
export class UnsafeTreeEntryError extends FleethubError {
  constructor(tree: string, name: string) {
    super('git-tree-unsafe', `Git tree ${tree.slice(0, 12)} holds an entry named ${JSON.stringify(name)}, which git never writes (a crafted object?); fleethub reads no tree that could name a file outside its place: compare other revisions`, { tree, name });
  }
}

/** An observations file (`fleethub probe --shard i/n --out <file>`) that cannot be read as one: where, and what is wrong. */
export class ObservationsFileError extends FleethubError {
  constructor(file: string, line: number, col: number, detail: string) {
    super('observations-file-invalid', `${file}:${line}:${col}: ${detail} (an observations file is written by 'fleethub probe --shard <i>/<n> --out <file>'; probe the shard again rather than editing it)`, { file, line, col, detail });
  }
}

/** Observations files that do not fit together: shards of different counts, or one shard given twice. */
export class ObservationsMismatchError extends FleethubError {
  constructor(detail: string, files: string[]) {
    super('observations-mismatch', `the observations files do not fit together: ${detail} (give one file per shard, all from the same 'fleethub probe --shard <i>/<n>' run)`, { detail, files });
  }
}

/** Forgejo's API answered a request of `fleethub comment` with an error (the token never appears in it). */
export class ForgejoApiError extends FleethubError {
  constructor(method: string, url: string, status: number, detail: string) {
    const why = status === 401 || status === 403 ? ' (the token may not write to this repository: a pull request from a fork gets a read-only token)' : status === 404 ? ' (check GITHUB_REPOSITORY, the pull request number and GITHUB_SERVER_URL)' : '';
    // Status 0: no answer at all (the server could not be reached).
    const head = status === 0 ? `cannot reach Forgejo for ${method} ${url}` : `Forgejo answered ${method} ${url} with ${status}`;
    super('forgejo-api', `${head}${detail ? `: ${detail}` : ''}${status === 0 ? ' (check GITHUB_SERVER_URL)' : why}`, { method, url, status, detail });
  }
}

/** A hub change (GET /api/events) that does not apply to the sections a client holds: it missed a change or holds another run's snapshot. */
export class HubChangeMismatchError extends FleethubError {
  constructor(section: string, detail: string) {
    super('hub-change-mismatch', `the change does not apply to section ${section}: ${detail} (start again from GET /api/snapshot and /api/events?since=<its revision>)`, { section, detail });
  }
}
