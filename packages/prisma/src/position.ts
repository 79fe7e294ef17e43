/**
 * Offsets to 1-based line and UTF-16 column positions in a schema file.
 */
import type { SourceSpan } from '@gander/schema';
import type { PrismaFile } from './files.js';

const utf8 = new TextEncoder();

/**
 * The position of `offset` in `file`: 1-based line, 1-based column in UTF-16 code units.
 * `unit` says what `offset` counts: `utf16` (JS string index) or `utf8` (bytes, as Rust reports).
 * Line breaks are `\n`, `\r\n` or `\r`.
 */
export function positionAt(file: PrismaFile, offset: number, unit: 'utf8' | 'utf16'): SourceSpan {
  const index = unit === 'utf16' ? offset : utf16Index(file.text, offset);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < file.text.length; i += 1) {
    const c = file.text.charCodeAt(i);
    if (c === 10 || (c === 13 && file.text.charCodeAt(i + 1) !== 10)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { file: file.path, line, column: index - lineStart + 1 };
}

/** The JS string index of a UTF-8 byte offset. */
function utf16Index(text: string, byteOffset: number): number {
  let bytes = 0;
  let index = 0;
  for (const char of text) {
    if (bytes >= byteOffset) break;
    bytes += utf8.encode(char).length;
    index += char.length;
  }
  return index;
}
