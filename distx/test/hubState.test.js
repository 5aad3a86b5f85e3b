/** The hub's state (revisions, the changes kept for replay) and its refresher (one evaluation at a time, requests folded), in memory. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hubRefresher } from '../src/hub/hubRefresher.js';
import { hubState } from '../src/hub/hubState.js';
import { applyHubChange } from '../src/hub/applyHubChange.js';
const ev = (sections) => ({ generatedAt: '2026-12-01T00:00:00.000Z', sections });
describe('hub state', () => {
    it('a new revision only when a section changed, carrying only the changed sections', () => {
        const s = hubState(1000);
        assert.equal(s.snapshot(), null);
        assert.deepEqual(s.publish(ev({ a: 1, b: [1] })), { revision: 1000, sections: { a: 1, b: [1] } });
        assert.equal(s.publish(ev({ a: 1, b: [1] })), null);
        assert.equal(s.snapshot().revision, 1000);
        assert.deepEqual(s.publish(ev({ a: 2, b: [1] })), { revision: 1001, sections: { a: 2 } });
        assert.deepEqual(s.publish(ev({ a: 2 })), { revision: 1002, sections: { b: null } });
    });
    it('textOf(change) is JSON.stringify(change): the latest change composed from the compared texts (sections changed, handed on unchanged, removed), an older one serialised', () => {
        const section = fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.constant('same'));
        fc.assert(fc.property(fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c d', 'é"'), section), { minLength: 1, maxLength: 12 }), (steps) => {
            const s = hubState(1);
            const changes = [];
            for (const step of steps) {
                const previous = s.snapshot()?.sections ?? {};
                // 'same': the very object published before (a first phase hands sections on so), else a fresh value.
                const sections = Object.fromEntries(Object.entries(step).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v === 'same' && k in previous ? previous[k] : v]));
                const change = s.publish(ev(sections));
                if (!change)
                    continue;
                assert.equal(s.textOf(change), JSON.stringify(change));
                changes.push(change);
            }
            for (const c of changes)
                assert.equal(s.textOf(c), JSON.stringify(c));
        }));
    });
    it('since(r): the changes after r in order; [] when current; null when too old, unknown or from the future; kept by bytes (the latest always)', () => {
        fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 400 }), (values, keepBytes) => {
            const s = hubState(500, keepBytes);
            const changes = values.map((v, i) => s.publish(ev({ a: v, i })));
            const last = changes[changes.length - 1].revision;
            assert.deepEqual(s.since(last), []);
            assert.equal(s.since(last + 1), null);
            assert.equal(s.since(1.5), null);
            // The longest run of latest changes whose JSON adds up to at most keepBytes, at least one.
            let kept = 1;
            for (let bytes = JSON.stringify(changes[changes.length - 1]).length; kept < changes.length; kept++) {
                bytes += JSON.stringify(changes[changes.length - 1 - kept]).length;
                if (bytes > keepBytes)
                    break;
            }
            const first = changes[changes.length - kept].revision;
            for (let r = 499; r < last; r++) {
                const got = s.since(r);
                if (r < first - 1)
                    assert.equal(got, null, `revision ${r}`);
                else
                    assert.deepEqual(got, changes.filter((c) => c.revision > r), `revision ${r}`);
            }
        }));
    });
    it('a list of items with distinct ids changes by item: only the changed items, the order when ids came, went or moved', () => {
        const s = hubState(1);
        const a = { id: 'A', n: 1 };
        const b = { id: 'B', n: 1 };
        s.publish(ev({ wp: [a, b], x: 1 }));
        assert.deepEqual(s.publish(ev({ wp: [a, { id: 'B', n: 2 }], x: 1 })), { revision: 2, sections: {}, items: { wp: { changed: [{ id: 'B', n: 2 }] } } });
        assert.equal(s.publish(ev({ wp: [{ id: 'A', n: 1 }, { id: 'B', n: 2 }], x: 1 })), null, 'equal items, new objects: no change');
        assert.deepEqual(s.publish(ev({ wp: [{ id: 'B', n: 2 }, { id: 'C', n: 0 }], x: 1 })), { revision: 3, sections: {}, items: { wp: { changed: [{ id: 'C', n: 0 }], order: ['B', 'C'] } } });
        assert.deepEqual(s.publish(ev({ wp: [], x: 1 })), { revision: 4, sections: { wp: [] } }, 'an empty list is whole');
    });
    it('applyHubChange(sections before, change) is the snapshot after, for any run of changes (whole sections, lists by item, removed sections)', () => {
        const item = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), v: fc.jsonValue() });
        const list = fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 4 });
        const section = fc.oneof(fc.constant(undefined), fc.jsonValue(), list, list);
        fc.assert(fc.property(fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c'), section), { minLength: 1, maxLength: 12 }), (steps) => {
            const s = hubState(1);
            let held = {};
            for (const step of steps) {
                // A section's value is never null (null in a change: the section went away).
                const change = s.publish(ev(Object.fromEntries(Object.entries(step).filter(([, v]) => v !== undefined && v !== null))));
                if (!change)
                    continue;
                // What a client holds: the JSON it was sent.
                held = applyHubChange(held, JSON.parse(s.textOf(change)));
                assert.deepEqual(held, JSON.parse(JSON.stringify(s.snapshot().sections)));
            }
        }));
    });
    it('tells every subscriber, until it unsubscribes', () => {
        const s = hubState(1);
        const seen = [];
        const off = s.subscribe((c) => seen.push(c.revision));
        s.publish(ev({ a: 1 }));
        off();
        s.publish(ev({ a: 2 }));
        assert.deepEqual(seen, [1]);
    });
});
describe('hub refresher', () => {
    it('runs one evaluation at a time and folds the requests that arrive meanwhile into the next one', async () => {
        const calls = [];
        let release = null;
        const r = hubRefresher(hubState(1), async (req) => {
            calls.push(req);
            await new Promise((done) => (release = done));
            return ev({ n: calls.length });
        }, false, (e) => assert.fail(String(e)));
        const first = r.request({ paths: ['a.md'] });
        const second = r.request({ paths: ['b.md'] });
        const third = r.request({ paths: ['c.md'], probe: true });
        release();
        await first;
        await new Promise((t) => setTimeout(t, 0));
        release();
        await Promise.all([second, third]);
        assert.deepEqual(calls, [
            { paths: ['a.md'], probe: false, allowRemote: false },
            { paths: ['b.md', 'c.md'], probe: true, allowRemote: false },
        ]);
        const full = r.request({ paths: ['d.md'] });
        r.request({ full: true });
        await new Promise((t) => setTimeout(t, 0));
        release();
        await full;
        await new Promise((t) => setTimeout(t, 0));
        release();
        await r.idle();
        assert.deepEqual(calls.slice(2), [{ paths: ['d.md'], probe: false, allowRemote: false }, { probe: false, allowRemote: false }]);
    });
    it('a failed evaluation is reported and the next request runs', async () => {
        const errors = [];
        let n = 0;
        const state = hubState(1);
        const r = hubRefresher(state, async () => {
            if (++n === 1)
                throw new Error('broken file');
            return ev({ ok: true });
        }, false, (e) => errors.push(e));
        await r.request({ full: true });
        await r.request({ full: true });
        assert.equal(errors.length, 1);
        assert.deepEqual(state.snapshot().sections, { ok: true });
    });
});
//# sourceMappingURL=hubState.test.js.map