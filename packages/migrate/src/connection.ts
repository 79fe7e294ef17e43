/**
 * Where to connect: a `postgres://` URL, a libpq `key=value` string, `PG*` variables, or the
 * `POSTGRES_HOST`/`POSTGRES_PORT`/`POSTGRES_USER`/`POSTGRES_PASSWORD`/`POSTGRES_DATABASE` parts of a
 * Kubernetes Job. Parts are handed to the driver as fields, never pasted into a URL, so a password
 * may hold any character. Nothing here ever prints a password.
 *
 * @see https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING
 * @see https://www.postgresql.org/docs/current/libpq-envars.html
 */
import pg from 'pg';
import { GanderError } from '@gander/schema';

/** Resolved connection settings (the driver's fields). */
export interface ConnectionConfig {
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  readonly database?: string;
  readonly ssl?: boolean | { readonly rejectUnauthorized: boolean };
  readonly applicationName?: string;
  readonly connectTimeoutSeconds?: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Parses a libpq `key=value` connection string (single quotes, `\'` and `\\` escapes). */
export function parseKeyValue(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /\s*([A-Za-z_]+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|((?:[^\s'\\]|\\.)*))/y;
  let index = 0;
  while (index < text.length) {
    if (/^\s*$/.test(text.slice(index))) break;
    re.lastIndex = index;
    const m = re.exec(text);
    if (!m) {
      throw new GanderError('USAGE', `invalid connection string at character ${index + 1}: expected key=value`, {
        hint: 'use a postgres:// URL or libpq key=value pairs such as "host=db user=app dbname=app"',
      });
    }
    out[(m[1] as string).toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
    index = re.lastIndex;
  }
  return out;
}

function sslFrom(mode: string | undefined): ConnectionConfig['ssl'] | undefined {
  switch (mode) {
    case undefined:
      return undefined;
    case 'disable':
    case 'allow':
    case 'prefer':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
    case 'verify-full':
      return true;
    default:
      throw new GanderError('USAGE', `unknown sslmode "${mode}"`, { hint: 'sslmode is one of disable, allow, prefer, require, verify-ca, verify-full' });
  }
}

function fromParams(p: Record<string, string | undefined>): Record<string, unknown> {
  const port = p.port ? Number(p.port) : undefined;
  if (port !== undefined && !Number.isInteger(port)) throw new GanderError('USAGE', `invalid port "${p.port}" in the connection string`);
  const ssl = sslFrom(p.sslmode);
  return {
    ...(p.host ? { host: p.host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(p.user ? { user: p.user } : {}),
    ...(p.password !== undefined ? { password: p.password } : {}),
    ...(p.dbname ? { database: p.dbname } : {}),
    ...(ssl !== undefined ? { ssl } : {}),
    ...(p.application_name ? { applicationName: p.application_name } : {}),
    ...(p.connect_timeout ? { connectTimeoutSeconds: Number(p.connect_timeout) } : {}),
  };
}

function parseUrl(text: string): Record<string, unknown> {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new GanderError('USAGE', 'the database URL is not a valid URL', {
      hint: 'percent-encode special characters of the user and password (or use POSTGRES_PASSWORD / PGPASSWORD)',
    });
  }
  const params: Record<string, string> = {};
  for (const [k, v] of u.searchParams) params[k] = v;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return fromParams({
    ...params,
    ...(u.hostname ? { host: decode(u.hostname).replace(/^\[(.*)\]$/, '$1') } : {}),
    ...(u.port ? { port: u.port } : {}),
    ...(u.username ? { user: decode(u.username) } : {}),
    ...(u.password ? { password: decode(u.password) } : {}),
    ...(u.pathname.length > 1 ? { dbname: decode(u.pathname.slice(1)) } : {}),
  });
}

/**
 * Resolves the connection: fields of `input` (URL or key=value) first, then `POSTGRES_*` parts,
 * then `PG*` variables, then libpq's defaults (localhost:5432).
 *
 * @throws GanderError `USAGE` for a malformed URL or key=value string.
 */
export function resolveConnection(input: string | undefined, env: Env): ConnectionConfig {
  const given = input === undefined || input.trim() === '' ? {} : /^postgres(ql)?:\/\//i.test(input.trim()) ? parseUrl(input.trim()) : fromParams(parseKeyValue(input));
  const parts = fromParams({
    host: env.POSTGRES_HOST,
    port: env.POSTGRES_PORT,
    user: env.POSTGRES_USER,
    password: env.POSTGRES_PASSWORD,
    dbname: env.POSTGRES_DATABASE ?? env.POSTGRES_DB,
  });
  const pgEnv = fromParams({
    host: env.PGHOST,
    port: env.PGPORT,
    user: env.PGUSER,
    password: env.PGPASSWORD,
    dbname: env.PGDATABASE,
    sslmode: env.PGSSLMODE,
    application_name: env.PGAPPNAME,
    connect_timeout: env.PGCONNECT_TIMEOUT,
  });
  const merged = { ...pgEnv, ...parts, ...given } as ConnectionConfig;
  return { host: 'localhost', port: 5432, ...merged };
}

/** `user@host:port/database`, never the password. */
export function describeConnection(config: ConnectionConfig): string {
  return `${config.user ? `${config.user}@` : ''}${config.host ?? 'localhost'}:${config.port ?? 5432}/${config.database ?? config.user ?? ''}`;
}

/**
 * Opens one dedicated session (the advisory lock is session-level, so every statement of a run uses
 * it). Errors are `DB_CONNECT` naming host, port, database and user, without the password.
 */
export async function connect(config: ConnectionConfig, applicationName = 'gander-migrate'): Promise<pg.Client> {
  const client = new pg.Client({
    ...(config.host !== undefined ? { host: config.host } : {}),
    ...(config.port !== undefined ? { port: config.port } : {}),
    ...(config.user !== undefined ? { user: config.user } : {}),
    ...(config.password !== undefined ? { password: config.password } : {}),
    ...(config.database !== undefined ? { database: config.database } : {}),
    ...(config.ssl !== undefined ? { ssl: config.ssl as pg.ClientConfig['ssl'] } : {}),
    application_name: config.applicationName ?? applicationName,
    connectionTimeoutMillis: (config.connectTimeoutSeconds ?? 30) * 1000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const e = error as { code?: string; message?: string };
    const reason = e.code === 'ECONNREFUSED' ? 'connection refused (is the server running and accepting TCP connections?)' : (e.message ?? String(error));
    const sqlstate = e.code && /^[0-9A-Z]{5}$/.test(e.code) ? ` (SQLSTATE ${e.code})` : '';
    throw new GanderError('DB_CONNECT', `cannot connect to PostgreSQL at ${describeConnection(config)}: ${reason}${sqlstate}`, {
      hint: e.code === '28P01' ? 'check the password (POSTGRES_PASSWORD, PGPASSWORD or the connection string)' : 'check the connection string, PG* or POSTGRES_* variables',
      cause: error,
    });
  }
  // PostgreSQL 14+: notice a vanished client (a killed runner) within a second even during a long
  // statement, so its transaction is rolled back and the advisory lock freed promptly.
  await client.query('SET client_connection_check_interval = 1000').catch(() => undefined);
  return client;
}
