/**
 * Where JSON.parse failed in a text, and why, in our words: the 1-based line
 * and column of the offending character, and V8's reason without its offset
 * or its quoted excerpt. V8 names the offset ("at position 12") for most
 * failures; for an unexpected token it quotes the text around it instead
 * (`Unexpected token '#', "# fleethub"... is not valid JSON`, up to ten
 * characters either side, `...` where cut), from which the offset is found
 * again. Never a place past the text's last character. Pure.
 */
import { lineColumn } from './lineColumn.js';

export interface JsonSyntaxError {
  line: number;
  col: number;
  /** V8's reason, e.g. "Unexpected token '#'" or "Expected ',' or '}' after property value". */
  reason: string;
}

const CONTEXT = 10;

export function jsonSyntaxError(text: string, error: unknown): JsonSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const at = /^(.*?)(?: in JSON)? at position (\d+)/s.exec(message);
  if (at) return { ...lineAndColumn(text, Number(at[2])), reason: at[1]! };
  const token = /^(Unexpected token '(.)'|Unexpected non-whitespace character after JSON)(?:, (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON)?/.exec(message);
  if (token) return { ...lineAndColumn(text, tokenOffset(text, token[2], token[3] !== undefined, token[4])), reason: token[1]! };
  return { ...lineAndColumn(text, text.length), reason: message.replace(/ is not valid JSON$/, '') };
}

/** The offset of the token V8 quoted: ten characters into a cut excerpt, else its first place in the excerpt. */
function tokenOffset(text: string, token: string | undefined, cut: boolean, excerpt: string | undefined): number {
  if (excerpt === undefined) return text.length;
  const start = text.indexOf(excerpt);
  if (start === -1) return text.length;
  if (cut) return start + CONTEXT;
  const inExcerpt = token === undefined ? -1 : excerpt.indexOf(token);
  return start + Math.max(0, inExcerpt);
}

/** The line and column of an offset, drawn back to the last character that is not a line end (an error "at the end" is on the last line, not the one after it). */
function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  let end = Math.min(offset, text.length);
  if (end === text.length) while (end > 0 && /[\r\n]/.test(text[end - 1]!)) end--;
  return lineColumn(text, end);
}
