const wrap = (open, close) => (s) => `\x1b[${open}m${s}\x1b[${close}m`;
export const COLOR = { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
const id = (s) => s;
export const PLAIN = { red: id, yellow: id, green: id, dim: id, bold: id };
//# sourceMappingURL=style.js.map