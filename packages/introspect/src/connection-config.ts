/**
 * Connection settings from what a user gives: a `postgres://` URL, a libpq `key=value` string, the
 * libpq `PG*` environment variables, and the `POSTGRES_*` variables of container setups. Pure: reads
 * only the `env` object it is given.
 *
 * @see https://www.postgresql.org/docs/16/libpq-connect.html#LIBPQ-CONNSTRING
 * @see https://www.postgresql.org/docs/16/libpq-envars.html
 */
import { GanderError } from '@gander/schema';

/** libpq `sslmode` values. */
export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

/** Where and as whom to connect. `password` is never printed by gander. */
export interface ConnectionConfig {
  /** Host name, IP address, or a Unix-socket directory (starts with `/`). */
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly password?: string;
  readonly sslmode: SslMode;
  /** Path of a PEM file of trusted root certificates (`sslrootcert`). */
  readonly sslrootcert?: string;
  readonly applicationName?: string;
  /** `connect_timeout` in seconds; 0 waits forever. */
  readonly connectTimeout?: number;
  /** Server options sent at startup (`options`, e.g. `-c search_path=app`). */
  readonly options?: string;
  /**
   * Run-time parameters given as unknown keys (`?search_path=app&lock_timeout=5s`), sent to the server
   * at startup as pgx does (goose's driver), so a goose DSN keeps its meaning under gander.
   */
  readonly runtimeParams?: Readonly<Record<string, string>>;
}

type Settings = Partial<Record<SettingKey, string>> & { runtime?: Record<string, string> };
type SettingKey =
  | 'host'
  | 'port'
  | 'dbname'
  | 'user'
  | 'password'
  | 'sslmode'
  | 'sslrootcert'
  | 'application_name'
  | 'connect_timeout'
  | 'options';

const KEYS: readonly SettingKey[] = [
  'host',
  'port',
  'dbname',
  'user',
  'password',
  'sslmode',
  'sslrootcert',
  'application_name',
  'connect_timeout',
  'options',
];
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** libpq variables, then the container-style ones, each filling only what is still unset. */
const ENV_SOURCES: readonly (readonly [SettingKey, readonly string[]])[] = [
  ['host', ['PGHOST', 'POSTGRES_HOST']],
  ['port', ['PGPORT', 'POSTGRES_PORT']],
  ['dbname', ['PGDATABASE', 'POSTGRES_DATABASE', 'POSTGRES_DB']],
  ['user', ['PGUSER', 'POSTGRES_USER']],
  ['password', ['PGPASSWORD', 'POSTGRES_PASSWORD']],
  ['sslmode', ['PGSSLMODE']],
  ['sslrootcert', ['PGSSLROOTCERT']],
  ['application_name', ['PGAPPNAME']],
  ['connect_timeout', ['PGCONNECT_TIMEOUT']],
  ['options', ['PGOPTIONS']],
];

/**
 * Resolves the connection to use, as libpq does: settings in `input` (URL or `key=value`) win, the
 * environment fills what they leave unset (`PG*` first, then `POSTGRES_HOST/PORT/USER/PASSWORD/DATABASE`
 * or `POSTGRES_DB`), then the defaults: host `localhost`, port 5432, user `$USER` (else `postgres`),
 * database = user, `sslmode=prefer`. The password may hold any character (no URL encoding is needed
 * in variables; in a URL it is percent-decoded).
 *
 * @throws GanderError `USAGE` for input that is neither a URL nor `key=value` text, an unknown key, a
 *   bad port or sslmode. Messages never contain the password.
 */
export function resolveConnection(
  input: string | undefined,
  env: Record<string, string | undefined>,
): ConnectionConfig {
  const trimmed = input?.trim() ?? '';
  const given: Settings =
    trimmed === '' ? {} : /^postgres(ql)?:\/\//i.test(trimmed) ? parseUrl(trimmed) : parseKeyValue(trimmed);
  const settings: Settings = { ...given };
  for (const [key, names] of ENV_SOURCES) {
    if (settings[key] !== undefined && settings[key] !== '') continue;
    for (const name of names) {
      const value = env[name];
      if (value !== undefined && value !== '') {
        settings[key] = value;
        break;
      }
    }
  }
  const user = nonEmpty(settings.user) ?? nonEmpty(env.USER) ?? nonEmpty(env.USERNAME) ?? 'postgres';
  const sslmode = (nonEmpty(settings.sslmode) ?? 'prefer') as SslMode;
  if (!SSL_MODES.includes(sslmode)) {
    throw new GanderError('USAGE', `invalid sslmode "${sslmode}": expected one of ${SSL_MODES.join(', ')}`);
  }
  const port = parsePort(nonEmpty(settings.port) ?? '5432');
  const timeout = nonEmpty(settings.connect_timeout);
  if (timeout !== undefined && !/^\d+$/.test(timeout)) {
    throw new GanderError('USAGE', `invalid connect_timeout "${timeout}": expected whole seconds`);
  }
  return {
    host: nonEmpty(settings.host) ?? 'localhost',
    port,
    database: nonEmpty(settings.dbname) ?? user,
    user,
    ...(settings.password !== undefined && settings.password !== '' ? { password: settings.password } : {}),
    sslmode,
    ...(nonEmpty(settings.sslrootcert) ? { sslrootcert: settings.sslrootcert as string } : {}),
    ...(nonEmpty(settings.application_name) ? { applicationName: settings.application_name as string } : {}),
    ...(timeout !== undefined ? { connectTimeout: Number(timeout) } : {}),
    ...(nonEmpty(settings.options) ? { options: settings.options as string } : {}),
    ...(given.runtime ? { runtimeParams: given.runtime } : {}),
  };
}

/** `host:port/database as user`, for messages and labels; never the password. */
export function describeConnection(config: ConnectionConfig): string {
  const host = config.host.includes(':') && !config.host.startsWith('/') ? `[${config.host}]` : config.host;
  return `${host}:${config.port}/${config.database} as ${config.user}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new GanderError('USAGE', `invalid port "${text}": expected a number from 1 to 65535`);
  }
  return port;
}

/**
 * libpq connection keys that gander does not implement: refused rather than silently ignored or sent
 * to the server as a parameter. @see https://www.postgresql.org/docs/16/libpq-connect.html#LIBPQ-PARAMKEYWORDS
 */
const UNSUPPORTED_LIBPQ_KEYS = new Set([
  'hostaddr',
  'passfile',
  'require_auth',
  'channel_binding',
  'client_encoding',
  'fallback_application_name',
  'keepalives',
  'keepalives_idle',
  'keepalives_interval',
  'keepalives_count',
  'tcp_user_timeout',
  'replication',
  'gssencmode',
  'sslcert',
  'sslkey',
  'sslpassword',
  'sslcertmode',
  'sslcrl',
  'sslcrldir',
  'sslsni',
  'requirepeer',
  'ssl_min_protocol_version',
  'ssl_max_protocol_version',
  'krbsrvname',
  'gsslib',
  'gssdelegation',
  'service',
  'target_session_attrs',
  'load_balance_hosts',
  'sslnegotiation',
  'sslcompression',
]);

/**
 * Stores one `key=value` setting. Keys gander implements are settings; libpq keys it does not implement
 * are a `USAGE` error; any other key is a run-time parameter for the server, as in pgx (goose's
 * driver): `?search_path=app` sets `search_path` for the session.
 */
function setSetting(settings: Settings, key: string, value: string): void {
  const k = key === 'database' ? 'dbname' : key;
  if ((KEYS as readonly string[]).includes(k)) {
    settings[k as SettingKey] = value;
    return;
  }
  if (UNSUPPORTED_LIBPQ_KEYS.has(k)) {
    throw new GanderError('USAGE', `connection option "${key}" is not supported by gander`, {
      hint: `supported: ${KEYS.join(', ')}, and server parameters such as search_path`,
    });
  }
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(k)) {
    throw new GanderError('USAGE', `invalid connection option name "${key}"`);
  }
  settings.runtime = { ...settings.runtime, [k]: value };
}

/** `postgres[ql]://[user[:password]@][host][:port][/dbname][?key=value&...]`. */
function parseUrl(text: string): Settings {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new GanderError(
      'USAGE',
      `invalid PostgreSQL URL ${redactUrl(text)}: expected postgres://user:password@host:port/database`,
    );
  }
  const settings: Settings = {};
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new GanderError('USAGE', `invalid percent-encoding in PostgreSQL URL ${redactUrl(text)}`);
    }
  };
  if (url.username) settings.user = decode(url.username);
  if (url.password) settings.password = decode(url.password);
  const host = decode(url.hostname).replace(/^\[(.*)\]$/, '$1');
  if (host) settings.host = host;
  if (url.port) settings.port = url.port;
  const db = decode(url.pathname.replace(/^\//, ''));
  if (db) settings.dbname = db;
  for (const [key, value] of url.searchParams) setSetting(settings, key, value);
  return settings;
}

/** The URL with its password replaced by `***`. */
export function redactUrl(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*):[^@/?#]*@/i, '$1:***@');
}

/**
 * libpq `key=value` pairs separated by spaces; a value may be single-quoted, and `\` escapes the next
 * character (`password='it\'s secret'`).
 */
function parseKeyValue(text: string): Settings {
  const settings: Settings = {};
  let i = 0;
  const skipSpaces = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  while (true) {
    skipSpaces();
    if (i >= text.length) return settings;
    const keyStart = i;
    while (i < text.length && /[A-Za-z0-9_]/.test(text[i] as string)) i++;
    const key = text.slice(keyStart, i);
    skipSpaces();
    if (key === '' || text[i] !== '=') {
      throw new GanderError(
        'USAGE',
        `invalid connection string at character ${i + 1}: expected key=value pairs or a postgres:// URL`,
      );
    }
    i++;
    skipSpaces();
    let value = '';
    if (text[i] === "'") {
      i++;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      if (text[i] !== "'")
        throw new GanderError('USAGE', `invalid connection string: unterminated quoted value of "${key}"`);
      i++;
    } else {
      while (i < text.length && !/\s/.test(text[i] as string)) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
    }
    setSetting(settings, key, value);
  }
}
