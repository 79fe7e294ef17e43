import { type Model, loadParser, parseSql, type SourceSpan } from '@gander/schema';
import type { RawStmt } from 'libpg-query';
import type { MigrationSet } from '../migration-set.js';
import { readMigrations } from '../read-migrations.js';
import { createPositionMapper, type PositionMapper } from '../spans.js';
import { parseSqlMigration, type Statement } from '../split.js';
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
 * @returns the model (sorted, every object with the span of the statement that last touched it), the
 *   version folded to, statement counts and the opaque statements with their spans.
 * @throws GanderError `SQL_SYNTAX` at file:line:column with PostgreSQL's message for a statement the
 *   parser rejects; `GOOSE_DIRECTIVE` / `GOOSE_VERSION` / `FILE_NOT_FOUND` from reading the folder.
 */
export async function foldMigrations(source: string | MigrationSet, options: FoldOptions = {}): Promise<FoldResult> {
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
export function foldStatements(statements: readonly Statement[], options: Omit<FoldOptions, 'toVersion'> = {}): FoldResult {
  const state = new FoldState(options.defaultSchema ?? 'public');
  for (const statement of statements) foldText(state, statement.sql, statement.span);
  return result(state, 0);
}

function result(state: FoldState, version: number): FoldResult {
  return { model: state.toModel(), version, statements: state.statements, opaque: state.opaque, dataStatements: state.dataStatements };
}

/** Parses one text (a goose chunk or a whole plain SQL file) and folds each statement in it. */
function foldText(state: FoldState, sql: string, start: SourceSpan): void {
  const parsed = parseSql(sql, { source: start });
  const stmts = parsed.stmts ?? [];
  if (stmts.length === 0) return;
  // Most goose chunks hold one statement at offset 0: index the text only when a later one needs it.
  let mapper: PositionMapper | undefined;
  let ascii: boolean | undefined;
  for (const raw of stmts as RawStmt[]) {
    if (!raw.stmt) continue;
    const offset = raw.stmt_location ?? 0;
    const position = offset === 0 ? { line: 1, column: 1 } : (mapper ??= createPositionMapper(sql)).fromByteOffset(offset);
    state.span = {
      file: start.file,
      line: start.line + position.line - 1,
      column: position.line === 1 ? start.column + position.column - 1 : position.column,
    };
    const end = raw.stmt_len === undefined ? undefined : offset + raw.stmt_len;
    ascii ??= sql.length === Buffer.byteLength(sql);
    const map = ascii ? undefined : (mapper ??= createPositionMapper(sql));
    const text = map ? sql.slice(map.indexOfByteOffset(offset), end === undefined ? undefined : map.indexOfByteOffset(end)) : sql.slice(offset, end);
    foldStatement(state, raw.stmt, text);
  }
}
