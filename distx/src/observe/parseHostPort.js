/**
 * Splits a TCP probe target, `host:port` or `[ipv6]:port`, into its parts. Returns undefined for
 * anything else (no port, a port out of range, an unbracketed IPv6 address).
 */
export function parseHostPort(target) {
    const m = /^\[([^\]]+)\]:(\d{1,5})$/.exec(target) ?? /^([^:[\]\s]+):(\d{1,5})$/.exec(target);
    if (!m)
        return undefined;
    const port = Number(m[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        return undefined;
    return { host: m[1], port };
}
//# sourceMappingURL=parseHostPort.js.map