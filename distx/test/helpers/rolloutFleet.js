/** The synthetic fleet of the end-to-end rollout (scripts/sim/simFleet.ts, shared with the agent benchmark). */
export * from '../../scripts/sim/simFleet.js';
//# sourceMappingURL=rolloutFleet.js.map