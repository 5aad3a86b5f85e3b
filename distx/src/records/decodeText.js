/** Bytes to text, refusing what is not a UTF-8 text file. Pure. */
export const MAX_FILE_BYTES = 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
export function tooLarge(size, maxBytes = MAX_FILE_BYTES) {
    return { ok: false, code: 'file-too-large', message: `file is ${size} bytes, over the ${maxBytes}-byte limit for a record file`, line: 1, col: 1 };
}
export function decodeText(bytes, maxBytes = MAX_FILE_BYTES) {
    if (bytes.length > maxBytes)
        return tooLarge(bytes.length, maxBytes);
    if (bytes.length === 0)
        return { ok: false, code: 'empty-file', message: 'file is empty', line: 1, col: 1 };
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        return { ok: false, code: 'invalid-utf8', message: 'file is UTF-16 (byte order mark found); records must be UTF-8', line: 1, col: 1 };
    }
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
        const { line, col } = positionOfByte(bytes, nul);
        return { ok: false, code: 'binary-file', message: 'file contains a NUL byte: it looks binary, not text', line, col };
    }
    try {
        const text = decoder.decode(bytes); // strips a UTF-8 BOM
        if (text.trim() === '')
            return { ok: false, code: 'empty-file', message: 'file holds only whitespace', line: 1, col: 1 };
        return { ok: true, text };
    }
    catch {
        const bad = firstInvalidUtf8(bytes);
        const { line, col } = positionOfByte(bytes, bad);
        return { ok: false, code: 'invalid-utf8', message: `byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad} is not valid UTF-8`, line, col };
    }
}
function positionOfByte(bytes, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (bytes[i] === 0x0a) {
            line++;
            lineStart = i + 1;
        }
    }
    let col = 1;
    for (let i = lineStart; i < offset; i++)
        if ((bytes[i] & 0xc0) !== 0x80)
            col++;
    return { line, col };
}
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
        if (need < 0)
            return i;
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined || (c & 0xc0) !== 0x80)
                return i;
        }
        if (need > 0) {
            try {
                decoder.decode(bytes.subarray(i, i + need + 1));
            }
            catch {
                return i;
            }
        }
        i += need + 1;
    }
    return 0;
}
//# sourceMappingURL=decodeText.js.map