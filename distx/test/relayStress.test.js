/**
 * The kill -9 stress of the outbox and the relay, small enough for CI (the
 * full one: `npm run stress -- --trials 200`): appends and relays killed with
 * SIGKILL at random points, then a relay to completion, lands each event
 * exactly once.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runRelayStress } from '../scripts/relay-stress/runRelayStress.js';
const TRIALS = 10;
it(`lands each event exactly once after kill -9 during append and relay (${TRIALS} trials)`, { timeout: 240_000 }, async () => {
    const log = [];
    const report = await runRelayStress({ trials: TRIALS, seed: 5, log: (line) => log.push(line) });
    const context = `\n${log.join('\n')}\n${report.examples.join('\n')}`;
    assert.equal(report.duplicates, 0, `duplicates${context}`);
    assert.equal(report.lost, 0, `losses${context}`);
    assert.equal(report.phantoms, 0, `phantoms${context}`);
    assert.equal(report.unsettled, 0, `unsettled${context}`);
    assert.equal(report.relayErrors, 0, `relay errors${context}`);
    assert.deepEqual(report.failedTrials, []);
    // The kills counted interrupted running processes (they died of SIGKILL), in both phases.
    assert.ok(report.kills.append > 0, `no append was interrupted${context}`);
    const relayKills = Object.entries(report.kills).filter(([phase]) => phase.startsWith('relay:')).reduce((n, [, k]) => n + k, 0);
    assert.ok(relayKills > 0, `no relay was interrupted${context}`);
    assert.ok(report.appended > 0 && report.landed === report.appended, `${report.landed} landed of ${report.appended}${context}`);
});
//# sourceMappingURL=relayStress.test.js.map