/** Push failures that mean upstream moved meanwhile (the caller fetches again and re-applies the events). */
export const LOST_RACE = /non-fast-forward|fetch first|failed to (update|lock) ref|cannot lock ref|stale info|incorrect old value/i;
//# sourceMappingURL=gitTransport.js.map