/**
 * `fleethub agent`: the node agent. Runs on a node; each cycle fetches the
 * fleet from whichever remote answers, verifies the intents and leases
 * against the pinned trust root, and under a valid lease stages, applies,
 * checks health and reports healthy or rolls back (src/agent/agentCycle.ts).
 * --once runs one cycle; otherwise one every --interval until interrupted.
 */
import { commandResult } from './commandResult.js';
import { resolve } from 'node:path';
import { agentCycle } from '../agent/agentCycle.js';
import { readAbsoluteText } from './readAbsoluteText.js';
import { DEFAULT_STATE_DIR, type AgentConfig, type CycleOutcome } from '../agent/agentTypes.js';
import { processAgentIo } from '../agent/processAgentIo.js';
import { AgentJournalCorruptError, FleethubError, REMOTE_FORMS, UsageError } from '../errors.js';
import { parseRemote } from '../relay/parseRemote.js';
import { redactUrl } from '../relay/redactUrl.js';
import { durationMs } from '../records/duration.js';
import { ID_PATTERN } from '../records/kinds.js';
import { sleep } from '../relay/sleep.js';
import { readPin } from '../trust/readFleetTrust.js';
import type { PinnedRoot } from '../trust/verifyTrustChain.js';
import type { Style } from '../report/style.js';
import type { Command } from './command.js';

const DEFAULT_INTERVAL = '30s';

export function agentCommand(now: () => Date = () => new Date()): Command {
  return {
    name: 'agent',
    summary: 'the node agent: apply trusted intents under an orchestrator lease, report, roll back',
    usage: `fleethub agent --node <id> --remote <url>... --apply <cmd> [--health <cmd>] [--once] [--interval <d>] [--state-dir <dir>] [--trust-root <pin>] [--branch <name>] [--format json]

Runs on a node. Each cycle fetches the fleet repository from the first --remote
that answers (the upstream, a mirror, a neighbour's copy: tried in the order
given), verifies the intents against the pinned trust root and the leases in
status/rollouts/<intent>.yaml against the orchestrator keys of trust.yaml, and
for a trusted intent targeting this node with a valid lease: stages (records
the artifact's digest), applies, checks health, and reports healthy — or rolls
back and reports rolled_back. Without a valid lease nothing is applied: the
node reports blocked with the reason (lease-missing, lease-expired, ...).
Reports are status/agents/<node>.json, recorded in the agent's own outbox and
relayed to the remote fetched from (else the first that accepts); offline,
they wait in the outbox.

  --node <id>          this node's id in registry/nodes/
  --remote <url>       a remote with the fleet repository (repeatable): http(s)://,
                       ssh://, git@host:path, file:// or a local path
  --apply <cmd>        shell command that installs the artifact; its environment has
                       FLEETHUB_ARTIFACT, FLEETHUB_VERSION, FLEETHUB_DIGEST,
                       FLEETHUB_MIRRORS (space-separated), FLEETHUB_NODE,
                       FLEETHUB_INTENT, FLEETHUB_LEASE, FLEETHUB_ROLLBACK (1 when
                       it is asked to go back to FLEETHUB_VERSION, the previous one)
  --health <cmd>       shell command that prints the installed version (first line)
                       and exits 0 when the node is healthy; without it the apply's
                       exit status alone decides
  --once               one cycle, then exit (default: a cycle every --interval)
  --interval <d>       time between cycles: 30s, 5m, ... (default ${DEFAULT_INTERVAL})
  --state-dir <dir>    the agent's clone, journal (journal.sqlite) and outbox
                       (default: ${DEFAULT_STATE_DIR}/ in the current directory)
  --trust-root <pin>   the pinned trust root: a file or inline JSON (default:
                       FLEETHUB_TRUST_ROOT); without one every intent is blocked
  --branch <name>      the fleet's branch (default: each remote's default branch)
The journal survives kill -9: a restarted agent first finishes what it left
(waits for an apply still running, reads health, rolls back if it was owed).
Exit codes: 0 the cycle ran (blocked is normal: waiting), 1 no remote answered,
2 usage or internal error (a --node the fetched fleet has no record of, too).`,
    options: {
      node: { type: 'string' },
      remote: { type: 'string', multiple: true },
      apply: { type: 'string' },
      health: { type: 'string' },
      once: { type: 'boolean' },
      interval: { type: 'string' },
      'state-dir': { type: 'string' },
      'trust-root': { type: 'string' },
      branch: { type: 'string' },
    },
    reads: true,
    noArguments: true,
    async run(args, ctx) {
      const v = args.values;
      const node = typeof v.node === 'string' ? v.node : null;
      if (node === null) throw new UsageError('give --node <id>: the node this agent runs on (its file is registry/nodes/<id>.md)');
      if (!ID_PATTERN.test(node)) throw new UsageError(`--node '${node}' is not a node id (letters, digits, '-', '_' and '.')`);
      const given = (Array.isArray(v.remote) ? v.remote : []).filter((r): r is string => typeof r === 'string' && r !== '');
      if (given.length === 0) throw new UsageError('give at least one --remote <url>: where the fleet repository can be fetched from');
      // A local path is relative to the working directory (not to the state directory the clones live in).
      const remotes = given.map((r) => {
        const remote = parseRemote(r, ctx.cwd);
        if (remote === null) throw new UsageError(`--remote ${redactUrl(r)} is not an address the agent can fetch from: give ${REMOTE_FORMS}`);
        return remote.transport === 'system-git' && remote.url === resolve(ctx.cwd, r) ? remote.url : r;
      });
      if (typeof v.apply !== 'string' || v.apply.trim() === '') throw new UsageError('give --apply <cmd>: the shell command that installs the artifact');
      const interval = durationMs(typeof v.interval === 'string' ? v.interval : DEFAULT_INTERVAL);
      if (interval === null || interval <= 0) throw new UsageError(`--interval '${String(v.interval)}' is not a duration (30s, 5m, 1h)`);
      const config: AgentConfig = {
        node,
        remotes,
        apply: v.apply,
        ...(typeof v.health === 'string' && v.health.trim() !== '' ? { health: v.health } : {}),
        ...(typeof v.branch === 'string' ? { branch: v.branch } : {}),
        stateDir: resolve(ctx.cwd, typeof v['state-dir'] === 'string' ? v['state-dir'] : DEFAULT_STATE_DIR),
      };
      const pin = agentPin(ctx.cwd, typeof v['trust-root'] === 'string' ? v['trust-root'] : ctx.env.FLEETHUB_TRUST_ROOT);
      if (pin === null) ctx.log?.(ctx.style.yellow('warning: no trust root pinned (--trust-root or FLEETHUB_TRUST_ROOT): every intent is blocked'));
      const io = processAgentIo(config, pin, ctx.env, ctx.cwd, now);
      const signal = ctx.signal ?? new AbortController().signal;
      let last: CycleOutcome | undefined;
      for (;;) {
        try {
          last = await agentCycle({ node, stateDir: config.stateDir, pin }, io);
        } catch (e) {
          // Running for good, a failed cycle (a command that cannot start, a remote's odd answer) is logged and the next one tried; a damaged journal stops the agent.
          if (v.once || !(e instanceof FleethubError) || e instanceof AgentJournalCorruptError || e instanceof UsageError) throw e;
          ctx.log?.(`${now().toISOString()} ${ctx.style.red(`this cycle failed: ${e.message}`)}`);
          await sleep(interval, signal);
          if (signal.aborted) {
            if (last === undefined) throw e;
            break;
          }
          continue;
        }
        if (v.once || signal.aborted) break;
        for (const line of cycleLines(last, ctx.style)) ctx.log?.(`${now().toISOString()} ${line}`);
        await sleep(interval, signal);
        if (signal.aborted) break;
      }
      const outcome = last!;
      return {
        text: () => cycleLines(outcome, ctx.style).join('\n'),
        json: () => ({ ...outcome, result: commandResult([], 'error', { offline: outcome.fetchedFrom === null }) }),
        problems: outcome.fetchedFrom === null,
      };
    },
  };
}

export const agent: Command = agentCommand();

/** --trust-root or FLEETHUB_TRUST_ROOT (a file, relative to the working directory, or inline JSON); null when neither is given. */
function agentPin(cwd: string, given: string | undefined): PinnedRoot | null {
  if (given === undefined || given.trim() === '') return null;
  return (
    readPin({
      env: { FLEETHUB_TRUST_ROOT: given },
      readText: () => null,
      fileVersions: () => ({ available: true, versions: [] }),
      head: () => null,
      readAbsolute: readAbsoluteText(cwd),
    })?.pin ?? null
  );
}

function cycleLines(o: CycleOutcome, style: Style): string[] {
  // Offline, the cycle's one action says it all (which remotes, why, that the reports stay buffered).
  const offline = o.fetchedFrom === null && o.relayError === 'offline';
  const lines = [o.fetchedFrom ? `fetched ${o.commit?.slice(0, 10) || '(empty)'} from ${o.fetchedFrom}` : style.red(offline ? 'offline' : 'offline: no remote answered')];
  lines.push(...o.actions);
  for (const [intent, r] of Object.entries(o.reports)) {
    const colour = r.state === 'healthy' ? style.green : r.state === 'blocked' || r.state === 'aborted' ? style.yellow : r.state === 'rolled_back' ? style.red : (s: string) => s;
    lines.push(`${colour(r.state.padEnd(11))} ${intent} v${r.version}${r.lease ? ` lease ${r.lease}` : ''}${r.reason ? ` — ${r.reason}` : ''}`);
  }
  if (!o.relayed && !offline) lines.push(style.dim(`reports buffered in the agent's outbox${o.relayError && o.relayError !== 'offline' ? `: ${o.relayError}` : ''}`));
  return lines;
}
