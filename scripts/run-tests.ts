/**
 * The test suite's runner (`npm test`): every dist/test/*.test.js, two files
 * at a time (the machines this runs on have two cores), the longest first.
 * `node --test` starts the files in name order, so the longest of them,
 * workflowRunner (~35 s), started last and ran alone for its last ~25 s;
 * started first, the others fill the second core meanwhile (longest
 * processing time first). A file missing from SLOWEST runs in name order
 * after them; a name in it that has no file is ignored, so the list only
 * ever costs time, never a test.
 *
 *   node dist/scripts/run-tests.js [<part of a file name>...]   (npm test -- relay hub)
 *
 * Exit code 1 when a test failed, as node --test.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

const TESTS = fileURLToPath(new URL('../test/', import.meta.url));

/** The files that take longest, longest first: wall time of each, measured in a whole run (`npm test`) on two cores. */
const SLOWEST = ['workflowRunner', 'agentRollout', 'relayStress', 'hubBrowser', 'agentKill', 'relay', 'sqlBounds', 'reconcile', 'freeze', 'rolloutReconcile', 'hostileCorpus', 'checks', 'hints', 'diffImpact', 'trustCommands', 'shardedProbe'];

function testOrder(files: readonly string[]): string[] {
  const rank = (f: string): number => {
    const i = SLOWEST.indexOf(f.replace(/\.test\.js$/, ''));
    return i < 0 ? SLOWEST.length : i;
  };
  return [...files].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

const filters = process.argv.slice(2);
const files = testOrder(readdirSync(TESTS).filter((f) => f.endsWith('.test.js') && (filters.length === 0 || filters.some((p) => f.includes(p)))));
if (files.length === 0) {
  process.stderr.write(`run-tests: no test file in ${TESTS} matches ${filters.join(', ')}\n`);
  process.exitCode = 2;
} else {
  const stream = run({ files: files.map((f) => join(TESTS, f)), concurrency: 2 });
  stream.on('test:fail', () => {
    process.exitCode = 1;
  });
  stream.compose(new spec()).pipe(process.stdout);
}
