/**
 * One relay at a time per outbox. The lock is an open write transaction on a
 * small SQLite file (`.fleethub/relay.lock`): the operating system releases it
 * when the holder exits in any way, `kill -9` included, so a crashed relay
 * never leaves a stale lock behind, and no process id needs checking.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensureStateDir, STATE_DIR } from '../repo/ensureStateDir.js';
import { RelayBusyError } from '../errors.js';
export function acquireRelayLock(root) {
    ensureStateDir(root);
    const path = join(root, STATE_DIR, 'relay.lock');
    const db = new Database(path);
    try {
        db.pragma('busy_timeout = 0');
        db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER)');
        db.exec('BEGIN IMMEDIATE');
    }
    catch (e) {
        db.close();
        if (e.code === 'SQLITE_BUSY')
            throw new RelayBusyError(path);
        throw e;
    }
    return {
        release() {
            if (!db.open)
                return;
            db.exec('ROLLBACK');
            db.close();
        },
    };
}
//# sourceMappingURL=relayLock.js.map