/**
 * The migrations side's other modes, end to end through the CLI (`main([...], io)` in-process):
 * - `--replay pglite` and `--replay <url>` (a fresh PostgreSQL 16 database) run the chain instead of
 *   folding it: on the bundled example in sync and on a drift case the report equals the static
 *   fold's, file:line positions included, only `sources.migrations.mode` differs;
 * - a configured `baseline` (`fixtures/sync-check/baseline`: a goose chain adopted on an existing
 *   schema, whose first migration is `SELECT 1`): folded from the baseline file it is clean; without
 *   it the chain cannot rebuild the database (`baseline-empty`); against a database whose schema
 *   predates goose, versions applied after the baseline count, the others are pending.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../scripts/test-db/index.js';
import { run } from './helpers/cli.js';

const fixtures = fileURLToPath(new URL('../fixtures/sync-check/', import.meta.url));
const baselineCase = join(fixtures, 'baseline');

interface Report {
  exitCode: number;
  services: {
    sources: {
      migrations: { mode: string; baseline?: unknown };
      database?: { version?: number; pending: unknown[] };
    };
    notices: { code: string; severity: string; location?: { file: string; line: number } }[];
    findings: { code: string; severity: string; key: string; pending?: string[] }[];
  }[];
}

async function report(argv: string[], cwd: string): Promise<Report> {
  const { code, stdout, stderr } = await run(['sync-check', '--format', 'json', ...argv], cwd);
  expect(stderr).toBe('');
  const parsed = JSON.parse(stdout) as Report;
  expect(code).toBe(parsed.exitCode);
  return parsed;
}

/** The report without the migrations mode, to compare a replay with the fold. */
function withoutMode(r: Report): unknown {
  return {
    ...r,
    services: r.services.map((s) => ({
      ...s,
      sources: { ...s.sources, migrations: { ...s.sources.migrations, mode: undefined } },
    })),
  };
}

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe('--replay', () => {
  it.each(['auth-service', 'missing-map'])('pglite on %s: the fold report, with positions', async (name) => {
    const dir = join(fixtures, name);
    const fold = await report(['--no-database'], dir);
    const replayed = await report(['--no-database', '--replay', 'pglite'], dir);
    expect(replayed.services[0]?.sources.migrations.mode).toBe('replay:pglite');
    expect(withoutMode(replayed)).toEqual(withoutMode(fold));
    expect(replayed.exitCode).toBe(name === 'auth-service' ? 0 : 1);
  });

  it('a bare --replay means pglite', async () => {
    const replayed = await report(['--no-database', '--replay'], join(fixtures, 'auth-service'));
    expect(replayed.services[0]?.sources.migrations.mode).toBe('replay:pglite');
  });

  it.each(['auth-service', 'missing-map'])(
    '<url> of a fresh database on %s: the fold report',
    async (name) => {
      const dir = join(fixtures, name);
      const db = await createDatabase(16);
      try {
        const fold = await report(['--no-database'], dir);
        const replayed = await report(['--no-database', '--replay', db.url], dir);
        expect(replayed.services[0]?.sources.migrations.mode).toBe('replay:database');
        expect(withoutMode(replayed)).toEqual(withoutMode(fold));
      } finally {
        await db.drop();
      }
    },
  );
});

describe('config baseline', () => {
  it('folded from the baseline file, the chain agrees with schema.prisma', async () => {
    const r = await report([], baselineCase);
    expect(r.services[0]?.sources.migrations.baseline).toEqual({ file: 'schema-at-1.sql', version: 1 });
    expect([r.exitCode, r.services[0]?.findings, r.services[0]?.notices]).toEqual([0, [], []]);
  });

  it('without it, the migration that builds nothing is explained and the tables are extra', async () => {
    const r = await report(['--config', 'gander.no-baseline.json'], baselineCase);
    expect(r.exitCode).toBe(1);
    expect(
      r.services[0]?.notices.map((n) => [n.code, n.severity, `${n.location?.file}:${n.location?.line}`]),
    ).toEqual([['baseline-empty', 'error', 'migrations/00001_baseline.sql:4']]);
    expect(r.services[0]?.findings.map((f) => `${f.code} ${f.key}`)).toEqual([
      'table-extra table-presence:public.posts',
      'table-extra table-presence:public.users',
    ]);
  });

  it('replayed from the baseline file too', async () => {
    const r = await report(['--no-database', '--replay', 'pglite'], baselineCase);
    expect(r.services[0]?.sources.migrations.mode).toBe('replay:pglite');
    expect([r.exitCode, r.services[0]?.findings, r.services[0]?.notices]).toEqual([0, [], []]);
  });

  it('against a database whose schema predates goose: pending after the baseline, then clean', async () => {
    const db = await createDatabase(16);
    try {
      await sql(db.url, readFileSync(join(baselineCase, 'schema-at-1.sql'), 'utf8'));
      const migrate = ['migrate', '--dir', 'migrations', '--database-url', db.url];
      expect(
        (await run([...migrate.slice(0, 1), 'up-to', '1', ...migrate.slice(1)], baselineCase)).code,
      ).toBe(0);
      const pending = await report(['--database-url', db.url], baselineCase);
      expect(pending.services[0]?.sources.database).toEqual({
        label: expect.any(String),
        version: 1,
        pending: [{ version: 2, file: 'migrations/00002_add_nickname.sql' }],
      });
      expect(pending.services[0]?.notices.map((n) => n.code)).toEqual(['migration-pending']);
      expect(pending.services[0]?.findings.map((f) => [f.code, f.severity, f.pending])).toEqual([
        ['index-missing', 'info', ['migrations/00002_add_nickname.sql']],
        ['column-missing', 'info', ['migrations/00002_add_nickname.sql']],
      ]);
      expect(pending.exitCode).toBe(0);
      expect((await run([...migrate.slice(0, 1), 'up', ...migrate.slice(1)], baselineCase)).code).toBe(0);
      const applied = await report(['--database-url', db.url], baselineCase);
      expect([applied.exitCode, applied.services[0]?.findings, applied.services[0]?.notices]).toEqual([
        0,
        [],
        [],
      ]);
    } finally {
      await db.drop();
    }
  });
});
