/**
 * The kill -9 stress of the outbox and the relay (issue 5).
 *
 *   npm run stress -- --trials 200 [--seed N]
 *   node dist/scripts/relay-stress.js --trials 200 [--seed N]
 *
 * Prints a line per trial and the figures; exits 1 on any duplicate, loss,
 * phantom event, unsettled outbox or failed relay (their trials' seeds and
 * directories are printed), 2 on a usage error.
 */
import { scriptArgs, wholeNumber } from './scriptArgs.js';
import { runRelayStress } from './relay-stress/runRelayStress.js';

const USAGE = 'usage: npm run stress -- [--trials 200] [--seed N]';
const { values } = scriptArgs(USAGE, { options: { trials: { type: 'string' }, seed: { type: 'string' } } });
const trials = wholeNumber(USAGE, 'trials', values.trials, 200);
const seed = values.seed === undefined ? undefined : wholeNumber(USAGE, 'seed', values.seed, 0, 0);
const report = await runRelayStress({ trials, ...(seed === undefined ? {} : { seed }), log: (line) => process.stdout.write(`${line}\n`) });
const kills = Object.entries(report.kills).map(([phase, n]) => `${phase} ${n}`).join(', ');
const failed = report.duplicates + report.lost + report.phantoms + report.unsettled + report.relayErrors > 0;
process.stdout.write(
  [
    '',
    `trials:            ${report.trials} (seed ${report.seed}) in ${(report.ms / 1000).toFixed(1)} s`,
    `kills:             ${Object.values(report.kills).reduce((a, b) => a + b, 0)} (${kills}); ${report.missed} planned kill(s) came after the process finished`,
    `events:            ${report.appended} appended, ${report.acknowledged} acknowledged, ${report.landed} landed; ${report.landedUnsettled} found landed but unsettled after a kill`,
    `duplicates:        ${report.duplicates}`,
    `lost:              ${report.lost}`,
    `phantoms:          ${report.phantoms}`,
    `unsettled:         ${report.unsettled}`,
    `relay errors:      ${report.relayErrors}`,
    ...report.examples.map((e) => `  ${e}`),
    ...report.failedTrials.map((f) => `  failed trial ${f.trial} (seed ${f.seed}): checkout ${f.checkout}, upstream ${f.upstream}`),
    failed ? 'FAILED' : 'ok: every event landed exactly once',
    '',
  ].join('\n'),
);
process.exitCode = failed ? 1 : 0;
