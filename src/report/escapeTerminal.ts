/**
 * Text made safe to print on a terminal: control characters from file names,
 * titles, task text or messages are shown escaped (`\n`, `\t`, `\x1b`,
 * `\u009b`), so an ESC sequence cannot retitle or clear the terminal and a
 * newline cannot split one line of output into two. Applied by the text
 * renderers to the values they print (and, as a backstop, to every line the
 * CLI prints as text); JSON output stays exact. Pure.
 *
 * `keepColours` keeps the five colour codes style.ts writes (a table cell
 * painted by a renderer, the backstop when the output is in colour). Without
 * it, or when the output has no colour (NO_COLOR, --no-color, a pipe), those
 * codes are escaped too: any there came from a file.
 */
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 controls, DEL, C1 controls, line/paragraph separators and bidirectional overrides (which reorder what a terminal shows).
const CONTROL_CHARS = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.source;
const CONTROL = new RegExp(CONTROL_CHARS, 'g');
// The codes style.ts writes, matched first so that they are kept whole.
const CONTROL_BUT_COLOURS = new RegExp(`\\x1b\\[(?:1|2|22|31|32|33|39)m|${CONTROL_CHARS}`, 'g');

export function escapeTerminal(s: string, options: { keepColours?: boolean } = {}): string {
  return s.replace(options.keepColours ? CONTROL_BUT_COLOURS : CONTROL, (c) => {
    if (c.length > 1) return c;
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
