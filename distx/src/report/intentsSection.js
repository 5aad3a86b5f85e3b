import { markdownCell } from './markdownCell.js';
export function intentsSection(data) {
    const head = data.trust.ok
        ? `Verified against the pinned trust root: policies/trust.yaml version ${data.trust.version} (chain ${data.trust.chain.join(' → ') || String(data.trust.version)}). See docs/trust.md.`
        : `**The trust root is refused** — every intent waits: ${markdownCell(data.trust.refusal ?? '')}. See docs/trust.md.`;
    const rows = data.intents.map((i) => `| ${markdownCell(i.id)} | ${markdownCell(i.kind)} | ${i.version ?? '-'} | ${markdownCell(i.strategy || '-')} | ${markdownCell(i.control)} | ${markdownCell(i.signers.join(', '))} | ${i.trusted ? 'trusted' : `**refused** (\`${i.reason}\`)`} | ${markdownCell(i.why.join('; '))} |`);
    return [
        '## Intents',
        '',
        head,
        '',
        '| intent | kind | version | strategy | control | signed by | verdict | why |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...(rows.length > 0 ? rows : ['| (none) | | | | | | | |']),
    ].join('\n');
}
//# sourceMappingURL=intentsSection.js.map