/**
 * One relay at a time per outbox, and a lock that a crash cannot leave behind:
 * the holder is a real process, killed with SIGKILL while it holds the lock.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { RelayBusyError } from '../src/errors.js';
import { acquireRelayLock } from '../src/relay/relayLock.js';
import { REPO, removeDir, tempDir } from './helpers/fleet.js';
const dirs = [];
after(() => dirs.forEach(removeDir));
describe('the relay lock', () => {
    it('refuses a second holder until the first releases it', () => {
        const root = tempDir();
        dirs.push(root);
        const first = acquireRelayLock(root);
        assert.throws(() => acquireRelayLock(root), (e) => e instanceof RelayBusyError && /another relay is running/.test(e.message));
        first.release();
        acquireRelayLock(root).release();
    });
    it('is released by the operating system when its holder is killed with SIGKILL', async () => {
        const root = tempDir();
        dirs.push(root);
        const lockModule = new URL('../src/relay/relayLock.js', import.meta.url).href;
        const holder = spawn(process.execPath, ['--input-type=module', '-e', `const { acquireRelayLock } = await import(${JSON.stringify(lockModule)}); acquireRelayLock(${JSON.stringify(root)}); console.log('held'); setInterval(() => {}, 1000);`], { cwd: REPO });
        await new Promise((resolve, reject) => {
            holder.stdout.on('data', (b) => b.toString().includes('held') && resolve());
            holder.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
        });
        assert.throws(() => acquireRelayLock(root), RelayBusyError);
        const gone = new Promise((resolve) => holder.on('close', resolve));
        holder.kill('SIGKILL');
        await gone;
        acquireRelayLock(root).release();
    });
});
//# sourceMappingURL=relayLock.test.js.map