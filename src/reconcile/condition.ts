/**
 * Conditions, in the style of Kubernetes and Flux: a record's state as a list
 * of typed, explained facts. See README.md in this folder for what each type
 * means.
 */
export type ConditionType = 'Ready' | 'Reachable' | 'Valid';
export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: ConditionType;
  status: ConditionStatus;
  reason: string;
  message: string;
}

/** Sets (replaces) a condition of a record in a map of `kind:id` → conditions. */
export function setCondition(all: Map<string, Condition[]>, record: string, c: Condition): void {
  const list = (all.get(record) ?? []).filter((x) => x.type !== c.type);
  list.push(c);
  all.set(record, list);
}
