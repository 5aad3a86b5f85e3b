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
import { parseArgs } from 'node:util';
import { runRelayStress } from './relay-stress/runRelayStress.js';
const { values } = parseArgs({ options: { trials: { type: 'string', default: '200' }, seed: { type: 'string' } } });
const trials = Number(values.trials);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (!Number.isInteger(trials) || trials < 1 || (seed !== undefined && !Number.isInteger(seed))) {
    process.stderr.write('usage: relay-stress [--trials N] [--seed N]\n');
    process.exit(2);
}
const report = await runRelayStress({ trials, ...(seed === undefined ? {} : { seed }), log: (line) => process.stdout.write(`${line}\n`) });
const kills = Object.entries(report.kills).map(([phase, n]) => `${phase} ${n}`).join(', ');
const failed = report.duplicates + report.lost + report.phantoms + report.unsettled + report.relayErrors > 0;
process.stdout.write([
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
].join('\n'));
process.exitCode = failed ? 1 : 0;
//# sourceMappingURL=relay-stress.js.map