/**
 * The database side of a service: its schema model and which goose migrations it has applied, read
 * in one connection.
 */
import type { Model } from '@gander/schema';

/** The applied goose versions of a database, as goose's CLI computes them. */
export interface AppliedVersions {
  /** goose's "current version": the newest row (by `id`) whose version's newest row is applied. */
  readonly current: number;
  /** Versions whose newest row is applied (the version-0 sentinel left out). */
  readonly applied: ReadonlySet<number>;
}

/** What a database gives. */
export interface DatabaseSide {
  /** host, port, database, user (never the password). */
  readonly label: string;
  readonly model: Model;
  /** Absent when the database has no goose version table. */
  readonly versions?: AppliedVersions;
}

/**
 * goose's versions from the rows of `SELECT version_id, is_applied FROM <t> ORDER BY id DESC`
 * (goose's list query): the newest row of each version decides whether it is applied; the current
 * version is the first applied one in that order (0 when none).
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/migrate.go (`EnsureDBVersion`)
 */
export function appliedVersions(
  rows: readonly { readonly version: number; readonly isApplied: boolean }[],
): AppliedVersions {
  const seen = new Set<number>();
  const applied = new Set<number>();
  let current: number | undefined;
  for (const row of rows) {
    if (seen.has(row.version)) continue;
    seen.add(row.version);
    if (!row.isApplied) continue;
    current ??= row.version;
    if (row.version !== 0) applied.add(row.version);
  }
  return { current: current ?? 0, applied };
}

/**
 * Connects to `url` (completed by `PG*` variables of `env`), reads goose's version table
 * `gooseTable` (as goose resolves the name: through `search_path`, `schema.table` allowed) and
 * introspects `schemas` (default all). The version table itself never takes part in the comparison.
 *
 * @throws GanderError `DB_CONNECT` (names host, port, database; never the password), `DB_QUERY`.
 */
export async function readDatabaseSide(
  url: string,
  env: NodeJS.ProcessEnv,
  options: { readonly gooseTable: string; readonly schemas?: readonly string[] },
): Promise<DatabaseSide> {
  const { connect, describeConnection, introspect, resolveConnection } = await import('@gander/introspect');
  const config = resolveConnection(url, env);
  const client = await connect(config);
  try {
    const exists = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
      options.gooseTable,
    ]);
    let versions: AppliedVersions | undefined;
    if (exists.rows[0]?.exists) {
      const { rows } = await client.query<{ version_id: string; is_applied: boolean }>(
        `SELECT version_id, is_applied FROM ${options.gooseTable} ORDER BY id DESC`,
      );
      versions = appliedVersions(
        rows.map((r) => ({ version: Number(r.version_id), isApplied: r.is_applied })),
      );
    }
    const model = await introspect(client, options.schemas ? { schemas: options.schemas } : {});
    return { label: describeConnection(config), model, ...(versions ? { versions } : {}) };
  } finally {
    await client.end();
  }
}
