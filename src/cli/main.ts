/**
 * The entry point: the only place that knows about argv, stdout, stderr and
 * exit codes (0 ok, 1 problems found, 2 usage or internal error).
 *
 * It starts fast: it holds only the command names and loads the one command
 * that runs, on demand. Help, options and usage errors come from the
 * commands' specs (commandSpecs.json, written at build time by
 * scripts/compile-command-specs.ts), so `--help`, `<cmd> --help` and a
 * mistyped option load no command at all.
 */
import { FleethubError, UsageError } from '../errors.js';
import { commandResult } from './commandResult.js';
import { escapeTerminal } from '../report/escapeTerminal.js';
import { COLOR, DEFAULT_COLUMNS, PLAIN } from '../report/style.js';
import type { Command, CommandSpec, Context } from './command.js';
import { readCommandSpecs } from './commandSpecs.js';
import { wrapHelp } from './wrapHelp.js';
import { parseCommandLine } from './parseCommandLine.js';

/** Every command, in the order --help lists them, each loaded only when it runs. */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<Command>>> = {
  validate: async () => (await import('./validate.js')).validate,
  status: async () => (await import('./status.js')).status,
  reconcile: async () => (await import('./reconcile.js')).reconcile,
  probe: async () => (await import('./probe.js')).probe,
  check: async () => (await import('./check.js')).check,
  workplan: async () => (await import('./workplan.js')).workplan,
  task: async () => (await import('./task.js')).task,
  relay: async () => (await import('./relay.js')).relay,
  outbox: async () => (await import('./outbox.js')).outbox,
  query: async () => (await import('./query.js')).query,
  rebuild: async () => (await import('./rebuild.js')).rebuild,
  init: async () => (await import('./init.js')).init,
  keys: async () => (await import('./keys.js')).keys,
  intent: async () => (await import('./intent.js')).intent,
  trust: async () => (await import('./trust.js')).trust,
  diff: async () => (await import('./diff.js')).diff,
  agent: async () => (await import('./agent.js')).agent,
  plan: async () => (await import('./plan.js')).plan,
  rollout: async () => (await import('./rollout.js')).rollout,
  hub: async () => (await import('./hub.js')).hub,
  history: async () => (await import('./history.js')).history,
  comment: async () => (await import('./comment.js')).comment,
};

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's width, when stdout is one (the bin wires it). */
  stdoutColumns?: number;
  /** Aborted on SIGINT/SIGTERM (the bin wires it); never aborted when absent. */
  signal?: AbortSignal;
  /** Asks the person at the terminal a yes/no question (the bin wires it when stdin and stderr are a terminal). */
  confirm?(question: string): Promise<boolean>;
}

const GLOBAL_USAGE = `Global options (before or after the command):
  --root <dir>       the fleet repository (default: the current directory or a parent)
  --format text|json output for people (default) or machines; errors too, as
                     {"error": {"code", "message", "data"}} on stdout
  --no-color         no ANSI colours (also: NO_COLOR=1)
  -h, --help         this help
  --version          the version`;

export function usage(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((c) => c.name.length));
  return `fleethub: a files-first GitOps reconciler for fleets of servers

Usage: fleethub [global options] <command> [options]

Commands:
${specs.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

${GLOBAL_USAGE}

Run 'fleethub <command> --help' for a command's options.`;
}

/** The specs of every command: from the build's commandSpecs.json, or (not built by npm run build) by loading each command. */
async function commandSpecs(): Promise<CommandSpec[]> {
  return readCommandSpecs() ?? Promise.all(Object.values(COMMAND_LOADERS).map((load) => load()));
}

export async function main(argv: string[], io: Io): Promise<number> {
  const json = requestsJson(argv);
  let name: string | null = null;
  try {
    const specs = await commandSpecs();
    const line = parseCommandLine(argv, specs);
    if (line.kind === 'version') {
      io.stdout('fleethub 0.1.0\n');
      return 0;
    }
    if (line.kind === 'help') {
      // No command: people get the usage (exit 2), machines a usage error they can parse.
      if (line.missing && json) throw new UsageError(`give a command (${specs.map((c) => c.name).join(', ')}); 'fleethub --help' describes them`);
      if (json) io.stdout(`${JSON.stringify(line.command ? { command: line.command.name, summary: line.command.summary, usage: line.command.usage } : { commands: specs.map((c) => ({ name: c.name, summary: c.summary })) }, null, 2)}\n`);
      else io.stdout(`${wrapHelp(line.command ? `${line.command.usage}\n\n${GLOBAL_USAGE}` : usage(specs), tableColumns(io))}\n`);
      return line.missing ? 2 : 0;
    }
    name = line.command.name;
    const { values, positionals } = line;
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json' && !line.command.formats?.includes(String(format))) {
      const names = ['text', 'json', ...(line.command.formats ?? [])];
      throw new UsageError(`--format must be ${names.slice(0, -1).join(', ')} or ${names.at(-1)!}, not '${String(format)}'`, { format });
    }
    if (format === 'json' && !line.command.reads) throw new UsageError(`${name} has no JSON output`);
    const color = !values['no-color'] && io.env.NO_COLOR === undefined && io.stdoutIsTTY;
    const ctx: Context = {
      cwd: io.cwd,
      env: io.env,
      style: { ...(color ? COLOR : PLAIN), columns: tableColumns(io) },
      format: format === 'json' ? 'json' : 'text',
      root: values.root as string | undefined,
      progress: (label) => progressReporter(label, io),
      log: (l) => io.stderr(`${escapeLines(l, color)}\n`),
      signal: io.signal ?? new AbortController().signal,
      ...(io.confirm ? { confirm: io.confirm } : {}),
    };
    const cmd = await COMMAND_LOADERS[name]!();
    const outcome = await cmd.run({ values, positionals }, ctx);
    if (format === 'json') io.stdout(`${JSON.stringify(withResult(outcome.json?.() ?? null, outcome.problems), null, 2)}\n`);
    else {
      const text = outcome.text();
      if (text) io.stdout(`${escapeLines(text, color)}\n`);
    }
    return outcome.problems ? 1 : 0;
  } catch (e) {
    const known = e instanceof FleethubError;
    const error = known ? { code: e.code, message: e.message, data: e.data } : { code: 'internal', message: `internal error: ${(e as Error)?.message ?? String(e)}`, data: {} };
    const prefix = `fleethub${name ? ` ${name}` : ''}`;
    if (json) io.stdout(`${JSON.stringify({ error }, null, 2)}\n`);
    else io.stderr(`${prefix}: ${escapeTerminal(error.message)}${known ? '' : ' (set FLEETHUB_DEBUG=1 to see the stack trace, and please report it)'}\n`);
    if (!known && io.env.FLEETHUB_DEBUG) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    return 2;
  }
}

/** A JSON object always says how the command ended: a command that cannot find problems (history, outbox show, keys gen...) does not build a `result`, so it gets exit 0's here. */
function withResult(body: unknown, problems: boolean): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || 'result' in body || problems) return body;
  return { ...body, result: commandResult([], 'error') };
}

/** Whether the command line asks for JSON, known before it is parsed (so a parse error is JSON too). */
function requestsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const head = end === -1 ? argv : argv.slice(0, end);
  return head.some((a, i) => a === '--format=json' || (a === '--format' && head[i + 1] === 'json'));
}

/** Text output, each line made safe for a terminal (our own colours kept when the output is in colour: without colour any colour code came from a file); the renderers escape values before this. */
function escapeLines(text: string, colour: boolean): string {
  return text.split('\n').map((l) => escapeTerminal(l, { keepColours: colour })).join('\n');
}

/** Shows progress on stderr, but only on a terminal and only once the work has taken a second. */
function progressReporter(label: string, io: Io): (done: number, total: number) => void {
  const start = Date.now();
  let shown = false;
  return (done, total) => {
    if (!io.stderrIsTTY || Date.now() - start < 1000) return;
    shown = true;
    io.stderr(`\r${label} ${done}/${total} files`);
    if (done >= total && shown) io.stderr('\n');
  };
}

/** The width text tables fit: the terminal's, else COLUMNS (as GNU ls reads it), else DEFAULT_COLUMNS; never below 40. */
function tableColumns(io: Io): number {
  const given = io.stdoutIsTTY && io.stdoutColumns ? io.stdoutColumns : /^\d+$/.test(io.env.COLUMNS ?? '') ? Number(io.env.COLUMNS) : DEFAULT_COLUMNS;
  return Math.max(40, given);
}
