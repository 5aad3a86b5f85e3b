/**
 * The freeze policy: no new placements on a frozen host. Pure: the history of
 * placements (placementHistory.ts) and the time are passed in.
 *
 * For each frozen host and each workload whose `host` or `target_host` is that
 * host (each field judged on its own), the first rule that applies:
 * 1. listed under the entry's `exceptions` → `freeze-exception` (info), never a violation;
 * 2. its `host`, and listed in the entry's `legacy` inventory (the workloads on the
 *    host when the freeze began) → `freeze-grandfathered` (info, basis `inventory`),
 *    with or without history — unless history shows the placement's current run
 *    began with a move onto the host on or after `since` (it left after the freeze
 *    and came back, or was never there): then `freeze-violation`. A run that began
 *    with the file itself (first committed with this host, as when the repository
 *    was created after the freeze) does not contradict the inventory;
 * 3. with history: the placement's first commit (of its current run) is on or after
 *    `since` → `freeze-violation` (error); before → `freeze-grandfathered` (info,
 *    legacy). A placement in no commit (an uncommitted change, or a file not
 *    committed yet) is new as of `now`;
 * 4. without history: the policy's `without_history` rule: `grandfather` (the
 *    default) counts the placement as existing, `violation` as new; and one
 *    `freeze-no-history` warning per policy — only when some placement needed
 *    this rule (the inventory and the exceptions need no history).
 *
 * `since` is a date (the freeze starts at 00:00 UTC that day) or a date-time
 * (UTC unless it names an offset).
 */
import { parseFleetDate } from './parseFleetDate.js';
import { placementKey } from '../repo/placementHistory.js';
const FIELDS = ['host', 'target_host'];
export function evaluateFreeze(policy, workloads, history, now) {
    const results = [];
    const rule = policy.without_history ?? 'grandfather';
    const nowIso = (typeof now === 'string' ? new Date(now) : now).toISOString();
    const sorted = [...workloads].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const entry of policy.frozen) {
        const start = sinceMs(entry.since);
        const exceptions = new Set(entry.exceptions ?? []);
        const legacy = new Set(entry.legacy ?? []);
        for (const w of sorted) {
            for (const field of FIELDS) {
                if (w[field] !== entry.host)
                    continue;
                const key = placementKey(field, entry.host);
                const base = { record: `workload:${w.id}`, pointer: `/${field}`, file: w.file, workload: w.id, host: entry.host, since: entry.since };
                const where = `${field}: ${entry.host}${w.stage ? `, stage: ${w.stage}` : ''}`;
                const dated = dateOf(history, w.file, key, nowIso);
                const push = (code, message, dating = dated) => {
                    results.push({ ...base, ...dating, code, severity: code === 'freeze-violation' ? 'error' : 'info', message });
                };
                const rollback = "Place it elsewhere, or list it under the freeze's exceptions with a documented rollback.";
                if (exceptions.has(w.id)) {
                    push('freeze-exception', `workload ${w.id} is on frozen host ${entry.host} (${where}) as an exception listed in the freeze policy`);
                    continue;
                }
                const moved = history.available && history.movedIn.get(w.file)?.has(key) === true;
                if (field === 'host' && legacy.has(w.id)) {
                    if (dated.basis === 'history' && moved && Date.parse(dated.firstSeen) >= start) {
                        push('freeze-violation', `workload ${w.id} is in the legacy inventory of frozen host ${entry.host}, but Git history shows it moved onto ${entry.host} (${where}) with the commit of ${day(dated.firstSeen)}, ` +
                            `after the freeze of ${entry.since}: it was elsewhere after the freeze began, so this is a new placement (a workload that leaves a frozen host and comes back is no longer legacy). ${rollback}`);
                    }
                    else {
                        push('freeze-grandfathered', `workload ${w.id} is on frozen host ${entry.host} (${where}), listed in the legacy inventory of the freeze of ${entry.since}: grandfathered legacy`, { basis: 'inventory', firstSeen: null });
                    }
                    continue;
                }
                const { basis, firstSeen } = dated;
                const isNew = firstSeen === null ? rule === 'violation' : Date.parse(firstSeen) >= start;
                const when = basis === 'history' ? `since the commit of ${day(firstSeen)}` : basis === 'uncommitted' ? 'in a change not committed yet' : `(Git history unavailable; without_history: ${rule})`;
                if (isNew) {
                    // First committed with this placement: history cannot tell whether it was there before the file.
                    const inventory = basis === 'history' && !moved && field === 'host' ? ` If it was already on ${entry.host} when the freeze began (its file was first committed later), add it to the freeze's legacy inventory.` : '';
                    push('freeze-violation', `workload ${w.id} is placed on frozen host ${entry.host} (${where}) ${when}, ${basis === 'no-history' ? 'counted as new under' : 'after'} the freeze of ${entry.since}: no new placements on ${entry.host}. ${rollback}${inventory}`);
                }
                else {
                    push('freeze-grandfathered', `workload ${w.id} is on frozen host ${entry.host} (${where}) ${when}, ${basis === 'no-history' ? 'counted as existing under' : 'before'} the freeze of ${entry.since}: grandfathered legacy`);
                }
            }
        }
    }
    // The fallback rule decided something: say that history was missing, and what was assumed.
    if (!history.available && results.some((r) => r.basis === 'no-history' && r.code !== 'freeze-exception')) {
        results.unshift({ code: 'freeze-no-history', severity: 'warning', record: `policy:${policy.id ?? 'freeze'}`, message: noHistoryMessage(history.reason, rule) });
    }
    return results;
}
/** When a placement appeared, as far as history can tell. */
function dateOf(history, file, key, nowIso) {
    if (!history.available)
        return { basis: 'no-history', firstSeen: null };
    const seen = history.firstSeen.get(file)?.get(key);
    return seen === undefined ? { basis: 'uncommitted', firstSeen: nowIso } : { basis: 'history', firstSeen: seen };
}
const WHY = {
    'not-a-repository': 'the fleet is not in a Git repository',
    'shallow-clone': 'the repository is a shallow clone',
    'no-commits': 'the repository has no commits yet',
    unreadable: 'the Git history could not be read',
};
/** What to do so the freeze can be decided from history. */
export function historyAdvice(reason) {
    return {
        'not-a-repository': 'run it in a Git clone of the fleet with full history',
        'shallow-clone': 'run with full history: git fetch --unshallow (in CI, check out with fetch-depth: 0)',
        'no-commits': 'commit the fleet, then run again',
        unreadable: 'check the repository (git fsck), or run in a fresh full clone',
    }[reason];
}
function noHistoryMessage(reason, rule) {
    const fallback = rule === 'grandfather'
        ? 'every current placement on a frozen host counts as existing (grandfathered), so new placements are not detected'
        : 'every placement on a frozen host counts as new (a violation) unless it is listed as an exception';
    return `freeze: cannot tell new placements from legacy ones — ${WHY[reason]}. Falling back to without_history: ${rule}: ${fallback}. To decide from history, ${historyAdvice(reason)}`;
}
/** The first instant of the freeze, in ms since the epoch. */
export function sinceMs(since) {
    return parseFleetDate(since) ?? Number.NaN;
}
const day = (iso) => iso.slice(0, 10);
//# sourceMappingURL=evaluateFreeze.js.map