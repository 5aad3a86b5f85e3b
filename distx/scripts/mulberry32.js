/** The seeded PRNG lives in src/records/mulberry32.ts (the rollout simulation uses it too); the scripts import it from here. */
export { mulberry32 } from '../src/records/mulberry32.js';
//# sourceMappingURL=mulberry32.js.map