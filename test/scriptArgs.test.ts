/**
 * The scripts' command lines (scripts/scriptArgs.ts), run as a user runs
 * them: a real node process per case, each stopped by its command line before
 * it does any work. Bad input is a usage error (exit 2, what is wrong and the
 * usage, no stack trace), `--help` the usage (exit 0).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO } from './helpers/fleet.js';

const script = (name: string, ...args: string[]) => spawnSync(process.execPath, [join(REPO, 'dist/scripts', `${name}.js`), ...args], { encoding: 'utf8', timeout: 20_000 });

test('an unknown option is a usage error in every script that takes options, never a stack trace', () => {
  for (const name of ['bench', 'bench-diff', 'bench-trust', 'bench-agent', 'bench-hub-page', 'bench-startup', 'bench-rollout', 'bench-hub', 'gen-fleet', 'run-workflow', 'relay-stress']) {
    const r = script(name, '--nodez', '5');
    assert.equal(r.status, 2, `${name}: ${r.stderr}`);
    assert.match(r.stderr, /Unknown option '--nodez'/, name);
    assert.match(r.stderr, /usage: /, name);
    assert.doesNotMatch(r.stderr, /\n\s+at /, `${name} printed a stack trace`);
    assert.equal(r.stdout, '', name);
  }
});

test('a count that is not a whole number is named, not read as NaN', () => {
  for (const [name, args, option] of [
    ['bench-diff', ['--nodes', 'abc'], 'nodes'],
    ['bench', ['--runs', '0'], 'runs'],
    ['gen-fleet', ['/nonexistent-dir', '--workloads', '1.5'], 'workloads'],
    ['relay-stress', ['--trials=-3'], 'trials'],
  ] as const) {
    const r = script(name, ...args);
    assert.equal(r.status, 2, `${name}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`--${option} must be a whole number of at least \\d, got '${args.at(-1)!.replace(/^--\w+=/, '').replace('.', '\\.')}'`), name);
  }
});

test('--help prints the usage on stdout and exits 0', () => {
  for (const name of ['bench', 'bench-diff', 'gen-fleet', 'relay-stress']) {
    const r = script(name, '--help');
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.match(r.stdout, /^usage: /, name);
  }
});
