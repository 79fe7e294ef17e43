/**
 * The parity check over every PostgreSQL migration chain of ../shared/corpora: the static fold
 * against the same chain replayed into a fresh database on the real PostgreSQL 16 test server
 * (`parityRow` of `scripts/corpus.mjs`, which `pnpm corpus` prints). Parity is pinned: every
 * difference must match a reviewed pattern of the chain table in `corpus.mjs` (any new difference
 * fails), every reviewed pattern must still match, the count of equal objects is pinned, and a chain
 * that cannot replay from an empty database fails with exactly the reviewed error. The claims behind
 * those reviews are checked against goose's splitter and the server below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldMigrations, parseSqlMigration } from '@gander/goose';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { chains, parityRow } from '../scripts/corpus.mjs';
import { createDatabase } from '../scripts/test-db/index.js';

/** Objects equal between fold and replay per chain (at `lastGood` where the chain cannot replay). */
const equalObjects: Readonly<Record<string, number>> = {
  'my-girok/auth-service': 1,
  'my-girok/authorization-service': 9,
  'my-girok/identity-service': 15,
  'my-girok/legal-service': 14,
  'my-girok/mail-service': 6,
  'my-girok/notification-service': 12,
  'my-girok/personal-service': 1,
  hatchet: 277,
  thunderdome: 108,
  bitmagnet: 23,
  'goose/testdata': 5,
  'goose/integration-postgres': 7,
  documenso: 99,
  langfuse: 104,
};

const chain = (name: string) => {
  const found = chains.find((c) => c.name === name);
  if (!found) throw new Error(`no chain ${name}`);
  return found;
};

describe('static fold vs replay on PostgreSQL 16, every corpus chain', () => {
  it('covers every chain of the corpora', () => {
    expect(chains.map((c) => c.name).sort()).toEqual(Object.keys(equalObjects).sort());
  });

  it.each(chains.map((c) => ({ ...c })))('$name', async (c) => {
    const row = await parityRow(c, () => createDatabase(16));
    expect({ replayError: row.replayError, foldError: row.foldError }).toEqual({
      replayError: c.replayError,
      foldError: c.foldError,
    });
    expect(row.comparedTo).toBe(c.replayError || c.foldError ? c.lastGood : undefined);
    expect(row.differences).toEqual([]);
    for (const k of c.known ?? [])
      expect(row.known.filter((d) => k.pattern.test(d)).length).toBeGreaterThan(0);
    expect(row.equal).toBe(equalObjects[c.name]);
    expect(row.objects).toBe((row.equal ?? 0) + row.known.length);
  });
});

describe('the reviewed reasons hold', () => {
  it("auth-service: goose's splitter cuts the unannotated DO block of merge_sessions and PostgreSQL rejects the piece", async () => {
    const file = join(chain('my-girok/auth-service').dir, '20251226200000_merge_sessions.sql');
    const { statements } = parseSqlMigration(readFileSync(file, 'utf8'), { file, direction: 'up' });
    const first = statements[0];
    expect(first?.span.line).toBe(7);
    expect(first?.sql.split('\n')).toHaveLength(4);
    expect(first?.sql.startsWith('DO $$')).toBe(true);
    await expect(runOnFreshDatabase(first?.sql ?? '')).rejects.toThrow('unterminated dollar-quoted string');
  });

  it('auth-service and personal-service: the baseline is SELECT 1, the schema came from Prisma', async () => {
    for (const [name, version] of [
      ['my-girok/auth-service', 20251220000000],
      ['my-girok/personal-service', 20251211000000],
    ] as const) {
      const folded = await foldMigrations(chain(name).dir, { toVersion: version });
      expect({
        tables: folded.model.tables,
        statements: folded.statements,
        data: folded.dataStatements,
      }).toEqual({
        tables: [],
        statements: 1,
        data: 1,
      });
    }
  });

  it('identity-service: now() is STABLE, and PostgreSQL refuses it in an index predicate', async () => {
    const sql =
      'CREATE TABLE revoked (jti text, expires_at timestamptz); ' +
      'CREATE INDEX ON revoked (jti, expires_at) WHERE expires_at > now()';
    await expect(runOnFreshDatabase(sql)).rejects.toThrow(
      'functions in index predicate must be marked IMMUTABLE',
    );
    expect(
      await runOnFreshDatabase(
        "SELECT provolatile FROM pg_proc WHERE oid = 'pg_catalog.now()'::regprocedure",
      ),
    ).toEqual([{ provolatile: 's' }]);
  });

  it('hatchet: no migration of the SQL chain creates v1_dags_olap_new before v1_0_100 locks it', async () => {
    const folded = await foldMigrations(chain('hatchet').dir, { toVersion: 20260421184231 });
    expect(folded.model.tables.filter((t) => t.name.endsWith('_olap_new'))).toEqual([]);
  });
});

/** Runs `sql` (one simple query) on a fresh database; returns the last result's rows. */
async function runOnFreshDatabase(sql: string): Promise<unknown[]> {
  const db = await createDatabase(16);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const result = await client.query(sql);
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    return (last as pg.QueryResult).rows;
  } finally {
    await client.end();
    await db.drop();
  }
}
