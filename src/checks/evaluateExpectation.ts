/**
 * A named check's expectation against the number of rows its query returned:
 * whether it holds, and a sentence saying so ("expected no rows, got 3"). Pure.
 */

/** What a check expects of its rows (policies/checks.yaml `expect`); the schema allows exactly one key. */
export interface Expectation {
  empty?: true;
  count?: number;
  at_most?: number;
  at_least?: number;
}

const rows = (n: number): string => `${n} row${n === 1 ? '' : 's'}`;

export function evaluateExpectation(expect: Expectation, count: number): { pass: boolean; message: string } {
  const verdicts: Array<{ pass: boolean; message: string }> = [];
  if (expect.empty === true) verdicts.push(count === 0 ? { pass: true, message: 'no rows, as expected' } : { pass: false, message: `expected no rows, got ${count}` });
  if (typeof expect.count === 'number') verdicts.push({ pass: count === expect.count, message: count === expect.count ? `${rows(count)}, as expected` : `expected exactly ${rows(expect.count)}, got ${count}` });
  if (typeof expect.at_most === 'number') verdicts.push({ pass: count <= expect.at_most, message: count <= expect.at_most ? `${rows(count)} (at most ${expect.at_most})` : `expected at most ${rows(expect.at_most)}, got ${count}` });
  if (typeof expect.at_least === 'number') verdicts.push({ pass: count >= expect.at_least, message: count >= expect.at_least ? `${rows(count)} (at least ${expect.at_least})` : `expected at least ${rows(expect.at_least)}, got ${count}` });
  if (verdicts.length === 0) return { pass: false, message: 'no expectation given (one of empty, count, at_most, at_least)' };
  return verdicts.find((v) => !v.pass) ?? verdicts[0]!;
}
