/**
 * DSSE v1 pre-authentication encoding: what a signature covers, so the payload
 * type is bound to the bytes (`DSSEv1 <len> <type> <len> <body>`, lengths in
 * ASCII decimal bytes). Pure.
 */
export function pae(payloadType, body) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `, 'utf8'), type, Buffer.from(` ${body.length} `, 'utf8'), body]);
}
//# sourceMappingURL=pae.js.map