/**
 * `gander sync-check` end to end through the CLI (in-process `main`):
 * - every case folder of `fixtures/sync-check/` (the seed auth-service in sync, and one folder per
 *   drift kind the seed warns about) against its reviewed `expected.json`;
 * - the database legs on PostgreSQL 16: drift made by hand, pending migrations, the three-source
 *   culprit, and an unreachable database (exit 2);
 * - flags: formats, --fail-on, --baseline-file, --quiet, usage errors.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../scripts/test-db/index.js';
import { run } from './helpers/cli.js';

const root = fileURLToPath(new URL('../fixtures/sync-check/', import.meta.url));
const example = join(root, 'auth-service');

interface Summary {
  exitCode: number;
  findings: { code: string; severity: string; key: string; culprit?: string }[];
  notices: { code: string; severity: string }[];
}

function summarize(stdout: string): Summary {
  const report = JSON.parse(stdout) as {
    exitCode: number;
    services: {
      findings: { code: string; severity: string; key: string; culprit?: string }[];
      notices: { code: string; severity: string }[];
    }[];
  };
  return {
    exitCode: report.exitCode,
    findings: report.services.flatMap((s) =>
      s.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        key: f.key,
        ...(f.culprit ? { culprit: f.culprit } : {}),
      })),
    ),
    notices: report.services.flatMap((s) => s.notices.map((n) => ({ code: n.code, severity: n.severity }))),
  };
}

const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'codes') // codes/: one case per code, sync-check-codes.test.ts
  .map((d) => ({ name: d.name, dir: join(root, d.name) }));

describe('fixtures/sync-check cases', () => {
  it.each(cases)('$name', async ({ dir }) => {
    const { code, stdout, stderr } = await run(['sync-check', '--format', 'json'], dir);
    expect(stderr).toBe('');
    const got = summarize(stdout);
    expect(code).toBe(got.exitCode);
    const file = join(dir, 'expected.json');
    if (process.env.GANDER_UPDATE_EXPECTED === '1') writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
    expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('the clean example exits 0 in text form with a one-line summary', async () => {
    const { code, stdout } = await run(['sync-check'], example);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'gander sync-check: 1 service, 0 errors, 0 warnings, 5 info: ok',
    );
  });
});

describe('flags', () => {
  const drift = join(root, 'index-one-side');
  it('--fail-on warning turns a warning into exit 1', async () => {
    expect((await run(['sync-check'], drift)).code).toBe(0);
    expect((await run(['sync-check', '--fail-on', 'warning'], drift)).code).toBe(1);
  });
  it('--quiet prints nothing for a clean run', async () => {
    expect(await run(['sync-check', '--quiet'], example)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
  it('--baseline-file accepts recorded findings; only new ones fail', async () => {
    const nullability = join(root, 'nullability');
    const recorded = await run(['sync-check', '--format', 'json'], nullability);
    const file = join(
      fileURLToPath(new URL('../node_modules/.cache/', import.meta.url)),
      'gander-baseline.json',
    );
    (await import('node:fs')).mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, recorded.stdout);
    const again = await run(['sync-check', '--format', 'json', '--baseline-file', file], nullability);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary.accepted).toBe(6);
    const other = await run(['sync-check', '--baseline-file', file], join(root, 'fk-actions'));
    expect(other.code).toBe(1);
  });
  it('--format sarif gives a SARIF 2.1.0 log with a located result', async () => {
    const { code, stdout } = await run(['sync-check', '--format', 'sarif'], join(root, 'uuid-vs-string'));
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    const errors = log.runs[0].results.filter((r: { level: string }) => r.level === 'error');
    expect(
      errors.map(
        (r: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }) => [
          r.ruleId,
          r.locations[0]?.physicalLocation.artifactLocation.uri,
          r.locations[0]?.physicalLocation.region.startLine,
        ],
      ),
    ).toEqual([['column-type', 'prisma/schema.prisma', 88]]);
  });
  it('--format github prints workflow annotations', async () => {
    const { stdout } = await run(['sync-check', '--format', 'github'], join(root, 'nullability'));
    const errors = stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors.map((l) => l.slice(0, l.indexOf('::', 2)))).toEqual([
      '::error file=prisma/schema.prisma,line=45,col=3,title=gander column-nullability',
    ]);
  });
  it('bad flags and unknown services exit 2', async () => {
    expect((await run(['sync-check', '--format', 'xml'], example)).code).toBe(2);
    expect((await run(['sync-check', '--fail-on', 'info'], example)).code).toBe(2);
    const unknown = await run(['sync-check', 'billing'], example);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no service named "billing"');
  });
  it('no-config mode: flags name the sources', async () => {
    const { code } = await run(
      [
        'sync-check',
        '--migrations',
        join(example, 'migrations'),
        '--prisma',
        join(root, 'nullability', 'prisma', 'schema.prisma'),
      ],
      fileURLToPath(new URL('../fixtures/', import.meta.url)),
    );
    expect(code).toBe(1);
  });
});

describe('sync-check against PostgreSQL 16', () => {
  const db = useTestDatabase(16);
  const sql = async (text: string) => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };

  it('pending migrations are reported as pending, not as drift', async () => {
    const up = await run(
      ['migrate', 'up-to', '6', '--dir', join(example, 'migrations'), '--database-url', db.url],
      example,
    );
    expect(up.code).toBe(0);
    const { code, stdout } = await run(['sync-check', '--format', 'json', '--database-url', db.url], example);
    const report = JSON.parse(stdout);
    expect(report.services[0].sources.database.version).toBe(6);
    expect(report.services[0].sources.database.pending).toEqual([
      { version: 7, file: 'migrations/00007_create_sessions.sql' },
    ]);
    expect(report.services[0].notices.map((n: { code: string }) => n.code)).toEqual(['migration-pending']);
    const pending = report.services[0].findings.filter((f: { pending?: string[] }) => f.pending);
    expect(
      pending.map((f: { code: string; severity: string; pending: string[] }) => [
        f.code,
        f.severity,
        f.pending,
      ]),
    ).toEqual([['table-missing', 'info', ['migrations/00007_create_sessions.sql']]]);
    expect(code).toBe(0);
  });

  it('DDL run by hand is drift, and the database is named as the source that disagrees', async () => {
    const up = await run(
      ['migrate', 'up', '--dir', join(example, 'migrations'), '--database-url', db.url],
      example,
    );
    expect(up.code).toBe(0);
    await sql(
      'ALTER TABLE users ADD COLUMN nickname text; ALTER TABLE sessions ALTER COLUMN token_hash TYPE text',
    );
    const { code, stdout } = await run(['sync-check', '--format', 'json', '--database-url', db.url], example);
    const errors = summarize(stdout).findings.filter((f) => f.severity !== 'info');
    expect(errors).toEqual([
      {
        code: 'column-type',
        severity: 'error',
        key: 'column-type:public.sessions.token_hash',
        culprit: 'database',
      },
      {
        code: 'column-extra',
        severity: 'error',
        key: 'column-presence:public.users.nickname',
        culprit: 'database',
      },
    ]);
    expect(code).toBe(1);
  });

  it('DATABASE_URL is used when no flag is given, and --no-database skips it', async () => {
    const withEnv = summarize(
      (await run(['sync-check', '--format', 'json'], example, { DATABASE_URL: db.url })).stdout,
    );
    expect(withEnv.exitCode).toBe(1);
    const offline = summarize(
      (await run(['sync-check', '--format', 'json', '--no-database'], example, { DATABASE_URL: db.url }))
        .stdout,
    );
    expect(offline.exitCode).toBe(0);
  });

  it('an unreachable database exits 2 without printing the password', async () => {
    const { code, stderr } = await run(
      ['sync-check', '--database-url', 'postgres://gander:s3cret@127.0.0.1:1/none'],
      example,
    );
    expect(code).toBe(2);
    expect(stderr).not.toContain('s3cret');
  });
});
