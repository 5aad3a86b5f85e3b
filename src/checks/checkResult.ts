/** The outcome of one named check: what the checks step keeps and done-when verification reads. */
export interface CheckResult {
  id: string;
  status: 'pass' | 'fail' | 'error' | 'timeout';
  /** What the expectation compared: the number of rows returned. */
  count: number;
  /** The rows returned (at most a few dozen kept), for people to see why. */
  rows: Array<Record<string, unknown>>;
  /** Why it failed or errored, in a sentence. */
  message: string;
  ms: number;
}
