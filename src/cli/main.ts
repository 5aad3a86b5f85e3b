/**
 * The entry point: the only place that knows about argv, stdout, stderr and
 * exit codes (0 ok, 1 problems found, 2 usage or internal error).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FleethubError, UsageError } from '../errors.js';
import { COLOR, PLAIN } from '../report/style.js';
import type { Command, Context } from './command.js';
import { check } from './check.js';
import { init } from './init.js';
import { outbox } from './outbox.js';
import { relay } from './relay.js';
import { task } from './task.js';
import { workplan } from './workplan.js';
import { probe } from './probe.js';
import { query } from './query.js';
import { rebuild } from './rebuild.js';
import { reconcile } from './reconcile.js';
import { status } from './status.js';
import { validate } from './validate.js';
import { intent } from './intent.js';
import { keys } from './keys.js';
import { trust } from './trust.js';

export const COMMANDS: readonly Command[] = [validate, status, reconcile, probe, check, workplan, task, relay, outbox, query, rebuild, init, keys, intent, trust];

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Aborted on SIGINT/SIGTERM (the bin wires it); never aborted when absent. */
  signal?: AbortSignal;
}

const GLOBAL_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  root: { type: 'string' },
  format: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const GLOBAL_USAGE = `Global options:
  --root <dir>       the fleet repository (default: the current directory or a parent)
  --format text|json output for people (default) or machines
  --no-color         no ANSI colours (also: NO_COLOR=1)
  -h, --help         this help`;

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `fleethub: a files-first GitOps reconciler for fleets of servers

Usage: fleethub <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

${GLOBAL_USAGE}

Run 'fleethub <command> --help' for a command's options.`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const cmd = COMMANDS.find((c) => c.name === rest[0]);
    io.stdout(`${cmd ? `${cmd.usage}\n\n${GLOBAL_USAGE}` : usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('fleethub 0.1.0\n');
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`fleethub: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...cmd.options }, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout(`${cmd.usage}\n\n${GLOBAL_USAGE}\n`);
      return 0;
    }
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${String(format)}'`);
    if (format === 'json' && !cmd.reads) throw new UsageError(`${cmd.name} has no JSON output`);
    const color = !values['no-color'] && io.env.NO_COLOR === undefined && io.stdoutIsTTY;
    const ctx: Context = {
      cwd: io.cwd,
      env: io.env,
      style: color ? COLOR : PLAIN,
      format,
      root: values.root as string | undefined,
      progress: (label) => progressReporter(label, io),
      log: (line) => io.stderr(`${line}\n`),
      signal: io.signal ?? new AbortController().signal,
    };
    const outcome = await cmd.run({ values, positionals }, ctx);
    if (format === 'json') io.stdout(`${JSON.stringify(outcome.json?.() ?? null, null, 2)}\n`);
    else {
      const text = outcome.text();
      if (text) io.stdout(`${text}\n`);
    }
    return outcome.problems ? 1 : 0;
  } catch (e) {
    if (e instanceof FleethubError) {
      io.stderr(`fleethub ${cmd.name}: ${e.message}\n`);
      return 2;
    }
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`fleethub ${cmd.name}: ${(e as Error).message}\n\n${cmd.usage}\n`);
      return 2;
    }
    io.stderr(`fleethub ${cmd.name}: internal error: ${(e as Error).message ?? String(e)}\n`);
    if (io.env.FLEETHUB_DEBUG) io.stderr(`${(e as Error).stack ?? ''}\n`);
    else io.stderr('(set FLEETHUB_DEBUG=1 to see the stack trace, and please report it)\n');
    return 2;
  }
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
