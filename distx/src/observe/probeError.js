/**
 * A short, stable word for why a connection or request failed: 'refused', 'unreachable',
 * 'reset', 'unresolved', 'timeout', 'not loopback', or the error's code or message otherwise.
 */
const WORDS = {
    ECONNREFUSED: 'refused',
    EHOSTUNREACH: 'unreachable',
    ENETUNREACH: 'unreachable',
    EHOSTDOWN: 'unreachable',
    ENETDOWN: 'unreachable',
    EADDRNOTAVAIL: 'unreachable',
    ECONNRESET: 'reset',
    EPIPE: 'reset',
    ECONNABORTED: 'reset',
    ENOTFOUND: 'unresolved',
    EAI_AGAIN: 'unresolved',
    EAI_FAIL: 'unresolved',
    ETIMEDOUT: 'timeout',
    ENOTLOOPBACK: 'not loopback',
    ERR_SOCKET_CONNECTION_TIMEOUT: 'timeout',
};
export function probeError(err) {
    const e = err;
    const code = typeof e?.code === 'string' ? e.code : undefined;
    if (code && WORDS[code])
        return WORDS[code];
    // autoSelectFamily (several addresses tried) reports an AggregateError: use the first cause.
    if (Array.isArray(e?.errors) && e.errors.length > 0)
        return probeError(e.errors[0]);
    if (code)
        return code.toLowerCase();
    return typeof e?.message === 'string' && e.message ? e.message : 'failed';
}
//# sourceMappingURL=probeError.js.map