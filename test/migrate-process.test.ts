/**
 * `gander migrate` as a real process (the built `node packages/cli/bin/gander.js`; `pnpm test`
 * builds first): 8 runners racing, SIGKILL in the middle of a migration, the backend terminated,
 * and bad input, each with its documented exit code and no stack trace.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, query, versionRows } from '../packages/migrate/test/helpers.js';
import { runGander, startGander } from '../packages/migrate/test/spawn.js';
import { createDatabase } from '../scripts/test-db/index.js';

const expected = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
const dirOf = (name: string) => join(FIXTURES, name, 'migrations');
const noStack = (text: string) => !/\n\s+at .+:\d+:\d+\)?$/m.test(text);

let db: Awaited<ReturnType<typeof createDatabase>>;
beforeEach(async () => {
  db = await createDatabase(16);
});
afterEach(async () => {
  await db.drop();
});

async function waitFor(url: string, sql: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await query(url, sql)).length > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for: ${sql}`);
}

describe('concurrency', () => {
  it('8 runners racing up apply each migration exactly once and all exit 0', async () => {
    const work = mkdtempSync(join(tmpdir(), 'gander-race-'));
    try {
      writeFileSync(
        join(work, '00001_log.sql'),
        '-- +goose Up\nCREATE TABLE applied_log (version int NOT NULL);\n-- +goose Down\nDROP TABLE applied_log;\n',
      );
      for (let v = 2; v <= 12; v++) {
        writeFileSync(
          join(work, `${String(v).padStart(5, '0')}_m${v}.sql`),
          `-- +goose Up\nCREATE TABLE t${v} (id int);\nINSERT INTO applied_log VALUES (${v});\nSELECT pg_sleep(0.05);\n-- +goose Down\nDROP TABLE t${v};\n`,
        );
      }
      const runs = await Promise.all(
        Array.from({ length: 8 }, () => runGander(['-dir', work, 'postgres', db.url, 'up'])),
      );
      expect(runs.map((r) => r.code)).toEqual(Array(8).fill(0));
      const log = await query<{ version: number; n: number }>(
        db.url,
        'SELECT version, count(*)::int AS n FROM applied_log GROUP BY version ORDER BY version',
      );
      expect(log).toEqual(Array.from({ length: 11 }, (_, i) => ({ version: i + 2, n: 1 })));
      const single = await createDatabase(16);
      try {
        expect((await runGander(['-dir', work, 'postgres', single.url, 'up'])).code).toBe(0);
        expect(await versionRows(db.url)).toEqual(await versionRows(single.url));
      } finally {
        await single.drop();
      }
      const applying = runs.filter((r) => r.lines.some((l) => l.startsWith('goose: successfully migrated')));
      expect(applying.length).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('faults', () => {
  it('SIGKILL during a long migration, then a rerun, ends as if the kill never happened', async () => {
    const want = expected('slow');
    const { child, done } = startGander(['-dir', dirOf('slow'), 'postgres', db.url, 'up'], {
      SLOW_SECONDS: '20',
    });
    await waitFor(
      db.url,
      "SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(20)%' AND state = 'active'",
    );
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(await versionRows(db.url)).toEqual(want.rowsAfterKill);
    const rerun = await runGander(['-dir', dirOf('slow'), 'postgres', db.url, 'up'], { SLOW_SECONDS: '0' });
    expect(rerun.code).toBe(0);
    expect(await versionRows(db.url)).toEqual(want.rowsAfterRerun);
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM slow')).toEqual([{ n: want.slowRows }]);
  });

  it('pg_terminate_backend mid-run: a clear error, exit 1, nothing recorded for the broken migration', async () => {
    const { done } = startGander(['-dir', dirOf('slow'), 'postgres', db.url, 'up'], { SLOW_SECONDS: '20' });
    await waitFor(
      db.url,
      "SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(20)%' AND state = 'active'",
    );
    await query(
      db.url,
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gander-migrate' AND pid <> pg_backend_pid()",
    );
    const run = await done;
    expect(run.code).toBe(1);
    expect(noStack(run.stderr)).toBe(true);
    expect(run.lines.find((l) => l.startsWith('the connection was lost'))).toBe(
      'the connection was lost: the server rolled the transaction back; nothing of this migration was applied or recorded',
    );
    expect(/\(SQLSTATE ([0-9A-Z]{5})\)/.exec(run.stderr)?.[1]).toBe('57P01');
    expect(await versionRows(db.url)).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(await query(db.url, "SELECT to_regclass('slow') AS t")).toEqual([{ t: null }]);
  });
});

describe('bad input', () => {
  it('a broken file: exit 2, file:line, nothing applied', async () => {
    const want = expected('broken-file');
    const run = await runGander(['-dir', dirOf('broken-file'), 'postgres', db.url, 'up']);
    expect([run.code, noStack(run.stderr)]).toEqual([want.exitCode, true]);
    expect(run.lines[0]?.startsWith(`gander migrate: ${dirOf('broken-file')}/00002_unterminated.sql:`)).toBe(
      true,
    );
    expect(run.lines[0]?.endsWith(want.message)).toBe(true);
    expect(await versionRows(db.url)).toEqual(want.rows);
  });

  it('a duplicate version: exit 2 naming both files', async () => {
    const want = expected('duplicate-version');
    const run = await runGander(['-dir', dirOf('duplicate-version'), 'postgres', db.url, 'up']);
    expect([run.code, noStack(run.stderr)]).toEqual([want.exitCode, true]);
    const text = run.stderr.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, '').split('\nhint:')[0];
    expect(text).toBe(`gander migrate: ${want.message.replaceAll('DIR', dirOf('duplicate-version'))}`);
  });

  it('a missing folder, a wrong password, a database that is down: exit 2, no stack, no password', async () => {
    const missing = await runGander(['-dir', '/nonexistent/migrations', 'postgres', db.url, 'up']);
    expect([missing.code, missing.lines[0]]).toEqual([
      2,
      'gander migrate: /nonexistent/migrations directory does not exist',
    ]);
    const u = new URL(db.url);
    u.password = 'Wr0ng-p%40ss';
    const wrong = await runGander(['-dir', dirOf('basic'), 'postgres', u.toString(), 'up']);
    expect([wrong.code, noStack(wrong.stderr), wrong.stderr.includes('Wr0ng')]).toEqual([2, true, false]);
    expect(wrong.lines[0]).toBe(
      `gander migrate: cannot connect to PostgreSQL at 127.0.0.1:${u.port}/${db.name} as postgres: password authentication failed for user "postgres" (SQLSTATE 28P01)`,
    );
    const down = await runGander(['-dir', dirOf('basic'), 'up'], {
      POSTGRES_HOST: '127.0.0.1',
      POSTGRES_PORT: '1',
      POSTGRES_USER: 'x',
      POSTGRES_PASSWORD: 'secret-pw',
      POSTGRES_DATABASE: 'd',
    });
    expect([down.code, noStack(down.stderr), down.stderr.includes('secret-pw')]).toEqual([2, true, false]);
    expect(down.lines.slice(0, 2)).toEqual([
      'gander migrate: cannot connect to PostgreSQL at 127.0.0.1:1/d as x: connect ECONNREFUSED 127.0.0.1:1',
      'hint: is the server running and listening on that host and port?',
    ]);
  });
});
