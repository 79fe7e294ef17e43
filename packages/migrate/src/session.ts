/**
 * The runner's database session. Where to connect (URL, libpq `key=value`, `PG*`, `POSTGRES_*`) and
 * how (TLS, errors naming the server, never the password) belong to `@gander/introspect`
 * (`resolveConnection`, `connect`); this adds only what a migration run needs of its session.
 */
import { type ConnectionConfig, connect } from '@gander/introspect';
import type pg from 'pg';

/** `application_name` of the runner's session unless the connection string sets one. */
export const RUNNER_APPLICATION_NAME = 'gander-migrate';

/**
 * Opens the one session a run uses for everything (the advisory lock is session-level). On
 * PostgreSQL 14+ it sets `client_connection_check_interval` to 1 s so the server notices a vanished
 * runner (a killed Job pod) within a second even during a long statement, rolls its transaction
 * back and frees the lock; older servers ignore the setting. The caller must `await client.end()`.
 *
 * @throws GanderError `DB_CONNECT` (from `connect`: host, port, database and user, never the password).
 * @see https://www.postgresql.org/docs/16/runtime-config-connection.html#GUC-CLIENT-CONNECTION-CHECK-INTERVAL
 */
export async function openSession(
  config: ConnectionConfig,
  applicationName = RUNNER_APPLICATION_NAME,
): Promise<pg.Client> {
  const client = await connect({ ...config, applicationName: config.applicationName ?? applicationName });
  client.on('error', () => undefined);
  await client.query('SET client_connection_check_interval = 1000').catch(() => undefined);
  return client;
}
