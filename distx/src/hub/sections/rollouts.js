export function rollouts(input) {
    const s = input.run.boardSections.find((b) => b.kind === 'rollouts');
    return s && s.kind === 'rollouts' ? s.rollouts : [];
}
//# sourceMappingURL=rollouts.js.map