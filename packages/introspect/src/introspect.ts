/**
 * The IO edge of the live reader: runs `sql/catalog.sql` on any client and hands the row to the pure
 * `rowsToModel`.
 */
import { readFile } from 'node:fs/promises';
import { GanderError, loadParser, type Model } from '@gander/schema';
import type { CatalogRows } from './catalog-rows.js';
import { rowsToModel } from './rows-to-model.js';

/** Anything that runs one parameterised statement: a `pg.Client`, a `pg.Pool`, a PGlite instance. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** What to read. */
export interface IntrospectOptions {
  /** Schemas to read; default every schema except `pg_*` and `information_schema`. */
  readonly schemas?: readonly string[];
  /** Keep goose's `goose_db_version` and Prisma's `_prisma_migrations` tables (and their sequences). */
  readonly includeBookkeeping?: boolean;
  /** Schema whose qualification expressions drop from function names (default `public`); see `normalizeExpression`. */
  readonly defaultSchema?: string;
}

/** Number of statements `introspect` sends, whatever the size of the schema. */
export const INTROSPECT_ROUND_TRIPS = 1;

let catalogText: Promise<string> | undefined;

/** The text of `sql/catalog.sql`, read once (from `src/` in development, `dist/` when built). */
export function catalogSql(): Promise<string> {
  catalogText ??= readFile(new URL('../sql/catalog.sql', import.meta.url), 'utf8');
  return catalogText;
}

/**
 * Reads the schema model of the database `client` is connected to, in one read-only statement (so one
 * snapshot), with `search_path` set to `pg_catalog` for that statement only. Works for a role with no
 * privileges beyond `USAGE`/`SELECT` on the catalog, inside or outside a transaction, and on PGlite.
 * Skips `pg_*`, `information_schema`, objects owned by extensions (`pg_depend.deptype = 'e'`), the
 * `plpgsql` extension, and, unless `includeBookkeeping`, the bookkeeping tables.
 *
 * NOTE: on a server built with JIT, give it a session with `jit=off` (`connect` does): the statement
 * is planned as costly, and compiling it takes longer than running it.
 *
 * @throws GanderError `DB_QUERY` when the catalog cannot be read (the server's message is kept;
 *   PostgreSQL 12 or newer is needed), or when it holds a code this reader does not know.
 * @see ../sql/catalog.sql
 */
export async function introspect(client: Queryable, options: IntrospectOptions = {}): Promise<Model> {
  const [sql] = await Promise.all([catalogSql(), loadParser()]);
  const params = [options.schemas ? [...options.schemas] : null, options.includeBookkeeping ?? false];
  let rows: unknown[];
  try {
    ({ rows } = await client.query(sql, params));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GanderError('DB_QUERY', `introspect: reading the catalog failed: ${reason}`, {
      hint: 'gander reads PostgreSQL 12 or newer and needs SELECT on pg_catalog',
      cause: error,
    });
  }
  const row = rows[0];
  if (rows.length !== 1 || typeof row !== 'object' || row === null) {
    throw new GanderError(
      'DB_QUERY',
      `introspect: the catalog query returned ${rows.length} rows, expected 1`,
    );
  }
  return rowsToModel(
    row as CatalogRows,
    options.defaultSchema ? { defaultSchema: options.defaultSchema } : {},
  );
}
