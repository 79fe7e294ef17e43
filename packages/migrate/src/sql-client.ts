/**
 * The one thing the runner needs from a connection: `query(text, values?)`. A `pg.Client` fits.
 * Statements of migrations are always sent without values, so node-postgres uses the simple query
 * protocol for them, as pgx does for goose.
 */
export interface SqlClient {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<{ readonly rows: R[]; readonly rowCount?: number | null }>;
}
