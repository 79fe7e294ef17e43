/**
 * goose.md section 9, database cases 9-18 and CLI cases 19-21, against a real PostgreSQL: the rows
 * `gander migrate` leaves in `goose_db_version` are the rows goose v3.27.3 leaves (goose itself
 * cannot run here: no Go toolchain, no network), and what it prints is what goose prints after the
 * log prefix. Expected rows live in `fixtures/migrate/<case>/expected.json`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, migrate, query, versionRows } from '../packages/migrate/test/helpers.js';
import { createDatabase } from '../scripts/test-db/index.js';

const expected = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
const dirOf = (name: string) => join(FIXTURES, name, 'migrations');
/** goose's `OK`/`EMPTY` lines with the duration cut off, other lines unchanged. */
const noDurations = (lines: string[]) =>
  lines.map((l) => l.replace(/^((?:OK {3}|EMPTY )\S+) \([0-9.]+(?:ns|µs|ms|s|m\S*)\)$/, '$1'));

let db: Awaited<ReturnType<typeof createDatabase>>;
beforeEach(async () => {
  db = await createDatabase(16);
});
afterEach(async () => {
  await db.drop();
});

describe('fresh database (case 9)', () => {
  it('version creates the table with the version-0 row and prints goose: version 0', async () => {
    const run = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'version']);
    expect([run.code, run.lines]).toEqual([0, ['goose: version 0']]);
    expect(await versionRows(db.url)).toEqual([[0, true]]);
  });

  it('up creates the table with goose v3.27.3 DDL', async () => {
    expect((await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'up'])).code).toBe(0);
    const columns = await query(
      db.url,
      `SELECT column_name, data_type, is_nullable, column_default, is_identity, identity_generation
         FROM information_schema.columns WHERE table_name = 'goose_db_version' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      {
        column_name: 'id',
        data_type: 'integer',
        is_nullable: 'NO',
        column_default: null,
        is_identity: 'YES',
        identity_generation: 'BY DEFAULT',
      },
      {
        column_name: 'version_id',
        data_type: 'bigint',
        is_nullable: 'NO',
        column_default: null,
        is_identity: 'NO',
        identity_generation: null,
      },
      {
        column_name: 'is_applied',
        data_type: 'boolean',
        is_nullable: 'NO',
        column_default: null,
        is_identity: 'NO',
        identity_generation: null,
      },
      {
        column_name: 'tstamp',
        data_type: 'timestamp without time zone',
        is_nullable: 'NO',
        column_default: 'now()',
        is_identity: 'NO',
        identity_generation: null,
      },
    ]);
    const pk = await query(
      db.url,
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'goose_db_version'::regclass`,
    );
    expect(pk).toEqual([{ def: 'PRIMARY KEY (id)' }]);
  });
});

describe('up, down and the rows (cases 11, 17, 18, 20, 21)', () => {
  it('up records one row per migration, prints goose lines, runs multi-statement lines in one simple query', async () => {
    const want = expected('basic');
    const run = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'up']);
    expect(run.code).toBe(0);
    expect(noDurations(run.lines)).toEqual(want.upLines);
    expect(await versionRows(db.url)).toEqual(want.afterUp);
    expect((await query(db.url, 'SELECT count(*)::int AS n FROM users'))[0]).toEqual({ n: want.users });
    const again = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'up']);
    expect([again.code, again.lines]).toEqual([0, ['goose: no migrations to run. current version: 4']]);
    const byOne = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'up-by-one']);
    expect(byOne.code).toBe(1);
    expect(byOne.lines).toEqual([
      'goose: no migrations to run. current version: 4',
      'gander migrate: no next version found',
    ]);
  });

  it('down deletes every row of the version, down-to 0 keeps the version-0 row, down at 0 exits 1', async () => {
    await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'up']);
    await query(db.url, 'INSERT INTO goose_db_version (version_id, is_applied) VALUES (3, true)');
    await query(db.url, 'INSERT INTO goose_db_version (version_id, is_applied) VALUES (4, true)');
    const down = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'down']);
    expect([down.code, noDurations(down.lines)]).toEqual([0, ['EMPTY 00004_empty.sql']]);
    expect(await versionRows(db.url)).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [3, true],
      [3, true],
    ]);
    const to0 = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'down-to', '0']);
    expect(to0.code).toBe(0);
    expect(noDurations(to0.lines)).toEqual([
      'OK   00003_index_concurrently.sql',
      'OK   00002_add_email.sql',
      'OK   00001_create_users.sql',
      'goose: no migrations to run. current version: 0',
    ]);
    expect(await versionRows(db.url)).toEqual([[0, true]]);
    const atZero = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'down']);
    expect([atZero.code, atZero.lines]).toEqual([
      1,
      ['gander migrate: migration 0: no current version found'],
    ]);
  });

  it('redo rolls back and reapplies the current version; status prints goose rows', async () => {
    await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'up-to', '2']);
    const redo = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'redo']);
    expect(noDurations(redo.lines)).toEqual(['OK   00002_add_email.sql', 'OK   00002_add_email.sql']);
    expect(await versionRows(db.url)).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
    await query(db.url, "UPDATE goose_db_version SET tstamp = '2013-01-06 11:25:03' WHERE version_id = 1");
    await query(db.url, "UPDATE goose_db_version SET tstamp = '2024-02-29 23:05:09.5' WHERE version_id = 2");
    const status = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'status']);
    expect(status.lines).toEqual([
      '    Applied At                  Migration',
      '    =======================================',
      '    Sun Jan  6 11:25:03 2013 -- 00001_create_users.sql',
      '    Thu Feb 29 23:05:09 2024 -- 00002_add_email.sql',
      '    Pending                  -- 00003_index_concurrently.sql',
      '    Pending                  -- 00004_empty.sql',
    ]);
  });
});

describe('older goose tables and custom tables (cases 10, 12)', () => {
  it('continues a table created by old goose (serial id, nullable tstamp) with is_applied = false rows', async () => {
    await query(
      db.url,
      'CREATE TABLE goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NULL default now(), PRIMARY KEY(id))',
    );
    await query(
      db.url,
      'INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true), (2, true), (2, false)',
    );
    const version = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'version']);
    expect(version.lines).toEqual(['goose: version 1']);
    await query(db.url, 'CREATE TABLE users (id bigint PRIMARY KEY, name text, email text)');
    const up = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'up']);
    expect(noDurations(up.lines)).toEqual([
      'OK   00003_index_concurrently.sql',
      'EMPTY 00004_empty.sql',
      'goose: successfully migrated database to version: 4',
    ]);
    expect(await versionRows(db.url)).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [2, false],
      [3, true],
      [4, true],
    ]);
  });

  it('uses -table schema.table and GOOSE_TABLE', async () => {
    await query(db.url, 'CREATE SCHEMA ops');
    const run = await migrate([
      '-dir',
      dirOf('basic'),
      '-table',
      'ops.versions',
      'postgres',
      db.url,
      'up-to',
      '1',
    ]);
    expect(run.code).toBe(0);
    expect(await versionRows(db.url, 'ops.versions')).toEqual([
      [0, true],
      [1, true],
    ]);
    const env = await migrate(['up-to', '2', '--dir', dirOf('basic'), '--database-url', db.url], {
      env: { GOOSE_TABLE: 'ops.versions' },
    });
    expect(env.code).toBe(0);
    expect(await versionRows(db.url, 'ops.versions')).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
    expect(await query(db.url, "SELECT to_regclass('public.goose_db_version') AS t")).toEqual([{ t: null }]);
  });
});

describe('missing migrations and applied order (cases 13, 14)', () => {
  it('refuses missing migrations, applies them with -allow-missing, and rolls back in applied order', async () => {
    const want = expected('out-of-order');
    const work = mkdtempSync(join(tmpdir(), 'gander-ooo-'));
    try {
      cpSync(join(FIXTURES, 'out-of-order', 'first'), work, { recursive: true });
      await migrate(['-dir', work, 'postgres', db.url, 'up']);
      cpSync(join(FIXTURES, 'out-of-order', 'later'), work, { recursive: true });
      const refused = await migrate(['-dir', work, 'postgres', db.url, 'up']);
      expect(refused.code).toBe(1);
      expect(refused.lines.join('\n')).toBe(
        `gander migrate: ${want.missingError.replace('MIGRATIONS', work)}`,
      );
      expect(await versionRows(db.url)).toEqual([
        [0, true],
        [1, true],
        [3, true],
      ]);
      expect((await migrate(['-dir', work, '-allow-missing', 'postgres', db.url, 'up'])).code).toBe(0);
      expect(await versionRows(db.url)).toEqual(want.rowsAllowMissing);
      expect((await migrate(['-dir', work, 'postgres', db.url, 'version'])).lines).toEqual([
        `goose: version ${want.currentAfterAllowMissing}`,
      ]);
      const downTo2 = await migrate(['-dir', work, 'postgres', db.url, 'down-to', '2']);
      expect([downTo2.code, downTo2.lines]).toEqual([0, ['goose: no migrations to run. current version: 2']]);
      const down = await migrate(['-dir', work, 'postgres', db.url, 'down']);
      expect(noDurations(down.lines)).toEqual(['OK   00002_t2.sql']);
      await migrate(['-dir', work, '-allow-missing', 'postgres', db.url, 'up']);
      const reset = await migrate(['-dir', work, 'postgres', db.url, 'reset']);
      expect(noDurations(reset.lines)).toEqual([
        'OK   00003_t3.sql',
        'OK   00002_t2.sql',
        'OK   00001_t1.sql',
      ]);
      expect(await versionRows(db.url)).toEqual([[0, true]]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('failures (cases 15, 16)', () => {
  it('rolls back the failing migration, keeps earlier ones, names file:line and SQLSTATE', async () => {
    const want = expected('failing');
    const run = await migrate(['-dir', dirOf('failing'), 'postgres', db.url, 'up']);
    expect(run.code).toBe(want.exitCode);
    const error = run.lines.find((l) => l.startsWith('gander migrate: '));
    expect(error?.slice('gander migrate: '.length).split(': ERROR ')[0]).toBe(
      `${dirOf('failing')}/${want.location}`,
    );
    expect(/\(SQLSTATE ([0-9A-Z]{5})\)/.exec(run.stderr)?.[1]).toBe(want.sqlstate);
    expect(await versionRows(db.url)).toEqual(want.rows);
    const tables = await query<{ t: string }>(
      db.url,
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    expect(tables.map((r) => r.t)).toEqual(want.tables);
  });

  it('NO TRANSACTION: statements that ran stay, the version is not recorded, the message says which ran', async () => {
    const want = expected('notx-failing');
    const run = await migrate(['-dir', dirOf('notx-failing'), 'postgres', db.url, 'up']);
    expect(run.code).toBe(want.exitCode);
    const line = run.lines.find((l) => l.startsWith('NO TRANSACTION file: '));
    expect(line?.slice('NO TRANSACTION file: '.length).split('; version')[0]).toBe(want.ran);
    expect(await versionRows(db.url)).toEqual(want.rows);
    const tables = await query<{ t: string }>(
      db.url,
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    expect(tables.map((r) => r.t)).toEqual(want.tables);
  });

  it('CREATE INDEX CONCURRENTLY fails inside a transaction and succeeds in a NO TRANSACTION file', async () => {
    const want = expected('concurrently-in-tx');
    const run = await migrate(['-dir', dirOf('concurrently-in-tx'), 'postgres', db.url, 'up']);
    expect([run.code, /\(SQLSTATE ([0-9A-Z]{5})\)/.exec(run.stderr)?.[1]]).toEqual([
      want.exitCode,
      want.sqlstate,
    ]);
    expect(await versionRows(db.url)).toEqual(want.rows);
    expect((await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'up'])).code).toBe(0);
    expect(
      await query(db.url, "SELECT indexname FROM pg_indexes WHERE indexname = 'users_email_idx'"),
    ).toEqual([{ indexname: 'users_email_idx' }]);
  });
});

describe('-v (goose verboseInfo lines of runSQLMigration)', () => {
  /** stderr with goose's log prefix removed from the lines that carry it, durations cut. */
  const raw = (stderr: string) =>
    stderr.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /gm, '').replace(/ \([0-9.]+(?:ns|µs|ms|s)\)$/gm, '');

  it('-no-color: Begin, each statement as sent, Commit; a NO TRANSACTION file logs statements only', async () => {
    const run = await migrate(['-v', '-no-color', '-dir', dirOf('basic'), 'postgres', db.url, 'up-to', '3']);
    expect(run.code).toBe(0);
    expect(raw(run.stderr)).toBe(
      [
        'Begin transaction',
        'Executing statement: CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    name text NOT NULL\n);',
        "Executing statement: INSERT INTO users VALUES (1, 'a'); INSERT INTO users VALUES (2, 'b');",
        'Commit transaction',
        'OK   00001_create_users.sql',
        'Begin transaction',
        'Executing statement: ALTER TABLE users ADD COLUMN email text;',
        'Executing statement: CREATE FUNCTION users_count() RETURNS bigint LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN (SELECT count(*) FROM users);\nEND;\n$$;',
        'Commit transaction',
        'OK   00002_add_email.sql',
        'Executing statement: CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
        'OK   00003_index_concurrently.sql',
        'goose: successfully migrated database to version: 3',
        '',
      ].join('\n'),
    );
  });

  it('in colour by default (gray, reset on its own line after a statement in a transaction); NO_COLOR turns it off', async () => {
    const run = await migrate(['-v', '-dir', dirOf('basic'), 'postgres', db.url, 'up-to', '1']);
    const gray = (s: string) => `\u001b[90m${s}\u001b[00m`;
    expect(raw(run.stderr)).toBe(
      [
        gray('Begin transaction'),
        gray(
          'Executing statement: CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    name text NOT NULL\n);\n',
        ),
        gray("Executing statement: INSERT INTO users VALUES (1, 'a'); INSERT INTO users VALUES (2, 'b');\n"),
        gray('Commit transaction'),
        'OK   00001_create_users.sql',
        'goose: successfully migrated database to version: 1',
        '',
      ].join('\n'),
    );
    const plain = await migrate(['-v', '-dir', dirOf('basic'), 'postgres', db.url, 'redo'], {
      env: { NO_COLOR: 'true' },
    });
    expect(plain.stderr.includes('\u001b[')).toBe(false);
    expect(plain.lines.filter((l) => /transaction$/.test(l))).toEqual([
      'Begin transaction',
      'Commit transaction',
      'Begin transaction',
      'Commit transaction',
    ]);
  });

  it('a failing statement is followed by Rollback transaction; without -v none of these lines', async () => {
    const run = await migrate(['-v', '-no-color', '-dir', dirOf('failing'), 'postgres', db.url, 'up']);
    expect(run.code).toBe(1);
    const steps = run.lines.filter((l) =>
      /^(Begin|Commit|Rollback) transaction$|^Executing statement: /.test(l),
    );
    expect(steps.slice(-5)).toEqual([
      'Begin transaction',
      'Executing statement: CREATE TABLE orders (id bigint PRIMARY KEY);',
      'Executing statement: INSERT INTO orders VALUES (1);',
      'Executing statement: INSERT INTO missing_table',
      'Rollback transaction',
    ]);
    await query(db.url, 'DROP TABLE goose_db_version, goose_db_version_gander_checksums, users CASCADE');
    const quiet = await migrate(['-dir', dirOf('failing'), 'postgres', db.url, 'up']);
    expect(quiet.lines.some((l) => /transaction$|^Executing statement/.test(l))).toBe(false);
  });
});

describe('command line (case 19)', () => {
  it('takes flags after positionals, GOOSE_* variables, key=value DSNs and .env without override', async () => {
    const u = new URL(db.url);
    const kv = `host=${u.hostname} port=${u.port} user=${u.username} password='${decodeURIComponent(u.password)}' dbname=${u.pathname.slice(1)} sslmode=disable`;
    const afterArgs = await migrate(['postgres', kv, 'up-to', '1', '-dir', dirOf('basic')]);
    expect(afterArgs.code).toBe(0);
    const envRun = await migrate(['up-to', '2'], {
      env: { GOOSE_DRIVER: 'postgres', GOOSE_DBSTRING: db.url, GOOSE_MIGRATION_DIR: dirOf('basic') },
    });
    expect(envRun.code).toBe(0);
    const work = mkdtempSync(join(tmpdir(), 'gander-env-'));
    try {
      writeFileSync(join(work, '.env'), `GOOSE_DBSTRING=${db.url}\nGOOSE_MIGRATION_DIR=does-not-exist\n`);
      const dotenv = await migrate(['version'], { cwd: work, env: { GOOSE_MIGRATION_DIR: dirOf('basic') } });
      expect([dotenv.code, dotenv.lines]).toEqual([0, ['goose: version 2']]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    expect(await versionRows(db.url)).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
    const unknown = await migrate(['-dir', dirOf('basic'), 'postgres', db.url, 'sideways']);
    expect([unknown.code, unknown.lines[0]]).toEqual([2, 'gander migrate: "sideways": no such command']);
  });
});
