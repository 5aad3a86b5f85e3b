/**
 * An outbox file that exists but is not a valid outbox — empty, garbage, a
 * SQLite database without the outbox's tables, a directory — is an error that
 * names the file and what to do, from every command that opens it; it is
 * never replaced (it may be the only copy of pending events). A malformed
 * relay redo log is moved aside and the events relayed from the outbox.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { smallFleet } from '../scripts/git-server/fleetUpstream.js';
import { openOutbox } from '../src/outbox/openOutbox.js';
import { cliInProcess, fleetMaker } from './helpers/fleet.js';

const { fleet, cleanup } = fleetMaker();
after(cleanup);

const DAMAGE: Record<string, { make: (path: string) => void; says: RegExp }> = {
  'an empty (0-byte) file': { make: (p) => writeFileSync(p, ''), says: /an empty file \(0 bytes\)/ },
  garbage: { make: (p) => writeFileSync(p, 'garbage, not SQLite '.repeat(300)), says: /cannot be read \(file is not a database\)/ },
  'a SQLite database without the outbox tables': {
    make: (p) => {
      const db = new Database(p);
      db.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
      db.close();
    },
    says: /a SQLite database, but not an outbox: no meta or events table/,
  },
  'a directory': { make: (p) => mkdirSync(p), says: /a directory, not a file/ },
};

const snapshot = (p: string): string => (statSync(p).isDirectory() ? 'dir' : createHash('sha256').update(readFileSync(p)).digest('hex'));

describe('a damaged outbox is an error, never replaced', () => {
  for (const [what, { make, says }] of Object.entries(DAMAGE)) {
    it(what, async () => {
      const root = fleet(smallFleet());
      mkdirSync(join(root, '.fleethub'));
      const path = join(root, '.fleethub/outbox.sqlite');
      make(path);
      const before = snapshot(path);
      for (const args of [['outbox', 'list'], ['task', 'done', 'WP', 'T01'], ['relay'], ['status']]) {
        const r = await cliInProcess([...args, '--root', root]);
        if (args[0] === 'status') {
          // status reports on the fleet; it must not say the outbox is empty
          assert.doesNotMatch(r.stdout, /Outbox: 0 pending/, `${args.join(' ')}: ${r.stdout}`);
          continue;
        }
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, /the outbox \S*\.fleethub\/outbox\.sqlite /, r.stderr);
        assert.match(r.stderr, says, r.stderr);
        assert.match(r.stderr, /fleethub will not replace it: move it aside/);
        assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
      }
      assert.equal(snapshot(path), before, 'left exactly as it was');
      assert.doesNotMatch(readFileSync(join(root, 'workplans/WP.md'), 'utf8'), /\[x\] T01/, 'nothing applied');
    });
  }

  it('a missing outbox is created on first use, whole', async () => {
    const root = fleet(smallFleet());
    assert.equal(openOutbox(root, { create: false }), null);
    const r = await cliInProcess(['task', 'done', 'WP', 'T01', '--queue', '--root', root]);
    assert.equal(r.code, 0, r.stderr);
    const o = openOutbox(root);
    try {
      assert.equal(o.counts().pending, 1);
    } finally {
      o.close();
    }
  });
});

describe('a malformed .fleethub/relay.redo.json', () => {
  const LOGS: Record<string, string> = {
    'a log whose applied is not a list': '{"applied": 5, "dead": [], "changes": {}}',
    'a log that does not parse': '{"applied": ["01',
    'a log that writes outside the repository': '{"applied": [], "dead": [], "changes": {"../escaped.md": "x"}}',
  };
  for (const [what, text] of Object.entries(LOGS)) {
    it(`${what}: moved aside, the pending events relayed from the outbox, later relays fine`, async () => {
      const root = fleet(smallFleet());
      assert.equal((await cliInProcess(['task', 'done', 'WP', 'T01', '--queue', '--root', root])).code, 0);
      writeFileSync(join(root, '.fleethub/relay.redo.json'), text);
      const r = await cliInProcess(['relay', '--root', root]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /warning: \S*relay\.redo\.json was not a valid redo log \(.+\); moved aside to \S*relay\.redo\.json\.invalid, the events are relayed from the outbox/);
      assert.match(r.stdout, /relayed 1 event\(s\) to the working tree/);
      assert.match(readFileSync(join(root, 'workplans/WP.md'), 'utf8'), /- \[x\] T01 First/);
      assert.equal(readFileSync(join(root, '.fleethub/relay.redo.json.invalid'), 'utf8'), text, 'kept for a look');
      assert.ok(!existsSync(join(root, '..', 'escaped.md')));
      const again = await cliInProcess(['relay', '--root', root]);
      assert.equal(again.code, 0, again.stdout + again.stderr);
      assert.match(again.stdout, /nothing to relay/);
    });
  }
});
