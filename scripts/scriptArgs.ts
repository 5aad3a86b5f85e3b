/**
 * The command line of a script in scripts/ (node:util's parseArgs, with
 * `--help` added): `--help` prints the usage and exits 0; an unknown option,
 * a missing value, or a count that is not a whole number prints what is wrong
 * and the usage, and exits 2 — never a stack trace, never a silent default
 * (`Number('abc')` is NaN, and a benchmark of NaN nodes measures nothing).
 * Scripts only: the CLI has its own parser (src/cli/parseCommandLine.ts).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

function usageError(usage: string, message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

export function scriptArgs<T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs<T>(config);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS_')) usageError(usage, (e as Error).message);
    throw e;
  }
}

/** `value` as a whole number of at least `min` (`fallback` when the option was not given); otherwise a usage error naming `--<name>`. */
export function wholeNumber(usage: string, name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) usageError(usage, `--${name} must be a whole number of at least ${min}, got '${value}'`);
  return n;
}
