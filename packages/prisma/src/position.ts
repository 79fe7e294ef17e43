/**
 * String offsets to 1-based line and UTF-16 column positions in a schema file.
 */
import type { SourceSpan } from '@gander/schema';
import type { PrismaFile } from './files.js';

/**
 * The position of the UTF-16 `offset` (a JS string index) in `file`: 1-based line, 1-based column
 * in UTF-16 code units. Line breaks are `\n`, `\r\n` or `\r`.
 *
 * NOTE: prisma-schema-wasm's `lint` reports offsets in UTF-16 units (checked with text holding
 * astral and two-byte characters before the error), not the UTF-8 bytes of its Rust spans.
 */
export function positionAt(file: PrismaFile, offset: number): SourceSpan {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < file.text.length; i += 1) {
    const c = file.text.charCodeAt(i);
    if (c === 10 || (c === 13 && file.text.charCodeAt(i + 1) !== 10)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { file: file.path, line, column: offset - lineStart + 1 };
}
