import {
  connect,
  describeConnection,
  introspect,
  redactUrl,
  resolveConnection,
  SESSION_OPTIONS,
  sslOptions,
  startupOptions,
} from '@gander/introspect';
import { GanderError } from '@gander/schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';

const defaults = { host: 'localhost', port: 5432, sslmode: 'prefer' };

describe('resolveConnection', () => {
  it.each([
    {
      name: 'URL with an encoded password and sslmode',
      input: 'postgres://app:p%40ss%3Aw%2Fd@db.example:6543/shop?sslmode=require&application_name=x',
      env: {},
      expected: {
        host: 'db.example',
        port: 6543,
        database: 'shop',
        user: 'app',
        password: 'p@ss:w/d',
        sslmode: 'require',
        applicationName: 'x',
      },
    },
    {
      name: 'postgresql:// URL, IPv6 host, env fills the password',
      input: 'postgresql://u@[::1]/d',
      env: { PGPASSWORD: 'from-env', PGUSER: 'ignored' },
      expected: { ...defaults, host: '::1', database: 'd', user: 'u', password: 'from-env' },
    },
    {
      name: 'URL naming a Unix socket directory',
      input: 'postgres:///d?host=/var/run/postgresql&user=me',
      env: {},
      expected: { ...defaults, host: '/var/run/postgresql', database: 'd', user: 'me' },
    },
    {
      name: 'libpq key=value with quoting and escapes',
      input: "host=h port = 5433 dbname=d user=u password='it\\'s a secret' sslmode=verify-full",
      env: {},
      expected: {
        host: 'h',
        port: 5433,
        database: 'd',
        user: 'u',
        password: "it's a secret",
        sslmode: 'verify-full',
      },
    },
    {
      name: 'PG* variables only',
      input: undefined,
      env: {
        PGHOST: 'pghost',
        PGPORT: '7000',
        PGUSER: 'pguser',
        PGPASSWORD: 'pw',
        PGDATABASE: 'pgdb',
        PGSSLMODE: 'disable',
      },
      expected: {
        host: 'pghost',
        port: 7000,
        database: 'pgdb',
        user: 'pguser',
        password: 'pw',
        sslmode: 'disable',
      },
    },
    {
      name: 'POSTGRES_* parts with a password of any characters; PG* wins where both are set',
      input: '',
      env: {
        POSTGRES_HOST: 'ph',
        POSTGRES_PORT: '7001',
        POSTGRES_USER: 'pu',
        POSTGRES_PASSWORD: 'p@ss w/rd:\'"%#?',
        POSTGRES_DATABASE: 'pd',
        PGHOST: 'wins',
      },
      expected: {
        ...defaults,
        host: 'wins',
        port: 7001,
        database: 'pd',
        user: 'pu',
        password: 'p@ss w/rd:\'"%#?',
      },
    },
    {
      name: "goose's URL form with sslmode=disable and a percent-encoded password",
      input: 'postgres://u:p%40ss%2Fw@h:6543/d?sslmode=disable',
      env: {},
      expected: { host: 'h', port: 6543, database: 'd', user: 'u', password: 'p@ss/w', sslmode: 'disable' },
    },
    {
      name: "goose's key=value form (its help text) and a quoted password with an escaped quote",
      input: "user=postgres dbname=postgres sslmode=disable host=db password='a b\\'c'",
      env: {},
      expected: {
        host: 'db',
        port: 5432,
        database: 'postgres',
        user: 'postgres',
        password: "a b'c",
        sslmode: 'disable',
      },
    },
    {
      name: 'POSTGRES_* parts beside a PG* variable, each filling what the other leaves unset',
      input: undefined,
      env: { POSTGRES_HOST: 'h', POSTGRES_PASSWORD: 'p@:/#', PGUSER: 'u' },
      expected: { ...defaults, host: 'h', database: 'u', user: 'u', password: 'p@:/#' },
    },
    {
      name: 'defaults: user from USER, database = user',
      input: undefined,
      env: { USER: 'alice' },
      expected: { ...defaults, database: 'alice', user: 'alice' },
    },
  ])('$name', ({ input, env, expected }) => {
    expect(resolveConnection(input, env)).toEqual(expected);
  });

  it.each([
    ['not a connection string', 'just words'],
    ['bad port', 'postgres://u:secretpw@h:99999/d'],
    ['bad sslmode', 'host=h sslmode=sometimes'],
    ['libpq key gander does not implement', 'host=h target_session_attrs=read-write'],
    ['bad parameter name', 'postgres://u:secretpw@h/d?bad-name=1'],
    ['unterminated quote', "host=h password='open"],
  ])('rejects %s with a USAGE error', (_name, input) => {
    expect(() => resolveConnection(input, {})).toThrow(GanderError);
    try {
      resolveConnection(input, {});
    } catch (error) {
      expect((error as GanderError).code).toBe('USAGE');
      expect((error as GanderError).message).not.toContain('secretpw');
    }
  });

  it('keeps other keys as server run-time parameters, as pgx (goose) does', () => {
    const config = resolveConnection(
      'postgres://u@h/d?sslmode=disable&search_path=app,public&lock_timeout=5s',
      {},
    );
    expect(config.runtimeParams).toEqual({ search_path: 'app,public', lock_timeout: '5s' });
    expect(startupOptions(config)).toBe(`${SESSION_OPTIONS} -c search_path=app,public -c lock_timeout=5s`);
    expect(startupOptions(resolveConnection("host=h statement_timeout='1 min'", {}))).toBe(
      `${SESSION_OPTIONS} -c statement_timeout=1\\ min`,
    );
  });

  it('describes a connection without its password', () => {
    const config = resolveConnection('postgres://u:hunter22@h:1/d', {});
    expect(describeConnection(config)).toBe('h:1/d as u');
    expect(redactUrl('postgres://u:hunter22@h:1/d')).toBe('postgres://u:***@h:1/d');
  });

  it.each([
    ['disable', false],
    ['prefer', { rejectUnauthorized: false }],
    ['require', { rejectUnauthorized: false }],
    ['verify-full', { rejectUnauthorized: true }],
  ] as const)('maps sslmode=%s to pg ssl options', async (mode, expected) => {
    expect(await sslOptions(resolveConnection(`host=h sslmode=${mode}`, {}))).toEqual(expected);
  });

  it('maps verify-ca to a chain check without a host-name check', async () => {
    const ssl = await sslOptions(resolveConnection('host=h sslmode=verify-ca', {}));
    expect(ssl !== false && ssl.rejectUnauthorized).toBe(true);
    expect(ssl !== false && ssl.checkServerIdentity?.('h', {} as never)).toBeUndefined();
  });
});

describe('connect and introspect on a live server', () => {
  const db = useTestDatabase(16);
  const password = 'Wr0ng-Pa55word-#7';

  it('connects with sslmode=prefer to a server without TLS', async () => {
    const client = await connect(resolveConnection(db.url, {}));
    const { rows } = await client.query(
      "select 1 as one, current_setting('jit') as jit, current_setting('application_name') as app",
    );
    await client.end();
    expect(rows).toEqual([{ one: 1, jit: 'off', app: 'gander' }]);
  });

  it('sends run-time parameters from the URL to the server (goose DSN ?search_path=...)', async () => {
    const url = new URL(db.url);
    url.searchParams.set('search_path', 'app, public');
    url.searchParams.set('statement_timeout', '1 min');
    const client = await connect(resolveConnection(url.toString(), {}));
    const { rows } = await client.query(
      "select current_setting('search_path') as path, current_setting('statement_timeout') as timeout",
    );
    await client.end();
    expect(rows).toEqual([{ path: 'app, public', timeout: '1min' }]);
  });

  it('names host, port and database on a wrong password, never the password or a stack', async () => {
    const url = new URL(db.url);
    url.password = password;
    const config = resolveConnection(url.toString(), {});
    const error = await connect(config).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GanderError);
    const g = error as GanderError;
    expect(g.code).toBe('DB_CONNECT');
    expect(g.message).toContain(`${url.hostname}:${url.port}/${db.name}`);
    expect(g.message).toMatch(/password authentication failed/);
    expect(g.message.endsWith('(SQLSTATE 28P01)')).toBe(true);
    expect(g.message).not.toContain(password);
    expect(g.message).not.toMatch(/\n\s+at /);
    expect(g.hint).toMatch(/password/);
  });

  it('reports an unreachable port as DB_CONNECT', async () => {
    const error = await connect(
      resolveConnection('host=127.0.0.1 port=1 dbname=x user=u password=topsecret sslmode=disable', {}),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as GanderError).code).toBe('DB_CONNECT');
    expect((error as GanderError).message).toContain('127.0.0.1:1/x as u');
    expect((error as GanderError).message).not.toContain('topsecret');
  });

  it('fails sslmode=require against a server without TLS', async () => {
    const url = new URL(db.url);
    url.searchParams.set('sslmode', 'require');
    const error = await connect(resolveConnection(url.toString(), {})).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as GanderError).code).toBe('DB_CONNECT');
  });

  describe('with a schema in place', () => {
    let admin: pg.Client;
    beforeAll(async () => {
      admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      await admin.query(`
        CREATE TYPE public.status AS ENUM ('on', 'off');
        CREATE TABLE public.things (id int PRIMARY KEY, s public.status DEFAULT 'on');
        DROP ROLE IF EXISTS gander_reader_${process.pid};
        CREATE ROLE gander_reader_${process.pid} LOGIN PASSWORD 'reader-pw';
        REVOKE ALL ON SCHEMA public FROM PUBLIC;`);
    });
    afterAll(async () => {
      await admin.query(`DROP OWNED BY gander_reader_${process.pid}; DROP ROLE gander_reader_${process.pid}`);
      await admin.end();
    });

    it('gives the same model to a role with no privileges on the schema', async () => {
      const expected = await introspect(admin);
      const url = new URL(db.url);
      url.username = `gander_reader_${process.pid}`;
      url.password = 'reader-pw';
      const reader = await connect(resolveConnection(url.toString(), {}));
      try {
        await reader.query('SET default_transaction_read_only = on');
        expect(await introspect(reader)).toEqual(expected);
        expect(expected.tables.map((t) => t.name)).toEqual(['things']);
        expect(expected.tables[0]?.columns[1]?.type).toBe('public.status');
      } finally {
        await reader.end();
      }
    });

    it('works inside a transaction, a pool, and leaves search_path as it was', async () => {
      const expected = await introspect(admin);
      await admin.query('BEGIN');
      await admin.query('SET LOCAL search_path = public, pg_temp');
      expect(await introspect(admin)).toEqual(expected);
      const { rows } = await admin.query('SHOW search_path');
      await admin.query('COMMIT');
      expect(rows[0].search_path).toBe('public, pg_temp');
      const pool = new pg.Pool({ connectionString: db.url, max: 2 });
      try {
        expect(await introspect(pool)).toEqual(expected);
      } finally {
        await pool.end();
      }
    });
  });
});
