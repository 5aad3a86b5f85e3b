#!/usr/bin/env node
// The fleethub command. The program is compiled TypeScript in dist/ (npm run build).
import { getEventListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('fleethub: not built yet; run `npm install` (or `npm run build`) in the fleethub checkout\n');
  process.exit(2);
}
// A closed pipe (fleethub status | head) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
// Ctrl-C / SIGTERM: a command that listens (relay --watch) stops cleanly; any other ends at once, as without a
// handler (exit 128 + the signal's number; 'exit' listeners kill the query/check processes). No user SQL runs on
// this thread (queries and checks run in a child process, check SQL compiles in one), so the handler always runs.
const interrupt = new AbortController();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (interrupt.signal.aborted || getEventListeners(interrupt.signal, 'abort').length === 0) process.exit(128 + constants.signals[sig]);
    interrupt.abort();
  });
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  ...(process.stdout.isTTY ? { stdoutColumns: process.stdout.columns } : {}),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  signal: interrupt.signal,
  // A yes/no question for the person at the terminal (fleethub trust pin); absent without one.
  ...(process.stdin.isTTY && process.stderr.isTTY
    ? {
        confirm: async (question) => {
          const { createInterface } = await import('node:readline/promises');
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          try {
            return /^y(es)?$/i.test((await rl.question(question)).trim());
          } finally {
            rl.close();
          }
        },
      }
    : {}),
});
