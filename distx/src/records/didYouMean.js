/**
 * The closest of `candidates` to a mistyped `word` ("did you mean --staged?",
 * "did you mean 'addresses'?"), or undefined when none is close: at most one
 * edit per three characters, and at most `maxEdits` (insertions, deletions,
 * substitutions and swaps of neighbours count one). Case is ignored. Pure.
 */
export function didYouMean(word, candidates, maxEdits = Infinity) {
    const limit = Math.min(maxEdits, Math.max(1, Math.floor(word.length / 3)));
    let best;
    for (const candidate of candidates) {
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance <= limit && (best === undefined || distance < best.distance))
            best = { candidate, distance };
    }
    return best?.candidate;
}
/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                v = Math.min(v, d[i - 2][j - 2] + 1);
            d[i][j] = v;
        }
    }
    return d[a.length][b.length];
}
//# sourceMappingURL=didYouMean.js.map