/** Reads, hashes and parses one fleet file into its cache rows. I/O (reads the file). */
import { hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { hintFor } from '../records/hints.js';
import { idFromPath } from '../records/kinds.js';
import { MAX_FILE_BYTES, tooLarge } from '../records/decodeText.js';
import { parseRecordFile } from '../records/parseRecordFile.js';
import { fileRows, findingRow } from './fileRows.js';
/** One-shot hash: a third of the cost of createHash().update().digest() per small file. */
function hashBytes(bytes) {
    return hash('sha1', bytes, 'base64');
}
/** The size and mtime recorded are those of the very bytes read (fstat on the open file). */
export function readFleetFile(root, file, validators) {
    let fd;
    let stat = { size: 0, mtimeMs: 0 };
    try {
        fd = openSync(join(root, file.path), 'r');
        const st = fstatSync(fd);
        stat = { size: st.size, mtimeMs: st.mtimeMs };
        if (st.size > MAX_FILE_BYTES) {
            const big = tooLarge(st.size);
            return problemRows(file, { ...stat, hash: `size:${st.size}:${st.mtimeMs}` }, big.code, big.message);
        }
        const buf = Buffer.allocUnsafe(st.size);
        let got = 0;
        while (got < st.size) {
            const n = readSync(fd, buf, got, st.size - got, got);
            if (n === 0)
                break;
            got += n;
        }
        const bytes = buf.subarray(0, got);
        const parsed = parseRecordFile(file.path, file.kind, bytes, validators);
        return fileRows(parsed, { ...stat, hash: hashBytes(bytes) });
    }
    catch (e) {
        return problemRows(file, { ...stat, hash: '' }, 'unreadable-file', `cannot read the file: ${e.code ?? String(e)}`);
    }
    finally {
        if (fd !== undefined)
            closeSync(fd);
    }
}
function problemRows(file, stat, code, message) {
    return {
        path: file.path,
        kind: file.kind,
        id: idFromPath(file.path),
        ...stat,
        main: null,
        subs: [],
        edges: [],
        findings: [findingRow({ file: file.path, line: 1, col: 1, severity: 'error', code, message, hint: hintFor(code), kind: file.kind, id: idFromPath(file.path) }, 'file')],
    };
}
//# sourceMappingURL=readFleetFile.js.map