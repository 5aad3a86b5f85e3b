/**
 * A named check's expectation against the number of rows its query returned:
 * whether it holds, and a sentence saying so ("expected no rows, got 3"). Pure.
 */
const rows = (n) => `${n} row${n === 1 ? '' : 's'}`;
export function evaluateExpectation(expect, count) {
    const verdicts = [];
    if (expect.empty === true)
        verdicts.push(count === 0 ? { pass: true, message: 'no rows, as expected' } : { pass: false, message: `expected no rows, got ${count}` });
    if (typeof expect.count === 'number')
        verdicts.push({ pass: count === expect.count, message: count === expect.count ? `${rows(count)}, as expected` : `expected exactly ${rows(expect.count)}, got ${count}` });
    if (typeof expect.at_most === 'number')
        verdicts.push({ pass: count <= expect.at_most, message: count <= expect.at_most ? `${rows(count)} (at most ${expect.at_most})` : `expected at most ${rows(expect.at_most)}, got ${count}` });
    if (typeof expect.at_least === 'number')
        verdicts.push({ pass: count >= expect.at_least, message: count >= expect.at_least ? `${rows(count)} (at least ${expect.at_least})` : `expected at least ${rows(expect.at_least)}, got ${count}` });
    if (verdicts.length === 0)
        return { pass: false, message: 'no expectation given (one of empty, count, at_most, at_least)' };
    return verdicts.find((v) => !v.pass) ?? verdicts[0];
}
//# sourceMappingURL=evaluateExpectation.js.map