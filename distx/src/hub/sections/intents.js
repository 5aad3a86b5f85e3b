export function intents(input) {
    const s = input.run.boardSections.find((b) => b.kind === 'intents');
    return s && s.kind === 'intents' ? { trust: s.trust, intents: s.intents } : { trust: null, intents: [] };
}
//# sourceMappingURL=intents.js.map