/**
 * Splits argv into the command, its options and its positionals. Global
 * options may come before or after the command (`fleethub --root x validate`,
 * `fleethub validate --root x`); anything after `--` is a positional. Unknown
 * options and commands are our own errors, with the closest name suggested,
 * not node's raw ERR_PARSE_ARGS text. Pure: it sees only the commands' specs.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UnknownCommandError, UnknownOptionError, UsageError } from '../errors.js';
import type { Args, CommandSpec } from './command.js';
import { didYouMean } from '../records/didYouMean.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export const GLOBAL_OPTIONS: Options = {
  root: { type: 'string' },
  format: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
};

export type CommandLine =
  /** Print the top-level usage (`command` undefined) or a command's; `missing`: no command was given (exit 2). */
  | { kind: 'help'; command?: CommandSpec; missing: boolean }
  | { kind: 'version' }
  | ({ kind: 'run'; command: CommandSpec } & Args);

export function parseCommandLine(argv: readonly string[], specs: readonly CommandSpec[]): CommandLine {
  const end = argv.indexOf('--');
  const at = commandIndex(end === -1 ? argv : argv.slice(0, end));
  if (at === -1) {
    const { values } = parseStrictly([...argv], GLOBAL_OPTIONS, null);
    if (values.version) return { kind: 'version' };
    return { kind: 'help', missing: !values.help };
  }
  const name = argv[at]!;
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (name === 'help') {
    const { positionals } = parseStrictly(rest, GLOBAL_OPTIONS, null);
    if (positionals.length === 0) return { kind: 'help', missing: false };
    return { kind: 'help', command: find(positionals[0]!, specs), missing: false };
  }
  const command = find(name, specs);
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const quick = parseArgs({ args: rest, options, strict: false, allowPositionals: true });
  if (quick.values.help === true) return { kind: 'help', command, missing: false };
  const { values, positionals } = parseStrictly(rest, options, command.name);
  if (values.version) return { kind: 'version' };
  if (command.noArguments && positionals.length > 0) throw new UsageError(`${command.name} takes no arguments (got '${positionals[0]}'); 'fleethub ${command.name} --help' lists its options`, { argument: positionals[0] });
  return { kind: 'run', command, values, positionals };
}

function find(name: string, specs: readonly CommandSpec[]): CommandSpec {
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new UnknownCommandError(name, didYouMean(name, [...specs.map((s) => s.name), 'help']));
  return spec;
}

/**
 * Where the command word is: the first token that is neither an option nor a
 * global option's value. Before the command only global options are known
 * (a command's own options go after it).
 */
function commandIndex(head: readonly string[]): number {
  for (let i = 0; i < head.length; i++) {
    const t = head[i]!;
    if (!t.startsWith('-') || t === '-') return i;
    const name = t.startsWith('--') ? t.slice(2).split('=')[0]! : t.slice(1);
    const def = t.startsWith('--') ? GLOBAL_OPTIONS[name] : Object.values(GLOBAL_OPTIONS).find((o) => o.short === name) ? { type: 'boolean' } : undefined;
    if (!def) throw new UnknownOptionError(t.split('=')[0]!, null, didYouMean(t.split('=')[0]!, Object.keys(GLOBAL_OPTIONS).map((k) => `--${k}`)));
    if (def.type === 'string' && !t.includes('=')) i++;
  }
  return -1;
}

function parseStrictly(args: string[], options: Options, command: string | null): Args {
  const { values, positionals, tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const longNames = Object.keys(options).map((k) => `--${k}`);
  const seen = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const def = options[t.name];
    if (!def || (t.rawName.length === 2 && def.short !== t.rawName[1])) throw new UnknownOptionError(t.rawName, command, didYouMean(t.rawName, longNames));
    // An option that takes one value, given twice, would silently take the last: say so instead.
    const earlier = seen.get(t.name);
    if (earlier !== undefined && !def.multiple) throw new UsageError(`--${t.name} is given twice (${earlier} and ${t.rawName}${t.value !== undefined ? ` ${t.value}` : ''}); give it once`, { option: `--${t.name}` });
    seen.set(t.name, `${t.rawName}${t.value !== undefined ? ` ${t.value}` : ''}`);
    if (def.type === 'string') {
      if (t.value === undefined) throw new UsageError(`${t.rawName} needs a value`, { option: t.rawName });
      if (!t.inlineValue && t.value.startsWith('-') && t.value !== '-') {
        throw new UsageError(`${t.rawName} needs a value, not the option ${t.value} (write ${t.rawName}=${t.value} if that is the value)`, { option: t.rawName });
      }
    } else if (t.inlineValue) throw new UsageError(`${t.rawName} takes no value`, { option: t.rawName });
  }
  return { values: values as Args['values'], positionals };
}
