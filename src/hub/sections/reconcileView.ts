/** `fleethub reconcile --format json` of the hub's evaluation, made once per evaluation however many sections read it. */
import type { ReconcileContext } from '../../reconcile/reconcileContext.js';
import { reconcileJson, type ReconcileJson } from '../../report/reconcileReport.js';

const made = new WeakMap<ReconcileContext, ReconcileJson>();

export function reconcileView(run: ReconcileContext): ReconcileJson {
  let json = made.get(run);
  if (!json) made.set(run, (json = reconcileJson(run)));
  return json;
}
