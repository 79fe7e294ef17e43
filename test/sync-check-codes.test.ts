/**
 * One end-to-end case per finding code, through the CLI (`main([...], io)` in-process): each folder
 * of `fixtures/sync-check/codes/` is named after the code it produces and holds the smallest
 * service that shows it:
 * - `migrations/` and `prisma/schema.prisma` for the codes the migrations <-> Prisma leg reports;
 * - `migrations/` and `database.sql` for the codes only a database shows (objects Prisma cannot
 *   express are `unmodelled-object` against Prisma): a fresh PostgreSQL 16 database per case,
 *   `gander migrate up`, then `database.sql` run on it by hand, then sync-check against it.
 *
 * `expected.json` is the reviewed outcome: the exit code, every finding's code and severity, and the
 * whole finding of the folder's code (message, both sides with their locations, the fixes' text).
 * The case list is checked against `ALL_FINDING_CODES`, so a new code without a case fails here.
 * Regenerate with GANDER_UPDATE_EXPECTED=1 and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_FINDING_CODES, FINDING_CODES, type Finding, type FindingCode } from '@gander/schema';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../scripts/test-db/index.js';
import { run } from './helpers/cli.js';

const root = fileURLToPath(new URL('../fixtures/sync-check/codes/', import.meta.url));
const example = fileURLToPath(new URL('../fixtures/sync-check/auth-service/', import.meta.url));

interface Outcome {
  exitCode: number;
  codes: string[];
  finding: Finding | undefined;
}

/** sync-check's JSON report of a case, reduced to what `expected.json` records. */
async function check(name: string, cwd: string, flags: string[]): Promise<Outcome> {
  const { code, stdout, stderr } = await run(['sync-check', '--format', 'json', ...flags], cwd);
  expect(stderr).toBe('');
  const report = JSON.parse(stdout) as {
    exitCode: number;
    services: { findings: Finding[]; notices: { code: string; severity: string }[] }[];
  };
  expect(code).toBe(report.exitCode);
  const findings = report.services.flatMap((s) => s.findings);
  const notices = report.services.flatMap((s) => s.notices);
  return {
    exitCode: report.exitCode,
    codes: [...findings, ...notices].map((f) => `${f.code} ${f.severity}`),
    finding: findings.find((f) => f.code === name),
  };
}

/** The outcome against `expected.json`, plus what every case must show whatever was reviewed. */
function verify(name: FindingCode, dir: string, got: Outcome, database: boolean): void {
  const file = join(dir, 'expected.json');
  if (process.env.GANDER_UPDATE_EXPECTED === '1') writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
  expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  const finding = got.finding as Finding;
  expect(finding.code).toBe(name);
  expect(finding.severity).toBe(FINDING_CODES[name].severity);
  expect(finding.sides.map((s) => s.side)).toEqual(['migrations', database ? 'database' : 'prisma']);
  for (const side of finding.sides.filter((s) => s.present)) {
    expect(side.location, `${side.side} location`).toEqual(
      side.side === 'database'
        ? 'database'
        : expect.objectContaining({
            file: side.side === 'migrations' ? 'migrations/00001_init.sql' : 'prisma/schema.prisma',
            line: expect.any(Number),
          }),
    );
  }
  if (finding.severity !== 'info') expect(finding.fixes.map((f) => f.text.length > 0)).toContain(true);
  expect(got.exitCode).toBe(got.codes.some((c) => c.endsWith(' error')) ? 1 : 0);
}

const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({ name: d.name as FindingCode, dir: join(root, d.name) }));
const prismaCases = cases.filter((c) => existsSync(join(c.dir, 'prisma/schema.prisma')));
const databaseCases = cases.filter((c) => existsSync(join(c.dir, 'database.sql')));

describe('a case per finding code', () => {
  it('every code of FINDING_CODES has exactly one case folder, with one kind of second source', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...ALL_FINDING_CODES].sort());
    expect([...prismaCases, ...databaseCases].map((c) => c.name).sort()).toEqual(
      cases.map((c) => c.name).sort(),
    );
  });

  it('the clean example exits 0 with no error or warning', async () => {
    const { code, stdout } = await run(['sync-check', '--format', 'json', '--no-database'], example);
    const report = JSON.parse(stdout);
    expect(code).toBe(0);
    expect([report.summary.errors, report.summary.warnings]).toEqual([0, 0]);
  });
});

describe('migrations <-> prisma', () => {
  it.each(prismaCases)('$name', async ({ name, dir }) => {
    verify(name, dir, await check(name, dir, ['--no-database']), false);
  });
});

describe('migrations <-> database (PostgreSQL 16)', () => {
  it.each(databaseCases)('$name', async ({ name, dir }) => {
    const db = await createDatabase(16);
    try {
      const up = await run(['migrate', 'up', '--dir', 'migrations', '--database-url', db.url], dir);
      expect(up.code, up.stderr).toBe(0);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query(readFileSync(join(dir, 'database.sql'), 'utf8'));
      } finally {
        await client.end();
      }
      verify(name, dir, await check(name, dir, ['--database-url', db.url]), true);
    } finally {
      await db.drop();
    }
  });
});
