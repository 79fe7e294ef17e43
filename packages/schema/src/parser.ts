/**
 * The PostgreSQL parser (libpg_query 18 compiled to WASM, from `libpg-query`), loaded once.
 *
 * Everything that parses SQL in gander goes through here so the WASM module is loaded by one
 * `loadParser()` call and every later call is synchronous.
 */
import { hasSqlDetails, loadModule, type ParseResult, parseSync } from 'libpg-query';
import { GanderError } from './errors.js';
import type { SourceSpan } from './model.js';

let loading: Promise<void> | undefined;
let loaded = false;

/**
 * Loads the libpg_query WASM module. Idempotent: every call returns the same promise, and the
 * module is loaded once per process. Every synchronous parse or normalise function requires it to
 * have resolved.
 *
 * @throws whatever `libpg-query`'s `loadModule` rejects with (a missing or corrupt WASM file); a
 *   failed load is not cached, so a later call tries again.
 */
export function loadParser(): Promise<void> {
  loading ??= loadModule().then(
    () => {
      loaded = true;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether `loadParser()` has resolved, i.e. the synchronous functions may be called. */
export function isParserLoaded(): boolean {
  return loaded;
}

/** Options of {@link parseSql}. */
export interface ParseSqlOptions {
  /**
   * Where `sql` starts in its file (1-based line and UTF-16 column). When given, a syntax error is
   * reported at its position in that file; otherwise at its position inside `sql`.
   */
  readonly source?: SourceSpan;
}

/**
 * Parses SQL text into libpg_query's AST (`{ version, stmts: RawStmt[] }`, PostgreSQL 18 grammar).
 * Locations in the AST are UTF-8 byte offsets into `sql`.
 *
 * @throws GanderError `SQL_SYNTAX` for text PostgreSQL cannot parse, with the position of the error
 *   (file:line:column when `options.source` is given) and PostgreSQL's message.
 * @throws Error when `loadParser()` has not resolved yet (a programming error).
 */
export function parseSql(sql: string, options: ParseSqlOptions = {}): ParseResult {
  if (!loaded) throw new Error('parseSql: call `await loadParser()` first');
  try {
    return parseSync(sql);
  } catch (error) {
    if (!hasSqlDetails(error) || !error.sqlDetails) {
      throw new GanderError('SQL_SYNTAX', `cannot parse SQL: ${String((error as Error)?.message ?? error)}`, {
        cause: error,
      });
    }
    const details = error.sqlDetails;
    const { line, column } = positionOf(sql, details.cursorPosition);
    const base = options.source;
    const source: SourceSpan | undefined = base
      ? {
          file: base.file,
          line: base.line + line - 1,
          column: line === 1 ? base.column + column - 1 : column,
        }
      : undefined;
    const where = source ? '' : `line ${line}, column ${column}: `;
    return throwSyntax(`${where}${details.message}`, source, error);
  }
}

/**
 * Parses `prefix + text` (a wrapper such as `SELECT ` around an expression) and reports a syntax
 * error at its position inside `text`, naming `what` was being parsed.
 *
 * @throws GanderError `SQL_SYNTAX`.
 */
export function parseWrapped(prefix: string, text: string, what: string): ParseResult {
  if (!loaded) throw new Error('parseSql: call `await loadParser()` first');
  try {
    return parseSync(prefix + text);
  } catch (error) {
    const details = hasSqlDetails(error) ? error.sqlDetails : undefined;
    const cursor = details ? details.cursorPosition - Array.from(prefix).length : 0;
    const { line, column } = positionOf(text, cursor);
    const message = details?.message ?? String((error as Error)?.message ?? error);
    return throwSyntax(
      `cannot parse ${what} ${JSON.stringify(text)}: line ${line}, column ${column}: ${message}`,
      undefined,
      error,
    );
  }
}

function throwSyntax(message: string, source: SourceSpan | undefined, cause: unknown): never {
  throw new GanderError('SQL_SYNTAX', message, source ? { source, cause } : { cause });
}

/**
 * 1-based line and UTF-16 column of libpg-query's error cursor, a 0-based offset in characters
 * (code points); past the end means the end of the text.
 */
function positionOf(sql: string, cursor: number): { line: number; column: number } {
  const chars = Array.from(sql);
  const stop = Math.min(Math.max(cursor, 0), chars.length);
  let line = 1;
  let column = 1;
  for (let i = 0; i < stop; i += 1) {
    const ch = chars[i] as string;
    if (ch === '\n') {
      line += 1;
      column = 1;
    } else {
      column += ch.length;
    }
  }
  return { line, column };
}
