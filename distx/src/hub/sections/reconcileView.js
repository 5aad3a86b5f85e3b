import { reconcileJson } from '../../report/reconcileReport.js';
const made = new WeakMap();
export function reconcileView(run) {
    let json = made.get(run);
    if (!json)
        made.set(run, (json = reconcileJson(run)));
    return json;
}
//# sourceMappingURL=reconcileView.js.map