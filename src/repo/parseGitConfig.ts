/**
 * The values of a git config file's text, as git reads them: `[section]` and
 * `[section "subsection"]` headers (section and variable names are
 * case-insensitive, the subsection is not), `name = value` lines (a bare
 * `name` is `true`), double quotes removed, `#` and `;` outside quotes start a
 * comment, `\t \b \n \\ \"` unescaped, the last of repeated values wins. The
 * same rules as isomorphic-git's GitConfig (which follows parse_value in git's
 * config.c), without loading a Git library for four values. Pure.
 *
 * Not read, as with isomorphic-git: `[include]` files, the global and system
 * config, values continued over lines with a trailing backslash.
 */
const SECTION_LINE = /^\[([A-Za-z0-9-.]+)(?:[ \t]+"((?:[^"\\]|\\.)*)")?\][ \t]*(?:[#;].*)?$/;
const VARIABLE_LINE = /^([A-Za-z][A-Za-z0-9-]*)(?:\s*=\s*(.*))?$/;
const ESCAPED: Readonly<Record<string, string>> = { t: '\t', b: '\b', n: '\n', '\\': '\\', '"': '"' };

/** key (`section.name` or `section.subsection.name`, section and name in lower case) → value. */
export function parseGitConfig(text: string): Map<string, string> {
  const values = new Map<string, string>();
  let section: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const header = SECTION_LINE.exec(line);
    if (header) {
      const sub = header[2]?.replace(/\\(.)/g, '$1');
      section = sub === undefined ? header[1]!.toLowerCase() : `${header[1]!.toLowerCase()}.${sub}`;
      continue;
    }
    const variable = VARIABLE_LINE.exec(line);
    if (variable && section !== null) values.set(`${section}.${variable[1]!.toLowerCase()}`, parseValue(variable[2] ?? 'true'));
  }
  return values;
}

/** A key as `parseGitConfig` stores it: `Remote.origin.URL` → `remote.origin.url`. */
export function gitConfigKey(path: string): string {
  const parts = path.split('.');
  const section = parts.shift()!.toLowerCase();
  const name = parts.pop()!.toLowerCase();
  return [section, ...(parts.length > 0 ? [parts.join('.')] : []), name].join('.');
}

function parseValue(raw: string): string {
  let value = '';
  let space = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (!quoted && /[ \t\r\v\f]/.test(c)) {
      if (value !== '') space += c;
      continue;
    }
    if (!quoted && (c === '#' || c === ';')) break;
    value += space;
    space = '';
    const next = raw[i + 1];
    if (c === '\\' && next !== undefined && ESCAPED[next] !== undefined) {
      value += ESCAPED[next];
      i++;
    } else if (c === '"') quoted = !quoted;
    else value += c;
  }
  return value;
}
