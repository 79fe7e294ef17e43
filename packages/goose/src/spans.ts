/**
 * Source positions. gander's spans are 1-based lines and 1-based columns counted in UTF-16 code
 * units (what editors and JavaScript string indexes use); libpg_query reports UTF-8 **byte**
 * offsets. This is the one place that converts between them.
 *
 * Lines are separated by `\n` only (a `\r` before it belongs to the line's end, as Go's
 * `bufio.ScanLines` and PostgreSQL's scanner see it).
 */
import type { SourceSpan } from '@gander/schema';

/** A 1-based line and 1-based column in UTF-16 code units. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Converts offsets into one text to positions; build it once per file (see {@link createPositionMapper}). */
export interface PositionMapper {
  /** The position of a UTF-8 byte offset (0-based) into the text; an offset inside a character maps to that character, past the end to the end. */
  fromByteOffset(byteOffset: number): Position;
  /** The position of a 0-based UTF-16 index into the text. */
  fromIndex(index: number): Position;
  /** The 0-based UTF-16 index of a 0-based UTF-8 byte offset. */
  indexOfByteOffset(byteOffset: number): number;
}

/** Bytes of one UTF-16 code unit in UTF-8: a surrogate pair is 4 bytes, 2 per half. */
function utf8Width(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 2;
  return 3;
}

/**
 * Indexes `text` by line (O(length) once); each lookup is a binary search plus a walk along one
 * line.
 */
export function createPositionMapper(text: string): PositionMapper {
  const lineIndex: number[] = [0];
  const lineByte: number[] = [0];
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += utf8Width(code);
    if (code === 0x0a) {
      lineIndex.push(i + 1);
      lineByte.push(bytes);
    }
  }
  const totalBytes = bytes;

  const lineOf = (starts: readonly number[], value: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= value) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const indexOfByteOffset = (byteOffset: number): number => {
    const target = Math.min(Math.max(byteOffset, 0), totalBytes);
    const line = lineOf(lineByte, target);
    let index = lineIndex[line] ?? 0;
    let at = lineByte[line] ?? 0;
    while (index < text.length) {
      const width = utf8Width(text.charCodeAt(index));
      // a surrogate pair is one character: step over both halves together
      const pair = width === 2 && text.charCodeAt(index) >= 0xd800 && text.charCodeAt(index) <= 0xdbff;
      const step = pair ? 4 : width;
      if (at + step > target) break;
      at += step;
      index += pair ? 2 : 1;
    }
    return index;
  };

  const fromIndex = (index: number): Position => {
    const clamped = Math.min(Math.max(index, 0), text.length);
    const line = lineOf(lineIndex, clamped);
    return { line: line + 1, column: clamped - (lineIndex[line] ?? 0) + 1 };
  };

  return {
    fromByteOffset: (byteOffset) => fromIndex(indexOfByteOffset(byteOffset)),
    fromIndex,
    indexOfByteOffset,
  };
}

/** The position of a UTF-8 byte offset into `text` (a one-off {@link createPositionMapper}). */
export function positionOfByteOffset(text: string, byteOffset: number): Position {
  return createPositionMapper(text).fromByteOffset(byteOffset);
}

/** A span in `file` at `position`. */
export function spanAt(file: string, position: Position): SourceSpan {
  return { file, line: position.line, column: position.column };
}
