/**
 * Findings from reviewing src/trust and the trust commands while writing
 * docs/trust.md, each what issue 11 asks: a schema-invalid intent is refused,
 * never left out; the ratchet keeps the highest version found in Git history.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { CACHE_DDL } from '../src/cache/cacheSchema.js';
import { readFleetTrust, RATCHET_FILE } from '../src/trust/readFleetTrust.js';
import { cliInProcess, copyExampleFleet, REPO, removeDir } from './helpers/fleet.js';
const PIN = join(REPO, 'test', 'fixtures', 'keys', 'trust-root.json');
const RM_KEY = join(REPO, 'test', 'fixtures', 'keys', 'release-manager-2026a.pem');
describe('trust review', () => {
    it('an intent the schema refuses is reported refused by intent verify, not left out', async () => {
        const dir = copyExampleFleet();
        try {
            const env = { FLEETHUB_TRUST_ROOT: PIN };
            const signed = await cliInProcess(['intent', 'sign', 'rap-node-agent-0.2.332-usa-ifcm', '--key', RM_KEY], { cwd: dir, env });
            assert.equal(signed.code, 0, signed.stderr);
            const file = join(dir, 'registry', 'intents', 'rap-node-agent-0.2.332-home-test.md');
            writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: 1$/m, 'version: 1\nsurprise: widened'));
            const r = await cliInProcess(['intent', 'verify', '--format', 'json'], { cwd: dir, env });
            const ids = r.json().intents.map((i) => i.id);
            assert.ok(ids.includes('rap-node-agent-0.2.332-home-test'), `verdicts only for ${ids.join(', ')}`);
            assert.equal(r.code, 1);
        }
        finally {
            removeDir(dir);
        }
    });
    it('the ratchet keeps the highest version found in Git history, not only the file as it is', () => {
        const db = new Database(':memory:');
        db.exec(CACHE_DDL);
        const history = JSON.stringify({ intents: { 'some-intent': { version: 3, digest: 'ab'.repeat(32) } } });
        const io = {
            readText: () => null,
            fileVersions: (path) => (path === RATCHET_FILE ? { available: true, versions: [{ commit: 'c'.repeat(40), text: history }] } : { available: true, versions: [] }),
            env: {},
            readAbsolute: () => null,
            head: () => null,
        };
        const input = readFleetTrust(db, io, new Date('2026-12-01T00:00:00Z'));
        assert.equal(input.ratchet.get('some-intent')?.version, 3);
    });
});
//# sourceMappingURL=trustReview.test.js.map