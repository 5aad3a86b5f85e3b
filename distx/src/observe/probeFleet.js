import { performance } from 'node:perf_hooks';
import { isLoopback } from './isLoopback.js';
import { loopbackLookup } from './loopbackLookup.js';
import { parseHostPort } from './parseHostPort.js';
import { parseStatusDocument } from './parseStatusDocument.js';
import { probeHttp } from './probeHttp.js';
import { probeTcp } from './probeTcp.js';
/** setTimeout cannot wait longer than this; a longer deadline means none. */
const MAX_TIMER = 2 ** 31 - 1;
const failed = (t, error, ms = 0) => ({ type: t.type, target: t.target, ok: false, ms, error });
/** The host a target would contact, or undefined when the target cannot be read. */
function hostOf(t) {
    if (t.type === 'tcp')
        return parseHostPort(t.target)?.host;
    try {
        return new URL(t.target).hostname || undefined;
    }
    catch {
        return undefined;
    }
}
/** Runs one probe; `json` is the parsed body of a passing status probe. */
async function runProbe(t, timeoutMs, signal, lookup) {
    const extras = lookup ? { lookup } : {};
    if (t.type === 'tcp')
        return { result: await probeTcp(t.target, timeoutMs, signal, extras) };
    const { result, json } = await probeHttp(t.target, {
        timeoutMs, signal, readJson: t.type === 'status', ...extras,
        ...(t.expectStatus === undefined ? {} : { expectStatus: t.expectStatus }),
        ...(t.expectJson === undefined ? {} : { expectJson: t.expectJson }),
    });
    const typed = { ...result, type: t.type };
    if (t.type !== 'status' || !typed.ok)
        return { result: typed };
    const status = parseStatusDocument(json);
    if (!status)
        return { result: { ...typed, ok: false, error: 'bad status document' } };
    return { result: typed, status };
}
export async function probeFleet(targets, options) {
    const at = options.now().toISOString();
    const lookup = options.allowRemote ? undefined : loopbackLookup;
    const results = targets.map(() => undefined);
    const statuses = targets.map(() => undefined);
    const byNode = new Map();
    targets.forEach((t, i) => {
        const list = byNode.get(t.node) ?? [];
        list.push(i);
        byNode.set(t.node, list);
        const host = hostOf(t);
        if (host === undefined)
            results[i] = failed(t, 'bad target');
        else if (!options.allowRemote && !isLoopback(host))
            results[i] = failed(t, 'not loopback');
    });
    const nodeIds = [...byNode.keys()].sort();
    // The probe each busy worker is running now, so the deadline can abort it and time it.
    const running = new Map();
    let closed = false;
    const queue = [...nodeIds];
    async function runNode(node) {
        let skip;
        for (const i of byNode.get(node)) {
            if (closed)
                return;
            const t = targets[i];
            if (results[i])
                continue;
            if (skip) {
                results[i] = failed(t, skip);
                continue;
            }
            const controller = new AbortController();
            running.set(i, { controller, started: performance.now() });
            let outcome;
            try {
                outcome = await runProbe(t, options.timeoutMs, controller.signal, lookup);
            }
            catch (err) {
                outcome = { result: failed(t, `internal error: ${err?.message ?? String(err)}`) };
            }
            running.delete(i);
            if (closed)
                return; // the deadline has already spoken for this probe
            results[i] = outcome.result;
            statuses[i] = outcome.status;
            if (outcome.result.error === 'timeout')
                skip = `skipped: ${t.type} ${t.target} timed out`;
        }
    }
    async function worker() {
        for (let node = queue.shift(); node !== undefined && !closed; node = queue.shift())
            await runNode(node);
    }
    const workers = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, nodeIds.length));
    const work = Promise.all(Array.from({ length: workers }, worker));
    let timer;
    const deadline = new Promise((resolve) => {
        if (Number.isFinite(options.deadlineMs) && options.deadlineMs <= MAX_TIMER)
            timer = setTimeout(resolve, Math.max(0, options.deadlineMs));
    });
    await Promise.race([work, deadline]);
    clearTimeout(timer);
    closed = true;
    const now = performance.now();
    for (const [i, probe] of running) {
        probe.controller.abort();
        results[i] = failed(targets[i], 'deadline', Math.round(now - probe.started));
    }
    running.clear();
    return nodeIds.map((node) => {
        const indices = byNode.get(node);
        const list = indices.map((i) => results[i] ?? failed(targets[i], 'deadline'));
        const first = list.find((r) => !r.ok);
        const status = indices.map((i) => statuses[i]).find((s) => s !== undefined);
        const observation = {
            node, at, ok: first === undefined,
            reason: first ? `${first.type} ${first.target}: ${first.error ?? 'failed'}` : 'all probes passed',
            results: list,
        };
        if (status)
            observation.status = status;
        return observation;
    });
}
//# sourceMappingURL=probeFleet.js.map