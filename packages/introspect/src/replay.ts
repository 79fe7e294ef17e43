/**
 * Replay: apply a migration chain's Up sections to a real database, then introspect it. The oracle
 * the static fold is checked against, and a product mode (`gander inspect <dir> --replay`).
 */

import type { PGliteOptions } from '@electric-sql/pglite';
import { type MigrationSet, migrationStatements, readMigrations } from '@gander/goose';
import { formatSpan, GanderError, loadParser, type Model } from '@gander/schema';
import { connect } from './connect.js';
import { resolveConnection } from './connection-config.js';
import { introspect } from './introspect.js';

/** Where to replay: `'pglite'` (a fresh in-process PGlite with the contrib extensions) or a PostgreSQL URL. */
export type ReplayTarget = 'pglite' | string;

/** Options of {@link replay}. */
export interface ReplayOptions {
  /** Replay migrations up to and including this version. */
  readonly toVersion?: number;
  /** Environment for connection defaults (`PG*`); never read from `process.env` inside. */
  readonly env?: Record<string, string | undefined>;
}

/** What a replay gives: the introspected model and what was applied. */
export interface ReplayResult {
  readonly model: Model;
  /** Version of the last migration applied (0 when none). */
  readonly version: number;
  /** Migrations applied. */
  readonly migrations: number;
  /** goose statements (chunks) sent. */
  readonly statements: number;
  /** Notes for the user (Go migrations skipped, ...). */
  readonly notes: readonly string[];
}

/** A session that runs SQL text (one or more statements) and can be closed. */
interface Session {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

/**
 * Applies the Up sections version by version, as goose does: a file's statements in one
 * transaction, or one by one outside a transaction under `-- +goose NO TRANSACTION` (Prisma files:
 * one transaction when they hold several statements). All on one session, so a `SET search_path`
 * carries over as it would on goose's connection. Then introspects the database.
 *
 * Given a URL, the database must be empty (no tables, views, sequences, types or routines outside
 * the system schemas) and keeps what was replayed. `'pglite'` starts a fresh PGlite with its contrib
 * extensions and closes it afterwards.
 *
 * @throws GanderError `REPLAY_FAILED` with the statement's file:line:column and PostgreSQL's message
 *   when a statement fails (that file's transaction is rolled back); `DB_CONNECT` when the database
 *   is unreachable; `USAGE` when the database is not empty; `UNSUPPORTED` for Go migrations.
 */
export async function replay(
  source: string | MigrationSet,
  target: ReplayTarget,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  await loadParser();
  const set = typeof source === 'string' ? await readMigrations(source) : source;
  const session = target === 'pglite' ? await openPglite() : await openUrl(target, options.env ?? {});
  try {
    if (target !== 'pglite') await assertEmpty(session, target);
    const applied = await applyAll(session, set, options.toVersion);
    const model = await introspect(session);
    return { model, ...applied, notes: set.notes };
  } finally {
    await session.close();
  }
}

async function applyAll(session: Session, set: MigrationSet, toVersion: number | undefined) {
  let version = 0;
  let migrations = 0;
  let statements = 0;
  for (const migration of set.migrations) {
    if (toVersion !== undefined && migration.version > toVersion) break;
    if (migration.kind === 'go') {
      throw new GanderError('UNSUPPORTED', `${migration.file}: a Go migration cannot be replayed`, {
        hint: 'replay the SQL migrations before it with --to-version',
      });
    }
    const parsed = migrationStatements(migration, 'up');
    if (parsed.useTx) await session.exec('BEGIN');
    for (const statement of parsed.statements) {
      try {
        await session.exec(statement.sql);
      } catch (error) {
        if (parsed.useTx) await session.exec('ROLLBACK').catch(() => undefined);
        throw new GanderError('REPLAY_FAILED', `${formatSpan(statement.span)}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      statements += 1;
    }
    if (parsed.useTx) await session.exec('COMMIT');
    version = migration.version;
    migrations += 1;
  }
  return { version, migrations, statements };
}

async function openUrl(url: string, env: Record<string, string | undefined>): Promise<Session> {
  const client = await connect(resolveConnection(url, env));
  client.on('error', () => undefined);
  client.on('notice', () => undefined);
  return {
    async exec(sql) {
      await client.query(sql);
    },
    query: (sql, params) => client.query(sql, params as unknown[]),
    close: () => client.end(),
  };
}

/** Contrib extensions loaded into a replay PGlite (the ones migrations commonly create). */
async function pgliteExtensions(): Promise<Record<string, unknown>> {
  const names = [
    'pgcrypto',
    'uuid_ossp',
    'citext',
    'pg_trgm',
    'btree_gin',
    'btree_gist',
    'hstore',
    'ltree',
    'fuzzystrmatch',
    'unaccent',
    'intarray',
    'cube',
    'earthdistance',
    'tablefunc',
  ];
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const mod = (await import(`@electric-sql/pglite/contrib/${name}`)) as Record<string, unknown>;
    out[name] = mod[name];
  }
  return out;
}

async function openPglite(): Promise<Session> {
  const { PGlite } = await import('@electric-sql/pglite');
  const options = { extensions: await pgliteExtensions() } as PGliteOptions;
  const db = await PGlite.create(options);
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    query: (sql, params) => db.query(sql, params as unknown[]),
    close: () => db.close(),
  };
}

/** Refuses a database that already holds user objects: replay must start from nothing. */
async function assertEmpty(session: Session, url: string): Promise<void> {
  const { rows } = await session.query(
    `SELECT n.nspname || '.' || c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      UNION ALL
     SELECT n.nspname || '.' || p.proname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      LIMIT 3`,
  );
  if (rows.length > 0) {
    const names = (rows as { name: string }[]).map((r) => r.name).join(', ');
    throw new GanderError(
      'USAGE',
      `replay needs an empty database, but ${url.replace(/:[^:@/]*@/, ':***@')} holds ${names}${rows.length === 3 ? ', ...' : ''}`,
      {
        hint: 'create a new database (createdb) and pass its URL',
      },
    );
  }
}
