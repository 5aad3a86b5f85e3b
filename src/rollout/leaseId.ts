/** A lease's id: `<intent>/<node>/<epoch>` (intent and node ids are slugs without `/`). Pure. */
export function leaseId(intent: string, node: string, epoch: number): string {
  return `${intent}/${node}/${epoch}`;
}
