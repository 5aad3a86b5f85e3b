/** The real I/O of the hub (src/hub/hubIo.ts): the reconcile loop's fileIo (its cache refresh limited to the watcher's paths), the task and rollout commands' own code paths for task changes and rollout pauses and aborts, the relay options from the environment. */
import { refreshCache } from '../cache/refreshCache.js';
import { relayOptionsFrom } from '../relay/attemptRelay.js';
import { PLAIN } from '../report/style.js';
import { fileIo } from './fileIo.js';
import { rolloutControl } from './rolloutControl.js';
import { taskCommand } from './task.js';
export function hubIo(root, ctx, log) {
    const now = () => new Date();
    const setTask = taskCommand(now);
    return {
        root,
        now,
        random: Math.random,
        reconcileIo: (paths) => ({ ...fileIo(root, ctx.env, now), ...(paths ? { refreshCache: () => refreshCache(root, { paths }) } : {}) }),
        async setTask(workplan, task, action, note) {
            // The task command itself, queued: the same event `fleethub task --queue` records; the hub's relay sends it.
            const outcome = await setTask.run({ positionals: [action, workplan, task], values: { queue: true, ...(note !== undefined ? { note } : {}) } }, { ...ctx, root, format: 'json', style: PLAIN, progress: () => () => { } });
            return outcome.json?.() ?? null;
        },
        async setRollout(intent, action) {
            // The rollout command itself, queued: the same event `fleethub rollout pause|abort --queue` records.
            const outcome = await rolloutControl(root, action, intent, { ...ctx, root, format: 'json', style: PLAIN, progress: () => () => { } }, true, now);
            return outcome.json?.() ?? null;
        },
        relayOptions: relayOptionsFrom(ctx.env),
        log,
    };
}
//# sourceMappingURL=hubIo.js.map