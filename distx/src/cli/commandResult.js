const RANK = { warning: 1, error: 2 };
const THRESHOLD = { warning: 1, error: 2, none: Infinity };
export function commandResult(findings, fail, other = {}) {
    const reasons = [];
    if (findings.some((f) => RANK[f.severity] >= THRESHOLD[fail]))
        reasons.push('findings');
    for (const r of ['drift', 'relay', 'differs'])
        if (other[r])
            reasons.push(r);
    return { exit: reasons.length > 0 ? 1 : 0, reasons, failOn: fail };
}
//# sourceMappingURL=commandResult.js.map