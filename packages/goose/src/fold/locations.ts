/**
 * Where libpg_query's node `location`s point in a migration file. A location is a 0-based UTF-8
 * byte offset into the text handed to the parser: a goose statement chunk, a whole Prisma Migrate
 * file, or one statement of a `DO` block's body. A `ParsedText` is that text with its place in the
 * file, and turns locations into spans (1-based line, 1-based column in UTF-16 units) through the
 * package's one converter, `createPositionMapper` (`../spans.ts`).
 */
import { assertNever, type SourceSpan } from '@gander/schema';
import { type ScanToken, scanSync } from 'libpg-query';
import { createPositionMapper, type PositionMapper } from '../spans.js';

/** Where a parsed text sits: at a span of the file, verbatim inside another text, or somewhere not known exactly. */
type Place =
  | { readonly kind: 'file'; readonly start: SourceSpan }
  | { readonly kind: 'inside'; readonly outer: ParsedText; readonly index: number }
  | { readonly kind: 'unplaced'; readonly at: SourceSpan };

/** A text libpg_query parsed, with its place in a migration file. The index is built on first use. */
export class ParsedText {
  #mapper: PositionMapper | undefined;

  private constructor(
    readonly sql: string,
    private readonly place: Place,
  ) {}

  /** `sql` as it stands in the file from `start` (the span of its first character) on. */
  static at(sql: string, start: SourceSpan): ParsedText {
    return new ParsedText(sql, { kind: 'file', start });
  }

  /** `sql` found verbatim at the 0-based UTF-16 `index` of `outer`. */
  static inside(sql: string, outer: ParsedText, index: number): ParsedText {
    return new ParsedText(sql, { kind: 'inside', outer, index });
  }

  /** `sql` whose exact place is unknown: every location maps to `at`. */
  static unplaced(sql: string, at: SourceSpan): ParsedText {
    return new ParsedText(sql, { kind: 'unplaced', at });
  }

  private get mapper(): PositionMapper {
    this.#mapper ??= createPositionMapper(this.sql);
    return this.#mapper;
  }

  /** The 0-based UTF-16 index into `sql` of a 0-based UTF-8 byte offset (clamped to the text). */
  indexOf(byteOffset: number): number {
    return this.mapper.indexOfByteOffset(byteOffset);
  }

  /** The span of a libpg_query location (UTF-8 byte offset into `sql`). */
  span(byteOffset: number): SourceSpan {
    if (this.place.kind === 'unplaced') return this.place.at;
    return byteOffset === 0 ? this.spanOfIndex(0) : this.spanOfIndex(this.indexOf(byteOffset));
  }

  /** The span of a 0-based UTF-16 index into `sql`. */
  spanOfIndex(index: number): SourceSpan {
    const place = this.place;
    switch (place.kind) {
      case 'unplaced':
        return place.at;
      case 'inside':
        return place.outer.spanOfIndex(place.index + index);
      case 'file': {
        if (index === 0) return place.start;
        const position = this.mapper.fromIndex(index);
        return {
          file: place.start.file,
          line: place.start.line + position.line - 1,
          column: position.line === 1 ? place.start.column + position.column - 1 : position.column,
        };
      }
      default:
        return assertNever(place);
    }
  }

  /**
   * PostgreSQL's scanner tokens of the part of `sql` from byte offset `start` (a token's first
   * byte) to `end` (exclusive; default the end of `sql`), with `start`/`end` as UTF-8 byte offsets
   * into `sql`. Only that part is scanned: a Prisma Migrate file is one text of many statements.
   */
  tokensIn(start: number, end?: number): ScanToken[] {
    const from = this.indexOf(start);
    const part = this.sql.slice(from, end === undefined ? undefined : this.indexOf(end));
    if (part.trim() === '') return [];
    return scanSync(part).tokens.map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
  }
}

/**
 * Byte offsets where each action of a comma-separated list starts, in a statement whose list
 * follows a relation name (`ALTER TABLE [ONLY] [schema.]name [*] action, action, ...`):
 * the token after the name, then the token after each comma outside parentheses and brackets, up
 * to the statement's `;`. `relationLocation` is the name's `RangeVar.location`; `statementEnd` the
 * byte offset where the statement ends in `text` (its `RawStmt` location + length; `undefined`:
 * the end of the text). Only the statement from the name on is scanned.
 *
 * @returns the offsets, or `undefined` when the tokens do not give exactly `count` actions.
 */
export function listStarts(
  text: ParsedText,
  relationLocation: number | undefined,
  count: number,
  statementEnd?: number,
): number[] | undefined {
  if (relationLocation === undefined || relationLocation < 0) return undefined;
  const tokens = text.tokensIn(relationLocation, statementEnd);
  let i = 0;
  if (tokens[i]?.start !== relationLocation) return undefined;
  while (tokens[i + 1]?.text === '.' && tokens[i + 2]) i += 2;
  if (tokens[i + 1]?.text === '*') i += 1;
  const starts: number[] = [];
  let depth = 0;
  let next = true;
  for (let j = i + 1; j < tokens.length; j++) {
    const token = tokens[j] as ScanToken;
    if (depth === 0 && token.text === ';') break;
    if (next) {
      starts.push(token.start);
      next = false;
    }
    if (token.text === '(' || token.text === '[') depth += 1;
    else if (token.text === ')' || token.text === ']') depth -= 1;
    else if (depth === 0 && token.text === ',') next = true;
  }
  return starts.length === count ? starts : undefined;
}
