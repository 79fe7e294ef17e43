/**
 * goose's SQL migration file format: splits one `.sql` migration into the statements of one
 * direction, exactly as goose v3.27.3's `sqlparser.ParseSQLMigration` does (see
 * `/work/shared/reference/goose.md` section 1 for the rules and quirks reproduced here).
 *
 * @see https://github.com/pressly/goose/blob/520411a16119bd3b332613d1ff8312c4cc249673/internal/sqlparser/parser.go
 */
import { GanderError, type SourceSpan } from '@gander/schema';
import { extractAnnotation, isAnnotationLine } from './annotations.js';
import { type EnvLookup, InterpolateError, interpolate } from './envsub.js';
import { firstNonSpace, goQuote, goTrimSpace, isGoSpace } from './go-strings.js';

/** Which section of a migration to run: `-- +goose Up` or `-- +goose Down`. */
export type Direction = 'up' | 'down';

/** One statement as goose sends it to the database (one simple-protocol query; it may hold several SQL statements). */
export interface Statement {
  /** The statement text, Go-whitespace-trimmed, inner comments and blank lines kept. */
  readonly sql: string;
  /** Where `sql` starts in the file: 1-based line, 1-based column in UTF-16 units. */
  readonly span: SourceSpan;
}

/** The statements of one direction and whether goose runs them in a transaction. */
export interface ParsedMigration {
  readonly statements: readonly Statement[];
  /** `false` when the file holds `-- +goose NO TRANSACTION` anywhere (it applies to both directions). */
  readonly useTx: boolean;
}

export interface ParseOptions {
  /** The file name used in spans and errors (a path as given; never read). */
  readonly file: string;
  readonly direction: Direction;
  /** Variable lookup for `-- +goose ENVSUB ON`; without it every variable is unset. */
  readonly env?: EnvLookup;
}

const URL = 'https://github.com/pressly/goose#sql-migrations';
/** goose's `bufio.Scanner` buffer (`scanBufSize`): a line of this many bytes or more fails. */
const MAX_LINE_BYTES = 4 * 1024 * 1024;

enum State {
  Start = 0,
  Up = 1,
  UpBlock = 2,
  UpBlockEnd = 3,
  Down = 4,
  DownBlock = 5,
  DownBlockEnd = 6,
}

interface Buffered {
  readonly line: number;
  readonly raw: string;
  readonly text: string;
}

/**
 * Splits a goose SQL migration into the statements of one direction.
 *
 * Lines are split as Go's `bufio.ScanLines` does (`\n`, one trailing `\r` dropped). Annotations are
 * recognised as in {@link isAnnotationLine}; a statement ends at a line whose last word before a
 * `--` word ends with `;`, or at `-- +goose StatementEnd`. Comments and empty lines between
 * statements are dropped, inside a statement kept. goose's quirks are kept: an empty
 * StatementBegin/End block swallows the next SQL line and yields an empty statement `""`; a line
 * ending in `;--comment` does not end a statement; a UTF-8 BOM (U+FEFF, pass the text undecoded of
 * it) before `-- +goose Up` is an error; ENVSUB errors in the other direction's section still fail.
 *
 * @returns the statements in file order, each with the span of its first character, and `useTx`.
 * @throws GanderError `GOOSE_DIRECTIVE` with goose's own error text as the message and `source` at
 *   the line where goose fails (for an unfinished statement: where that statement starts; for a
 *   block left open: its `StatementBegin` line).
 */
export function parseSqlMigration(text: string, options: ParseOptions): ParsedMigration {
  const { file, direction } = options;
  const env: EnvLookup = options.env ?? (() => undefined);
  const statements: Statement[] = [];
  let state = State.Start;
  let useTx = true;
  let envsub = false;
  let buffer: Buffered[] = [];
  let blockLine = 0;

  const fail = (message: string, line: number, column = 1, hint?: string): never => {
    throw new GanderError('GOOSE_DIRECTIVE', message, {
      source: { file, line, column },
      ...(hint ? { hint } : {}),
    });
  };
  const bufferText = (): string => buffer.map((b) => b.text).join('');
  const startOf = (fallbackLine: number): SourceSpan => {
    for (const b of buffer) {
      const at = firstNonSpace(b.text);
      if (at >= 0) {
        const raw = firstNonSpace(b.raw);
        return { file, line: b.line, column: (raw >= 0 ? raw : at) + 1 };
      }
    }
    return { file, line: fallbackLine, column: 1 };
  };
  const unfinished = (remaining: string, line: number): never => {
    const start = startOf(line);
    return fail(
      `failed to parse migration: state ${state}, direction: ${direction}: unexpected unfinished SQL query: ${goQuote(remaining)}: missing semicolon?`,
      start.line,
      start.column,
      `end the statement's last line with ";" or wrap it in "-- +goose StatementBegin" / "-- +goose StatementEnd" (goose noticed at line ${line})`,
    );
  };
  const emit = (line: number): void => {
    statements.push({ sql: goTrimSpace(bufferText()), span: startOf(line) });
    buffer = [];
  };

  const lines = splitLines(text);
  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    const raw = lines[index] ?? '';
    if (raw.length * 3 >= MAX_LINE_BYTES && utf8Length(raw) >= MAX_LINE_BYTES) {
      fail(
        'failed to scan migration: bufio.Scanner: token too long',
        lineNo,
        1,
        'goose cannot read lines of 4 MiB or more',
      );
    }
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (state === State.Start && goTrimSpace(line) === '') continue;

    if (isAnnotationLine(line)) {
      const result = extractAnnotation(line);
      if (!result.ok) {
        fail(
          `failed to parse annotation line ${goQuote(line)}: ${result.detail}`,
          lineNo,
          1,
          annotationHint(line),
        );
      } else {
        const annotation = result.annotation;
        if (annotation === 'Up') {
          if (state !== State.Start)
            fail(`duplicate '-- +goose Up' annotations; stateMachine=${state}, see ${URL}`, lineNo);
          state = State.Up;
          continue;
        }
        if (annotation === 'Down') {
          if (state !== State.Up && state !== State.UpBlockEnd) {
            fail(`must start with '-- +goose Up' annotation, stateMachine=${state}, see ${URL}`, lineNo);
          }
          const remaining = goTrimSpace(bufferText());
          if (remaining !== '') unfinished(remaining, lineNo);
          state = State.Down;
          continue;
        }
        if (annotation === 'StatementBegin') {
          if (state === State.Up || state === State.UpBlockEnd) state = State.UpBlock;
          else if (state === State.Down || state === State.DownBlockEnd) state = State.DownBlock;
          else {
            fail(
              `'-- +goose StatementBegin' must be defined after '-- +goose Up' or '-- +goose Down' annotation, stateMachine=${state}, see ${URL}`,
              lineNo,
            );
          }
          blockLine = lineNo;
          continue;
        }
        if (annotation === 'StatementEnd') {
          if (state === State.UpBlock) state = State.UpBlockEnd;
          else if (state === State.DownBlock) state = State.DownBlockEnd;
          else
            fail(
              `'-- +goose StatementEnd' must be defined after '-- +goose StatementBegin', see ${URL}`,
              lineNo,
            );
          // no `continue`: goose goes on with this line (it is not stored, but it emits the block)
        } else {
          if (annotation === 'NO TRANSACTION') useTx = false;
          else envsub = annotation === 'ENVSUB ON';
          continue;
        }
      }
    }

    if (buffer.length === 0 && (goTrimSpace(line).startsWith('--') || line === '')) continue;

    let current = line;
    if (state !== State.UpBlockEnd && state !== State.DownBlockEnd) {
      if (envsub) current = substitute(line, env, (message) => fail(message, lineNo));
      buffer.push({ line: lineNo, raw: line, text: `${current}\n` });
    }

    if (state === State.Up || state === State.UpBlock || state === State.UpBlockEnd) {
      if (direction === 'down') {
        buffer = [];
        continue;
      }
    } else if (state === State.Down || state === State.DownBlock || state === State.DownBlockEnd) {
      if (direction === 'up') {
        buffer = [];
        continue;
      }
    } else {
      fail(
        `failed to parse migration: unexpected state ${state} on line ${goQuote(current)}, see ${URL}`,
        lineNo,
        1,
        startHint(current),
      );
    }

    if (state === State.Up || state === State.Down) {
      if (endsWithSemicolon(current)) emit(lineNo);
    } else if (state === State.UpBlockEnd) {
      emit(lineNo);
      state = State.Up;
    } else if (state === State.DownBlockEnd) {
      emit(lineNo);
      state = State.Down;
    }
  }

  const lastLine = Math.max(lines.length, 1);
  if (state === State.Start) {
    fail(
      `failed to parse migration: must start with '-- +goose Up' annotation, see ${URL}`,
      1,
      1,
      'add a "-- +goose Up" line before the first statement',
    );
  }
  if (state === State.UpBlock || state === State.DownBlock) {
    fail(
      "failed to parse migration: missing '-- +goose StatementEnd' annotation",
      blockLine,
      1,
      'close the block opened here with "-- +goose StatementEnd"',
    );
  }
  const remaining = goTrimSpace(bufferText());
  if (remaining !== '') unfinished(remaining, lastLine);
  return { statements, useTx };
}

/** Both directions of one file (parsed separately, as goose does); `useTx` is the same for both. */
export interface ParsedMigrationBoth {
  readonly up: readonly Statement[];
  readonly down: readonly Statement[];
  readonly useTx: boolean;
}

/**
 * Parses both directions of a goose SQL migration (what goose's Provider and `goose validate` do
 * before running anything).
 *
 * @throws GanderError `GOOSE_DIRECTIVE` from the up parse first, then from the down parse.
 */
export function parseSqlMigrationBoth(
  text: string,
  options: Omit<ParseOptions, 'direction'>,
): ParsedMigrationBoth {
  const up = parseSqlMigration(text, { ...options, direction: 'up' });
  const down = parseSqlMigration(text, { ...options, direction: 'down' });
  return { up: up.statements, down: down.statements, useTx: up.useTx };
}

/**
 * goose's `endsWithSemicolon`: the last whitespace-separated word before the first word that
 * starts with `--` ends with `;`. No awareness of strings, quoted identifiers or `/* *\/`.
 */
export function endsWithSemicolon(line: string): boolean {
  // goWords without building the words: `last` is the last character of the previous word.
  let last = -1;
  let i = 0;
  while (i < line.length) {
    while (i < line.length && isGoSpace(line.charCodeAt(i))) i++;
    if (i >= line.length) break;
    if (line.charCodeAt(i) === 0x2d && line.charCodeAt(i + 1) === 0x2d) break;
    while (i < line.length && !isGoSpace(line.charCodeAt(i))) i++;
    last = line.charCodeAt(i - 1);
  }
  return last === 0x3b;
}

/** Lines as Go's `bufio.ScanLines` yields them, each still with its `\r` (dropped by the caller). */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function substitute(line: string, env: EnvLookup, fail: (message: string) => never): string {
  try {
    return interpolate(line, env);
  } catch (error) {
    if (error instanceof InterpolateError)
      return fail(`variable substitution failed: ${error.message}:\n${line}`);
    throw error;
  }
}

function annotationHint(line: string): string {
  if (line.startsWith(' ') || line.startsWith('\t')) return 'goose annotations must start at column 1';
  return 'goose reads every comment line containing "+goose" as an annotation: use exactly "-- +goose Up", "Down", "StatementBegin", "StatementEnd", "NO TRANSACTION", "ENVSUB ON" or "ENVSUB OFF", with nothing after it';
}

function startHint(line: string): string {
  if (line.startsWith('\ufeff'))
    return 'the file starts with a UTF-8 byte order mark, which goose rejects: save it without BOM';
  return 'goose allows only comments and blank lines before "-- +goose Up"';
}
