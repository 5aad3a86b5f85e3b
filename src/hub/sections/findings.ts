/** Section `findings`: every finding of the offline evaluation (errors first, as reconcile lists them), in the very shape `fleethub reconcile --format json` gives them (file, line, column, hint). */
import type { ReconcileFindingJson } from '../../report/reconcileReport.js';
import { reconcileView } from './reconcileView.js';
import type { HubInput } from '../hubInput.js';

export function findings(input: HubInput): ReconcileFindingJson[] {
  return reconcileView(input.run).findings;
}
