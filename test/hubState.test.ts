/** The hub's state (revisions, the changes kept for replay) and its refresher (one evaluation at a time, requests folded), in memory. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { HubEvaluationRequest } from '../src/hub/evaluateHub.js';
import { hubRefresher } from '../src/hub/hubRefresher.js';
import { hubState } from '../src/hub/hubState.js';

const ev = (sections: Record<string, unknown>) => ({ generatedAt: '2026-12-01T00:00:00.000Z', sections });

describe('hub state', () => {
  it('a new revision only when a section changed, carrying only the changed sections', () => {
    const s = hubState(1000);
    assert.equal(s.snapshot(), null);
    assert.deepEqual(s.publish(ev({ a: 1, b: [1] })), { revision: 1000, sections: { a: 1, b: [1] } });
    assert.equal(s.publish(ev({ a: 1, b: [1] })), null);
    assert.equal(s.snapshot()!.revision, 1000);
    assert.deepEqual(s.publish(ev({ a: 2, b: [1] })), { revision: 1001, sections: { a: 2 } });
    assert.deepEqual(s.publish(ev({ a: 2 })), { revision: 1002, sections: { b: null } });
  });

  it('textOf(change) is JSON.stringify(change): the latest change composed from the compared texts (sections changed, handed on unchanged, removed), an older one serialised', () => {
    const section = fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.constant('same'));
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c d', 'é"'), section), { minLength: 1, maxLength: 12 }), (steps) => {
        const s = hubState(1);
        const changes = [];
        for (const step of steps) {
          const previous = s.snapshot()?.sections ?? {};
          // 'same': the very object published before (a first phase hands sections on so), else a fresh value.
          const sections = Object.fromEntries(Object.entries(step).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v === 'same' && k in previous ? previous[k] : v]));
          const change = s.publish(ev(sections));
          if (!change) continue;
          assert.equal(s.textOf(change), JSON.stringify(change));
          changes.push(change);
        }
        for (const c of changes) assert.equal(s.textOf(c), JSON.stringify(c));
      }),
    );
  });

  it('since(r): the changes after r in order; [] when current; null when too old, unknown or from the future', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 10 }), (values, keep) => {
        const s = hubState(500, keep);
        const changes = values.map((v, i) => s.publish(ev({ a: v, i }))!);
        const last = changes[changes.length - 1]!.revision;
        assert.deepEqual(s.since(last), []);
        assert.equal(s.since(last + 1), null);
        assert.equal(s.since(1.5), null);
        for (let r = 499; r < last; r++) {
          const got = s.since(r);
          const kept = changes.slice(-keep);
          if (r < kept[0]!.revision - 1) assert.equal(got, null, `revision ${r}`);
          else assert.deepEqual(got, changes.filter((c) => c.revision > r), `revision ${r}`);
        }
      }),
    );
  });

  it('tells every subscriber, until it unsubscribes', () => {
    const s = hubState(1);
    const seen: number[] = [];
    const off = s.subscribe((c) => seen.push(c.revision));
    s.publish(ev({ a: 1 }));
    off();
    s.publish(ev({ a: 2 }));
    assert.deepEqual(seen, [1]);
  });
});

describe('hub refresher', () => {
  it('runs one evaluation at a time and folds the requests that arrive meanwhile into the next one', async () => {
    const calls: HubEvaluationRequest[] = [];
    let release: (() => void) | null = null;
    const r = hubRefresher(hubState(1), async (req) => {
      calls.push(req);
      await new Promise<void>((done) => (release = done));
      return ev({ n: calls.length });
    }, false, (e) => assert.fail(String(e)));
    const first = r.request({ paths: ['a.md'] });
    const second = r.request({ paths: ['b.md'] });
    const third = r.request({ paths: ['c.md'], probe: true });
    release!();
    await first;
    await new Promise((t) => setTimeout(t, 0));
    release!();
    await Promise.all([second, third]);
    assert.deepEqual(calls, [
      { paths: ['a.md'], probe: false, allowRemote: false },
      { paths: ['b.md', 'c.md'], probe: true, allowRemote: false },
    ]);
    const full = r.request({ paths: ['d.md'] });
    r.request({ full: true });
    await new Promise((t) => setTimeout(t, 0));
    release!();
    await full;
    await new Promise((t) => setTimeout(t, 0));
    release!();
    await r.idle();
    assert.deepEqual(calls.slice(2), [{ paths: ['d.md'], probe: false, allowRemote: false }, { probe: false, allowRemote: false }]);
  });

  it('a failed evaluation is reported and the next request runs', async () => {
    const errors: unknown[] = [];
    let n = 0;
    const state = hubState(1);
    const r = hubRefresher(state, async () => {
      if (++n === 1) throw new Error('broken file');
      return ev({ ok: true });
    }, false, (e) => errors.push(e));
    await r.request({ full: true });
    await r.request({ full: true });
    assert.equal(errors.length, 1);
    assert.deepEqual(state.snapshot()!.sections, { ok: true });
  });
});
