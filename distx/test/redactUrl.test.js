/** The one redaction of upstream addresses, against a table of URL shapes, and what parseRemote hands each transport. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRemote } from '../src/relay/parseRemote.js';
import { redactUrl } from '../src/relay/redactUrl.js';
const TABLE = [
    ['https://host.invalid/org/fleet.git', 'https://host.invalid/org/fleet.git'],
    ['http://user:secret@host.invalid/fleet.git', 'http://host.invalid/fleet.git'],
    ['HTTP://u:secret@host.invalid/fleet.git', 'HTTP://host.invalid/fleet.git'],
    ['HtTpS://u:secret@host.invalid:8443/fleet.git', 'HtTpS://host.invalid:8443/fleet.git'],
    ['https://ghp_secret@github.invalid/org/fleet.git', 'https://github.invalid/org/fleet.git'],
    ['https://user:p@ss@w0rd-secret@host.invalid/fleet.git', 'https://host.invalid/fleet.git'],
    ['https://user:p%40ss%3Asecret@host.invalid/fleet.git', 'https://host.invalid/fleet.git'],
    ['https://user:pa?ss#secret@host.invalid/fleet.git', 'https://host.invalid/fleet.git'],
    ['http://u:secret@[::1]:8080/fleet.git', 'http://[::1]:8080/fleet.git'],
    ['http://[fe80::1%25eth0]/fleet.git', 'http://[fe80::1%25eth0]/fleet.git'],
    ['https://host.invalid/fleet.git?access_token=secret&x=1', 'https://host.invalid/fleet.git?access_token=***&x=***'],
    ['https://host.invalid?private_token=secret', 'https://host.invalid?private_token=***'],
    ['ssh://user:secret@host.invalid/srv/fleet.git', 'ssh://user@host.invalid/srv/fleet.git'],
    ['SSH://git@host.invalid:2222/srv/fleet.git', 'SSH://git@host.invalid:2222/srv/fleet.git'],
    ['ssh://git@[::1]/srv/fleet.git', 'ssh://git@[::1]/srv/fleet.git'],
    ['git+ssh://u:secret@host.invalid/fleet.git', 'git+ssh://u@host.invalid/fleet.git'],
    ['git://u:secret@host.invalid/fleet.git', 'git://host.invalid/fleet.git'],
    ['ftp://u:secret@host.invalid/fleet.git', 'ftp://host.invalid/fleet.git'],
    ['git@host.invalid:org/fleet.git', 'git@host.invalid:org/fleet.git'],
    ['user:secret@host.invalid:org/fleet.git', 'host.invalid:org/fleet.git'],
    ['host.invalid:org/fleet.git', 'host.invalid:org/fleet.git'],
    ['/srv/fleet.git', '/srv/fleet.git'],
    ['file:///srv/fleet.git', 'file:///srv/fleet.git'],
    ['../fleet.git', '../fleet.git'],
];
describe('redactUrl', () => {
    for (const [url, shown] of TABLE) {
        it(`${url} → ${shown}`, () => {
            assert.equal(redactUrl(url), shown);
            assert.ok(!redactUrl(url).includes('secret'));
        });
    }
});
describe('parseRemote', () => {
    it('takes HTTP credentials out of the URL (percent-decoded), into memory', () => {
        assert.deepEqual(parseRemote('HTTPS://user:p%40ss@host.invalid/fleet.git', '/repo'), { transport: 'http', url: 'https://host.invalid/fleet.git', shown: 'HTTPS://host.invalid/fleet.git', username: 'user', password: 'p@ss' });
        assert.deepEqual(parseRemote('http://u:p@ss@[::1]:8080/f.git', '/repo'), { transport: 'http', url: 'http://[::1]:8080/f.git', shown: 'http://[::1]:8080/f.git', username: 'u', password: 'p@ss' });
    });
    it('routes ssh, scp-like, git://, file:// and local paths to the system git, without a password', () => {
        const to = (url) => parseRemote(url, '/repo');
        assert.deepEqual(to('ssh://git:pw@host.invalid/srv/f.git'), { transport: 'system-git', url: 'ssh://git@host.invalid/srv/f.git', shown: 'ssh://git@host.invalid/srv/f.git', username: null, password: null });
        assert.equal(to('git@host.invalid:org/f.git')?.url, 'git@host.invalid:org/f.git');
        assert.equal(to('u:pw@host.invalid:org/f.git')?.url, 'u@host.invalid:org/f.git');
        assert.equal(to('git://host.invalid/f.git')?.transport, 'system-git');
        assert.equal(to('file:///srv/f.git')?.transport, 'system-git');
        assert.equal(to('/srv/f.git')?.url, '/srv/f.git');
        assert.equal(to('../up/f.git')?.url, '/up/f.git');
        assert.equal(to('./a:b/f.git')?.url, '/repo/a:b/f.git', 'a / before the : is a local path');
        assert.equal(to('ftp://host.invalid/f.git'), null);
    });
});
//# sourceMappingURL=redactUrl.test.js.map