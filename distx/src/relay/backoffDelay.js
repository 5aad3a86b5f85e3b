/**
 * How long the relay waits after `failures` consecutive transient failures:
 * exponential from `baseMs`, capped at `capMs`, with "equal jitter" (half
 * fixed, half random) so writers that lost upstream together do not all come
 * back at the same instant. Pure: the random number in [0, 1) is passed in.
 */
export function backoffDelay(failures, random, baseMs = 1000, capMs = 300_000) {
    if (failures <= 0)
        return 0;
    const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
    return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}
//# sourceMappingURL=backoffDelay.js.map