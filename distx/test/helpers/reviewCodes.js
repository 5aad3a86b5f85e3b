/** The finding codes only `fleethub diff` reports (about the step between two revisions); test/diffImpact.test.ts produces each, test/hints.test.ts counts them as produced. */
export const REVIEW_CODES = ['revision-unevaluable', 'intent-version-lowered', 'intent-target-widened', 'task-dependency-removed'];
//# sourceMappingURL=reviewCodes.js.map