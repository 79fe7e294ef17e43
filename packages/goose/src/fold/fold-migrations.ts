import { loadParser, type Model, parseSql, type SourceSpan } from '@gander/schema';
import type { RawStmt } from 'libpg-query';
import type { MigrationSet } from '../migration-set.js';
import { readMigrations } from '../read-migrations.js';
import { parseSqlMigration, type Statement } from '../split.js';
import { ParsedText } from './locations.js';
import { endTransaction } from './search-path.js';
import { FoldState, type OpaqueStatement } from './state.js';
import { foldStatement } from './statement.js';

/** Options of {@link foldMigrations}. */
export interface FoldOptions {
  /** Fold migrations up to and including this version (goose version; Prisma: 1-based position). */
  readonly toVersion?: number;
  /** Schema of an empty `search_path` entry and of unqualified names (default `public`). */
  readonly defaultSchema?: string;
}

/** What folding a migration chain gives. */
export interface FoldResult {
  readonly model: Model;
  /** Version of the last migration folded (0 when none). */
  readonly version: number;
  /** Number of SQL statements folded (libpg_query statements, not goose chunks). */
  readonly statements: number;
  /** Statements whose effect is known only by running them (DO blocks, CALL, ...), in order. */
  readonly opaque: readonly OpaqueStatement[];
  /** INSERT / UPDATE / DELETE / COPY / MERGE / TRUNCATE and plain SELECT statements (ignored). */
  readonly dataStatements: number;
}

/**
 * Folds the Up sections of a migrations folder (or an already read `MigrationSet`) in version order
 * into the schema model, with no database: every statement is parsed by PostgreSQL's own parser
 * (libpg_query, PostgreSQL 18 grammar) and applied to the model as PostgreSQL would apply it.
 *
 * @returns the model (sorted), the version folded to, statement counts and the opaque statements
 *   with their spans. Spans (1-based line, 1-based UTF-16 column) point into the statement that last
 *   touched the object: at the element's own text inside it for columns (their definition, or the
 *   `ALTER TABLE` action that changed them) and constraints (the column or table constraint clause,
 *   the `ADD CONSTRAINT` / `ALTER` / `VALIDATE` action), at the statement for everything else
 *   (tables, indexes, which are a `CREATE INDEX` statement, enums, views, routines, triggers).
 * @throws GanderError `SQL_SYNTAX` at file:line:column with PostgreSQL's message for a statement the
 *   parser rejects; `GOOSE_DIRECTIVE` / `GOOSE_VERSION` / `FILE_NOT_FOUND` from reading the folder.
 */
export async function foldMigrations(
  source: string | MigrationSet,
  options: FoldOptions = {},
): Promise<FoldResult> {
  await loadParser();
  const set = typeof source === 'string' ? await readMigrations(source) : source;
  return foldMigrationSet(set, options);
}

/** {@link foldMigrations} of a read `MigrationSet`, synchronously (requires `loadParser()` to have resolved). */
export function foldMigrationSet(set: MigrationSet, options: FoldOptions = {}): FoldResult {
  const state = new FoldState(options.defaultSchema ?? 'public');
  let version = 0;
  for (const migration of set.migrations) {
    if (options.toVersion !== undefined && migration.version > options.toVersion) break;
    version = migration.version;
    if (migration.kind === 'go' || migration.text === undefined) {
      state.span = { file: migration.file, line: 1, column: 1 };
      state.recordOpaque('GoMigration', 'a Go migration: gander cannot read or run it');
      continue;
    }
    if (migration.format === 'goose') {
      const parsed = parseSqlMigration(migration.text, { file: migration.file, direction: 'up' });
      for (const statement of parsed.statements) foldText(state, statement.sql, statement.span);
    } else {
      foldText(state, migration.text, { file: migration.file, line: 1, column: 1 });
    }
    endTransaction(state);
  }
  return result(state, version);
}

/**
 * Folds statements (goose chunks or plain SQL, each `{ sql, span }`) into a fresh model: the pure
 * core of {@link foldMigrations}. Requires `loadParser()` to have resolved.
 */
export function foldStatements(
  statements: readonly Statement[],
  options: Omit<FoldOptions, 'toVersion'> = {},
): FoldResult {
  const state = new FoldState(options.defaultSchema ?? 'public');
  for (const statement of statements) foldText(state, statement.sql, statement.span);
  return result(state, 0);
}

function result(state: FoldState, version: number): FoldResult {
  return {
    model: state.toModel(),
    version,
    statements: state.statements,
    opaque: state.opaque,
    dataStatements: state.dataStatements,
  };
}

/** Parses one text (a goose chunk or a whole plain SQL file) and folds each statement in it. */
function foldText(state: FoldState, sql: string, start: SourceSpan): void {
  const parsed = parseSql(sql, { source: start });
  const stmts = parsed.stmts ?? [];
  if (stmts.length === 0) return;
  const text = ParsedText.at(sql, start);
  state.text = text;
  // Most goose chunks hold one ASCII statement at offset 0: byte offsets are indexes then.
  const ascii = sql.length === Buffer.byteLength(sql);
  for (const raw of stmts as RawStmt[]) {
    if (!raw.stmt) continue;
    const offset = raw.stmt_location ?? 0;
    state.span = text.span(offset);
    const end = raw.stmt_len === undefined ? undefined : offset + raw.stmt_len;
    state.statementEnd = end;
    const statement = ascii
      ? sql.slice(offset, end)
      : sql.slice(text.indexOf(offset), end === undefined ? undefined : text.indexOf(end));
    foldStatement(state, raw.stmt, statement);
  }
}
