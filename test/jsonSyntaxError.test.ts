/**
 * jsonSyntaxError: the line and column where JSON.parse failed, for the
 * failures that V8 reports by offset and for those it reports by quoting the
 * text around the token (which carry no offset), never past the text's end.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonSyntaxError } from '../src/records/jsonSyntaxError.js';

function failure(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (e) {
    return e;
  }
  throw new Error(`parses: ${text}`);
}

const at = (text: string): [number, number, string] => {
  const { line, col, reason } = jsonSyntaxError(text, failure(text));
  return [line, col, reason];
};

describe('jsonSyntaxError', () => {
  it('places the offending character, whether V8 names its offset or quotes the text around it', () => {
    assert.deepEqual(at('# fleethub\n\nsome prose\n'), [1, 1, "Unexpected token '#'"]);
    assert.deepEqual(at('{"a": 1,\n "b": #x }'), [2, 7, "Unexpected token '#'"]);
    assert.deepEqual(at('{"aaaaaaaaaaaaaaaaaaaaaaa": 1,\n"bbbbbbbbbbbbbbbbbbbbbbbbbb": tru, "c": 2222222222222222}'), [2, 34, "Unexpected token ','"]);
    assert.deepEqual(at('{"a":1'), [1, 7, "Expected ',' or '}' after property value"]);
    assert.deepEqual(at('{"a" 1}'), [1, 6, "Expected ':' after property name"]);
    assert.deepEqual(at('{}\n{}\n'), [2, 1, 'Unexpected non-whitespace character after JSON']);
  });

  it('an error at the end is on the last line, not the one after it', () => {
    assert.deepEqual(at('{\n  "a": [1, 2\n\n'), [2, 13, "Expected ',' or ']' after array element"]);
    assert.deepEqual(at('{"a":\n'), [1, 6, 'Unexpected end of JSON input']);
  });

  it('never points past the text, for any text that is not JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', 'a', ' ', '\n', '#', 't', 'r', 'u', 'e') }), (text) => {
        let e: unknown;
        try {
          JSON.parse(text);
          return;
        } catch (x) {
          e = x;
        }
        const { line, col } = jsonSyntaxError(text, e);
        const lines = text.split('\n');
        assert.ok(line >= 1 && line <= lines.length, `line ${line} of ${lines.length}: ${JSON.stringify(text)}`);
        assert.ok(col >= 1 && col <= lines[line - 1]!.length + 1, `col ${col}: ${JSON.stringify(text)}`);
      }),
      { numRuns: 2000 },
    );
  });
});
