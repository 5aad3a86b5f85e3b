import { HUB_SECTIONS } from './hubSections.js';
export function hubSnapshot(input, revision, builders = HUB_SECTIONS) {
    const sections = {};
    for (const [name, build] of Object.entries(builders))
        sections[name] = build(input);
    return { revision, generatedAt: input.run.now, sections };
}
//# sourceMappingURL=hubSnapshot.js.map