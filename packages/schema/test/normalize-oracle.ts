/**
 * The real server as the oracle of the normalisers: create columns, constraints and indexes, and
 * read back what PostgreSQL prints (`format_type`, `pg_get_expr`, `pg_get_constraintdef`,
 * `pg_get_indexdef`).
 */
import pg from 'pg';

/** A connected client; `end()` it in `afterAll`. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * `format_type(atttypid, atttypmod)` (read with `search_path = pg_catalog`) of a column declared
 * with each spelling (created with `search_path = public`), in order. A spelling the server rejects
 * gives `ERROR: <message>`.
 */
export async function formatTypes(client: pg.Client, spellings: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  await client.query('SET search_path = public');
  await client.query('DROP SCHEMA IF EXISTS oracle_types CASCADE; CREATE SCHEMA oracle_types');
  for (const [i, spelling] of spellings.entries()) {
    try {
      await client.query(`CREATE TABLE oracle_types.t${i} (c ${spelling})`);
    } catch (error) {
      out[i] = `ERROR: ${(error as Error).message}`;
    }
  }
  await client.query('SET search_path = pg_catalog');
  const { rows } = await client.query<{ n: number; t: string }>(
    `SELECT substr(c.relname, 2)::int AS n, format_type(a.atttypid, a.atttypmod) AS t
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'c'
      WHERE c.relnamespace = 'oracle_types'::regnamespace AND c.relkind = 'r'`,
  );
  for (const row of rows) out[row.n] = row.t;
  await client.query('SET search_path = public');
  return out;
}

/** Names of the `pg_catalog` types a column can have: base, range and multirange types, not arrays. */
export async function builtinColumnTypes(
  client: pg.Client,
): Promise<{ name: string; array: string | undefined }[]> {
  const { rows } = await client.query<{ name: string; array: string | null }>(
    `SELECT t.typname AS name, a.typname AS array
       FROM pg_catalog.pg_type t LEFT JOIN pg_catalog.pg_type a ON a.oid = t.typarray
      WHERE t.typnamespace = 'pg_catalog'::regnamespace AND t.typtype IN ('b', 'r', 'm')
        AND t.typisdefined AND NOT (t.typelem <> 0 AND t.typsubscript = 'array_subscript_handler'::regproc)
      ORDER BY t.typname`,
  );
  return rows.map((r) => ({ name: r.name, array: r.array ?? undefined }));
}

/** The server's major version (16, 18). */
export async function serverMajor(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
  return Math.floor(Number(rows[0]?.v) / 10000);
}
