/**
 * The shape every CLI command has. A command gets its parsed arguments and a
 * context, and returns what to print; it never touches process, argv, stdout
 * or exit codes — main.ts alone does.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Style } from '../report/style.js';

export interface Context {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  style: Style;
  format: 'text' | 'json';
  /** --root, when given. */
  root?: string;
  /** A line for people while long-running work goes on (stderr); the outcome is still printed at the end. */
  log?(line: string): void;
  /** Aborted when the user interrupts (Ctrl-C, SIGTERM): long-running commands stop cleanly. */
  signal?: AbortSignal;
  /** A progress callback for long work; shows only when the work takes over a second and stderr is a terminal. */
  progress(label: string): (done: number, total: number) => void;
  /** Asks the person at the terminal a yes/no question; absent when nobody can answer (no TTY, CI). */
  confirm?(question: string): Promise<boolean>;
}

export interface Outcome {
  /** Human output (text format), rendered only when asked for. */
  text(): string;
  /** Machine output (json format), built only when asked for. */
  json?(): unknown;
  /** Problems found (validation errors, failed checks): exit code 1. */
  problems: boolean;
}

export interface Args {
  positionals: string[];
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
}

/** What main.ts needs to know about a command without loading it: help, options, whether it reads (JSON). */
export type CommandSpec = Pick<Command, 'name' | 'summary' | 'usage' | 'options' | 'reads' | 'formats' | 'noArguments'>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether --format json is accepted. */
  reads: boolean;
  /** Text formats besides text and json that --format accepts (the command reads args.values.format). */
  formats?: readonly string[];
  /** The command takes options only: the parser refuses any argument (exit 2), where it would be ignored. */
  noArguments?: true;
  run(args: Args, ctx: Context): Promise<Outcome>;
}
