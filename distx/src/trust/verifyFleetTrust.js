/**
 * Trust for a whole fleet at one tick: the trust.yaml chain from the pin, then
 * each intent against the root it yields. When the chain is refused, every
 * intent is refused with it (`intent-untrusted-root`). Pure.
 */
import { hintFor } from '../records/hints.js';
import { indexNodes } from './resolveTarget.js';
import { verifyIntent } from './verifyIntent.js';
import { verifyTrustChain } from './verifyTrustChain.js';
export function verifyFleetTrust(input) {
    const chain = verifyTrustChain(input.pin, input.trustVersions);
    const verdict = chain.ok ? verifier(chain.root, input) : refusedWith(chain.findings.map((f) => f.message).join('; '));
    const verdicts = [...input.intents.map(verdict), ...invalidVerdicts(input.invalid ?? [])];
    return { chain, verdicts: verdicts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}
/** Each intent against the verified root; the nodes are indexed once for all of them. */
function verifier(root, input) {
    const nodes = indexNodes(input.nodes);
    return (i) => verifyIntent(i, { root, nodes, caps: input.caps, ratchet: input.ratchet, now: input.now });
}
/** Every intent refused with the reason the root is refused. */
function refusedWith(why) {
    return (i) => {
        const at = i.locate('');
        return { id: i.id, trusted: false, signers: [], digest: '', findings: [{ file: i.file, line: at.line, col: at.col, severity: 'error', code: 'intent-untrusted-root', message: `the trust root is refused: ${why}`, hint: hintFor('intent-untrusted-root'), kind: 'intent', id: i.id }] };
    };
}
function invalidVerdicts(invalid) {
    return invalid.map((f) => ({
        id: f.id,
        trusted: false,
        signers: [],
        digest: '',
        findings: [{ file: f.file, line: 1, col: 1, severity: 'error', code: 'intent-malformed', message: `the intent's file does not validate, so it cannot be verified ('fleethub validate ${f.file}' says why)`, hint: hintFor('intent-malformed'), kind: 'intent', id: f.id }],
    }));
}
//# sourceMappingURL=verifyFleetTrust.js.map