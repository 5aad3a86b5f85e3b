/**
 * A progress bar for people: `███░░░░░░░ 3/10`. Full only when everything is
 * done, and at least one block once anything is. Pure.
 */
export function progressBar(done, total, width = 10) {
    let filled = total <= 0 ? 0 : Math.round((done * width) / total);
    if (done > 0 && total > 0)
        filled = Math.max(1, filled);
    if (done < total)
        filled = Math.min(width - 1, filled);
    filled = Math.max(0, Math.min(width, filled));
    return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}`;
}
//# sourceMappingURL=progressBar.js.map