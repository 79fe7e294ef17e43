/**
 * Opening a `pg.Client` from a `ConnectionConfig`, with errors that name the server and never the
 * password. Shared by `gander inspect` and the migration runner.
 */
import { readFile } from 'node:fs/promises';
import type { ConnectionOptions } from 'node:tls';
import { GanderError } from '@gander/schema';
import pg from 'pg';
import { type ConnectionConfig, describeConnection } from './connection-config.js';

/** Seconds `connect` waits for the server when the config sets no `connect_timeout`. */
export const DEFAULT_CONNECT_TIMEOUT = 10;

/**
 * Startup options of every gander session, before the user's `options`: `jit=off`. The planner
 * costs the one catalog statement of `introspect` high enough that a server built with LLVM JIT
 * compiles it, which costs seconds (1,000 tables on PostgreSQL 15: 5.5 s with JIT, 1.7 s without),
 * and nothing gander runs gains from JIT.
 */
export const SESSION_OPTIONS = '-c jit=off';

/**
 * The `ssl` option of `pg` for an sslmode (libpq semantics as far as `pg` allows):
 * - `disable`, `allow`: no TLS (`allow` would only use TLS if the server insisted);
 * - `prefer`: TLS without verification, retried without TLS if the server has none (see `connect`);
 * - `require`: TLS without verification, unless `sslrootcert` is set, then as `verify-ca` (libpq does so);
 * - `verify-ca`: TLS, certificate chain checked against `sslrootcert` (or the system roots), host name not;
 * - `verify-full`: TLS, chain and host name checked.
 *
 * @throws GanderError `CONFIG` when `sslrootcert` cannot be read.
 * @see https://www.postgresql.org/docs/16/libpq-ssl.html#LIBPQ-SSL-PROTECTION
 */
export async function sslOptions(config: ConnectionConfig): Promise<false | ConnectionOptions> {
  const mode = config.sslmode === 'require' && config.sslrootcert ? 'verify-ca' : config.sslmode;
  switch (mode) {
    case 'disable':
    case 'allow':
      return false;
    case 'prefer':
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, checkServerIdentity: () => undefined, ...(await rootCert(config)) };
    case 'verify-full':
      return { rejectUnauthorized: true, ...(await rootCert(config)) };
  }
}

async function rootCert(config: ConnectionConfig): Promise<{ ca?: string }> {
  if (!config.sslrootcert) return {};
  try {
    return { ca: await readFile(config.sslrootcert, 'utf8') };
  } catch (error) {
    throw new GanderError(
      'CONFIG',
      `cannot read sslrootcert ${config.sslrootcert}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * Connects a new `pg.Client` with `SESSION_OPTIONS` (JIT off); the caller must `await client.end()`.
 *
 * NOTE: `pg` has no `sslmode=prefer`; when TLS is refused ("The server does not support SSL
 * connections", the only signal `pg` gives) it connects again without TLS, as libpq does.
 *
 * @throws GanderError `DB_CONNECT` naming host, port, database and user and the server's reason
 *   with its SQLSTATE when the server refused (never the password, never a stack), with a hint; the
 *   driver's error is the `cause`.
 */
export async function connect(config: ConnectionConfig): Promise<pg.Client> {
  const ssl = await sslOptions(config);
  try {
    return await open(config, ssl);
  } catch (error) {
    if (config.sslmode === 'prefer' && ssl !== false && isNoSslError(error)) {
      try {
        return await open(config, false);
      } catch (retryError) {
        throw connectError(config, retryError);
      }
    }
    throw connectError(config, error);
  }
}

async function open(config: ConnectionConfig, ssl: false | ConnectionOptions): Promise<pg.Client> {
  const client = new pg.Client({
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    ...(config.password !== undefined ? { password: config.password } : {}),
    ssl,
    application_name: config.applicationName ?? 'gander',
    connectionTimeoutMillis: (config.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT) * 1000,
    options: startupOptions(config),
  });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/**
 * The startup `options` string: gander's session options, the user's `options`, then each run-time
 * parameter as `-c name=value` (spaces and backslashes escaped with `\\`, as the server's option
 * parser expects). @see https://www.postgresql.org/docs/16/libpq-connect.html#LIBPQ-CONNECT-OPTIONS
 */
export function startupOptions(config: ConnectionConfig): string {
  const parts = [SESSION_OPTIONS];
  if (config.options !== undefined) parts.push(config.options);
  for (const [name, value] of Object.entries(config.runtimeParams ?? {})) {
    parts.push(`-c ${name}=${value.replace(/[\\\s]/g, (c) => `\\${c}`)}`);
  }
  return parts.join(' ');
}

function isNoSslError(error: unknown): boolean {
  return error instanceof Error && /does not support SSL/i.test(error.message);
}

const HINTS: Record<string, string> = {
  '28P01': 'check the user name and password (URL, PGPASSWORD or POSTGRES_PASSWORD)',
  '28000': 'the server refused this user or host (pg_hba.conf); check the user, database and sslmode',
  '3D000': 'the database does not exist; create it or name another one',
  ECONNREFUSED: 'is the server running and listening on that host and port?',
  ENOTFOUND: 'the host name does not resolve; check the host',
  ETIMEDOUT: 'the server did not answer in time; check the host, port and firewall',
};

function connectError(config: ConnectionConfig, error: unknown): GanderError {
  const code = (error as { code?: unknown }).code;
  const raw = error instanceof Error ? error.message : String(error);
  const reason = redactPassword(raw, config.password);
  const hint = typeof code === 'string' ? HINTS[code] : undefined;
  // A server's refusal carries its SQLSTATE, printed as pgx (and so goose) prints it.
  const sqlstate = error instanceof pg.DatabaseError && code ? ` (SQLSTATE ${code})` : '';
  return new GanderError(
    'DB_CONNECT',
    `cannot connect to PostgreSQL at ${describeConnection(config)}: ${reason}${sqlstate}`,
    {
      ...(hint ? { hint } : {}),
      cause: error,
    },
  );
}

/** The text with every occurrence of the password (3 characters or more) replaced by `***`. */
function redactPassword(text: string, password: string | undefined): string {
  if (!password || password.length < 3) return text;
  return text.split(password).join('***');
}
