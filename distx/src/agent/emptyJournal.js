export function emptyJournal() {
    return { pending: null, epochs: {}, accepted: {}, done: {}, installed: {}, reports: {}, last_plan: null, last_report: null };
}
//# sourceMappingURL=emptyJournal.js.map