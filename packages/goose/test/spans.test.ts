/**
 * UTF-8 byte offsets (libpg_query) to 1-based lines and UTF-16 columns.
 */
import { createPositionMapper, positionOfByteOffset } from '@gander/goose';
import { describe, expect, it } from 'vitest';

const TEXT = "-- é € 😀\nSELECT 'é€😀', 1;\r\n\tSELECT 2;";

/** The byte offset of a JS string index, computed independently with TextEncoder. */
const byteOf = (text: string, index: number): number => new TextEncoder().encode(text.slice(0, index)).length;

describe('spans', () => {
  it.each([
    ['start of text', 0, { line: 1, column: 1 }],
    ['é (2 bytes)', byteOf(TEXT, 3), { line: 1, column: 4 }],
    ['€ after é', byteOf(TEXT, 5), { line: 1, column: 6 }],
    ['emoji (4 bytes, 2 UTF-16 units)', byteOf(TEXT, 7), { line: 1, column: 8 }],
    ['first SELECT after the emoji line', byteOf(TEXT, TEXT.indexOf('SELECT')), { line: 2, column: 1 }],
    ['the 1 after a quoted emoji', byteOf(TEXT, TEXT.indexOf('1;')), { line: 2, column: 16 }],
    ['second SELECT after CRLF and a tab', byteOf(TEXT, TEXT.lastIndexOf('SELECT')), { line: 3, column: 2 }],
    ['end of text', byteOf(TEXT, TEXT.length), { line: 3, column: 11 }],
    ['past the end is clamped', 10_000, { line: 3, column: 11 }],
    ['inside a multi-byte character maps to it', byteOf(TEXT, 7) + 2, { line: 1, column: 8 }],
  ])('%s', (_name, byteOffset, expected) => {
    expect(createPositionMapper(TEXT).fromByteOffset(byteOffset)).toEqual(expected);
    expect(positionOfByteOffset(TEXT, byteOffset)).toEqual(expected);
  });

  it('round-trips every character start of a non-ASCII text', () => {
    const mapper = createPositionMapper(TEXT);
    for (let i = 0; i <= TEXT.length; i++) {
      if (i > 0 && i < TEXT.length && TEXT.charCodeAt(i) >= 0xdc00 && TEXT.charCodeAt(i) <= 0xdfff) continue;
      expect(mapper.indexOfByteOffset(byteOf(TEXT, i))).toBe(i);
    }
  });
});
