/** What the hub is given by the command that starts it (src/cli/hub.ts): the real I/O, so the hub itself never reaches for the process, the clock or the CLI. */
import type { ReconcileIo } from '../reconcile/reconcileContext.js';
import type { RelayOptions } from '../relay/relay.js';
import type { TaskAction } from '../records/editTask.js';

export interface HubIo {
  root: string;
  now(): Date;
  random(): number;
  /** The reconcile loop's I/O; with `paths`, the load step refreshes the cache for just those files (the watcher's hints). */
  reconcileIo(paths?: string[]): ReconcileIo;
  /** Records a task change exactly as `fleethub task --queue` does (the outbox event; the hub's relay sends it); its JSON. Throws a FleethubError for an unknown workplan or task. */
  setTask(workplan: string, task: string, action: TaskAction, note: string | undefined): Promise<unknown>;
  relayOptions: RelayOptions;
  /** A line for the person running the hub (stderr). Never given a secret. */
  log(line: string): void;
}
