/**
 * What gander adds to goose, against a real PostgreSQL: checksums in a side table (goose's table
 * untouched), --dry-run, the advisory lock and its wait timeout, timeouts, POSTGRES_* parts with any
 * password, JSON output, Prometheus metrics (textfile and a Pushgateway served by this test on
 * 127.0.0.1), create and fix.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, migrate, query, scratchCopy, versionRows } from '../packages/migrate/test/helpers.js';
import { createDatabase } from '../scripts/test-db/index.js';

const basic = join(FIXTURES, 'basic', 'migrations');
let db: Awaited<ReturnType<typeof createDatabase>>;
beforeEach(async () => {
  db = await createDatabase(16);
});
afterEach(async () => {
  await db.drop();
});

/** Prometheus text format -> `name{labels}` -> value, skipping comments. */
function promSamples(text: string): Record<string, number> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => {
        const i = l.lastIndexOf(' ');
        return [l.slice(0, i), Number(l.slice(i + 1))];
      }),
  );
}

describe('checksums', () => {
  it('records sha256 per applied file and reports edited and deleted files in status and validate', async () => {
    const work = scratchCopy('basic');
    const dir = join(work, 'migrations');
    try {
      expect((await migrate(['-dir', dir, 'postgres', db.url, 'up'])).code).toBe(0);
      const recorded = await query<{ version_id: string; file: string }>(
        db.url,
        'SELECT version_id, file FROM goose_db_version_gander_checksums ORDER BY 1',
      );
      expect(recorded.map((r) => [Number(r.version_id), r.file])).toEqual(
        readdirSync(dir)
          .sort()
          .map((f, i) => [i + 1, f]),
      );
      expect((await migrate(['validate', '--dir', dir, '--database-url', db.url])).code).toBe(0);
      writeFileSync(
        join(dir, '00002_add_email.sql'),
        `${readFileSync(join(dir, '00002_add_email.sql'), 'utf8')}-- edited\n`,
      );
      rmSync(join(dir, '00004_empty.sql'));
      const status = await migrate(['-dir', dir, 'postgres', db.url, 'status', '--format', 'json']);
      expect(status.code).toBe(0);
      const report = JSON.parse(status.stdout);
      expect(
        report.findings.map((f: { version: number; state: string; file: string }) => [
          f.version,
          f.state,
          f.file,
        ]),
      ).toEqual([
        [2, 'edited', '00002_add_email.sql'],
        [4, 'deleted', '00004_empty.sql'],
      ]);
      expect(report.migrations.map((m: { version: number; state: string }) => [m.version, m.state])).toEqual([
        [1, 'applied'],
        [2, 'applied'],
        [3, 'applied'],
      ]);
      const validate = await migrate(['validate', '--dir', dir, '--database-url', db.url]);
      expect(validate.code).toBe(1);
      expect(validate.lines.filter((l) => l.startsWith('gander: WARNING')).length).toBe(2);
      expect(await versionRows(db.url)).toEqual([
        [0, true],
        [1, true],
        [2, true],
        [3, true],
        [4, true],
      ]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('dry run, lock, timeouts', () => {
  it('--dry-run prints the plan and creates nothing', async () => {
    const run = await migrate([
      'up',
      '--dir',
      basic,
      '--database-url',
      db.url,
      '--dry-run',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(
      plan.planned.map((p: { version: number; direction: string; useTx: boolean }) => [
        p.version,
        p.direction,
        p.useTx,
      ]),
    ).toEqual([
      [1, 'up', true],
      [2, 'up', true],
      [3, 'up', false],
      [4, 'up', true],
    ]);
    expect(await query(db.url, "SELECT to_regclass('goose_db_version') AS t")).toEqual([{ t: null }]);
  });

  it('waits for the advisory lock, then fails with a clear message; --no-lock goes ahead', async () => {
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(4097083626)');
      const run = await migrate([
        'up',
        '--dir',
        basic,
        '--database-url',
        db.url,
        '--lock-wait-timeout',
        '1s',
      ]);
      expect(run.code).toBe(1);
      expect(run.lines[0]).toBe(
        'gander: waiting for the migration lock (advisory lock 4097083626) held by another runner',
      );
      expect(
        run.lines[1]?.startsWith(
          'gander migrate: could not take the migration lock (advisory lock 4097083626) within 1s: another runner holds it (backend pid ',
        ),
      ).toBe(true);
      expect(await query(db.url, "SELECT to_regclass('goose_db_version') AS t")).toEqual([{ t: null }]);
      expect(
        (await migrate(['up-to', '1', '--dir', basic, '--database-url', db.url, '--no-lock'])).code,
      ).toBe(0);
    } finally {
      await holder.end();
    }
  });

  it('--statement-timeout cancels a long statement: exit 1, SQLSTATE 57014, nothing recorded', async () => {
    const run = await migrate(
      [
        'up',
        '--dir',
        join(FIXTURES, 'slow', 'migrations'),
        '--database-url',
        db.url,
        '--statement-timeout',
        '300ms',
      ],
      {
        env: { SLOW_SECONDS: '5' },
      },
    );
    expect([run.code, /\(SQLSTATE ([0-9A-Z]{5})\)/.exec(run.stderr)?.[1]]).toEqual([1, '57014']);
    expect(await versionRows(db.url)).toEqual([
      [0, true],
      [1, true],
    ]);
  });

  it("-timeout (goose's one deadline for the whole command) cancels the running statement: exit 1, nothing recorded for it", async () => {
    const run = await migrate(
      ['-timeout', '2s', '-dir', join(FIXTURES, 'slow', 'migrations'), 'postgres', db.url, 'up'],
      { env: { SLOW_SECONDS: '30' } },
    );
    expect(run.code).toBe(1);
    expect(
      run.lines.find((l) => l.startsWith('gander migrate: '))?.replace(/^gander migrate: \S+: /, ''),
    ).toBe(
      'ERROR 00002_slow.sql: failed to run SQL migration (up): failed to execute SQL query "SELECT pg_sleep(30);": ERROR: canceling statement due to user request (SQLSTATE 57014)',
    );
    expect(await versionRows(db.url)).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(await query(db.url, "SELECT to_regclass('slow') AS t")).toEqual([{ t: null }]);
  });
});

describe('connection and output', () => {
  it('connects from POSTGRES_* parts with any password characters and never prints the password', async () => {
    const password = 'p@ss:w/rd#?&%20 "q\' \\x';
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE odd_user LOGIN SUPERUSER PASSWORD '${password.replaceAll("'", "''")}'`);
    } finally {
      await admin.end();
    }
    try {
      const u = new URL(db.url);
      const env = {
        POSTGRES_HOST: u.hostname,
        POSTGRES_PORT: u.port,
        POSTGRES_USER: 'odd_user',
        POSTGRES_PASSWORD: password,
        POSTGRES_DATABASE: db.name,
      };
      const run = await migrate(['up', '--dir', basic, '--log-format', 'json'], { env });
      expect(run.code).toBe(0);
      const events = run.stderr
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(events.map((e) => e.event)).toEqual(['migrated', 'migrated', 'migrated', 'migrated', 'done']);
      expect(run.stderr.includes(password) || run.stdout.includes(password)).toBe(false);
    } finally {
      await query(db.url, 'DROP OWNED BY odd_user; DROP ROLE odd_user');
    }
  });
});

describe('metrics', () => {
  it('writes a textfile and pushes to a Pushgateway, labelled by service', async () => {
    const received: Array<{ method: string; url: string; body: string }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += String(d);
      });
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const work = scratchCopy('basic');
    try {
      const file = join(work, 'migrate.prom');
      const args = [
        'up',
        '--dir',
        basic,
        '--database-url',
        db.url,
        '--service',
        'auth',
        '--metrics-file',
        file,
        '--pushgateway-url',
        `http://127.0.0.1:${port}`,
      ];
      expect((await migrate(args)).code).toBe(0);
      const fromFile = promSamples(readFileSync(file, 'utf8'));
      expect([
        fromFile['migration_failure_total{service="auth"}'],
        fromFile['migration_version{service="auth"}'],
      ]).toEqual([0, 4]);
      expect(fromFile['migration_duration_seconds{service="auth"}']).toBeGreaterThan(0);
      expect(received.map((r) => [r.method, r.url])).toEqual([
        ['PUT', '/metrics/job/gander_migrate/service/auth'],
      ]);
      expect(promSamples(received[0]?.body ?? '')['migration_version{service="auth"}']).toBe(4);
      const failing = [
        'up',
        '--dir',
        join(FIXTURES, 'failing', 'migrations'),
        '--database-url',
        db.url,
        '--service',
        'auth',
        '--metrics-file',
        file,
      ];
      await query(db.url, 'DROP TABLE goose_db_version, goose_db_version_gander_checksums, users CASCADE');
      expect((await migrate(failing)).code).toBe(1);
      const failed = promSamples(readFileSync(file, 'utf8'));
      expect([
        failed['migration_failure_total{service="auth"}'],
        failed['migration_version{service="auth"}'],
      ]).toEqual([1, 1]);
    } finally {
      server.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('create and fix (case 8)', () => {
  it('creates timestamped and sequential files and renumbers timestamps with fix', async () => {
    const work = scratchCopy('basic');
    const dir = join(work, 'migrations');
    try {
      const seq = await migrate(['-dir', dir, '-s', 'create', 'Add Users!', 'sql']);
      expect([seq.code, seq.lines]).toEqual([0, [`Created new file: ${dir}/00005_add_users_.sql`]]);
      expect(readFileSync(join(dir, '00005_add_users_.sql'), 'utf8')).toBe(
        "-- +goose Up\nSELECT 'up SQL query';\n\n-- +goose Down\nSELECT 'down SQL query';\n",
      );
      writeFileSync(join(dir, '20230826163141_charlie.sql'), '-- +goose Up\n');
      writeFileSync(join(dir, '20230826163151_delta.sql'), '-- +goose Up\n');
      const fix = await migrate(['fix', '--dir', dir]);
      expect(fix.lines).toEqual([
        'RENAMED 20230826163141_charlie.sql => 00006_charlie.sql',
        'RENAMED 20230826163151_delta.sql => 00007_delta.sql',
      ]);
      const ts = await migrate(['create', 'later', 'sql', '--dir', dir]);
      expect(/^Created new file: .*\/(\d{14})_later\.sql$/.exec(ts.lines[0] ?? '')?.[1]?.length).toBe(14);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
