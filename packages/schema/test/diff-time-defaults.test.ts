/**
 * `sameDefault` with the column type: a `time` default spelled `'09:00'` (what a migration writes)
 * is stored by PostgreSQL as `'09:00:00'::time without time zone` (what `pg_get_expr` prints and
 * Prisma's `dbgenerated(...)` copies). Found by sync-check on beegy-labs/my-girok (auth-service,
 * `offices.default_work_start`). The server is the oracle: each equal pair is what it stores.
 */
import { diffModels, emptyModel, loadParser, type Model, normalizeDefault } from '@gander/schema';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';
import { sameDefault } from '../src/diff/equivalence.js';
import { connect } from './normalize-oracle.js';

const stored: { written: string; type: string }[] = [
  { written: "'09:00'", type: 'time' },
  { written: "'9:05'", type: 'time' },
  { written: "'18:00:00.000'", type: 'time(6)' },
  { written: "' 07:30:15 '", type: 'time' },
  { written: "'18:30:00.500'", type: 'time(3)' },
  { written: "'24:00'", type: 'time' },
];

describe('time defaults against PostgreSQL 16', () => {
  const db = useTestDatabase(16);
  let client: pg.Client;
  beforeAll(async () => {
    await loadParser();
    client = await connect(db.url);
  });
  afterAll(async () => {
    await client?.end();
  });

  it.each(stored.map((c, i) => ({ ...c, i })))('$written in $type', async ({ written, type, i }) => {
    await client.query(`CREATE TABLE t${i} (c ${type} DEFAULT ${written})`);
    const { rows } = await client.query<{ d: string; t: string }>(
      `SELECT pg_get_expr(d.adbin, d.adrelid) AS d, format_type(a.atttypid, a.atttypmod) AS t
         FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
        WHERE d.adrelid = $1::regclass`,
      [`t${i}`],
    );
    const printed = normalizeDefault(rows[0]?.d ?? '');
    expect(printed).not.toBe(normalizeDefault(written));
    expect(sameDefault(normalizeDefault(written), printed, rows[0]?.t)).toBe(true);
  });
});

const unequal: { name: string; a: string; b: string; type: string | undefined }[] = [
  { name: 'other time', a: "'09:00'", b: "'09:00:01'", type: 'time without time zone' },
  { name: 'no type given', a: "'09:00'", b: "'09:00:00'", type: undefined },
  { name: 'not a time column', a: "'09:00'", b: "'09:00:00'", type: 'text' },
  { name: 'time with time zone (offsets)', a: "'09:00'", b: "'09:00:00'", type: 'time with time zone' },
  {
    name: 'fraction the precision rounds',
    a: "'09:00:00.5'",
    b: "'09:00:01'",
    type: 'time(0) without time zone',
  },
  { name: 'words', a: "'allballs'", b: "'00:00:00'", type: 'time without time zone' },
];

describe('sameDefault keeps other values apart', () => {
  it.each(unequal)('$name', ({ a, b, type }) => {
    expect(sameDefault(a, b, type)).toBe(false);
    expect(sameDefault(b, a, type)).toBe(false);
  });
});

function modelWith(type: string, defaultText: string): Model {
  return {
    ...emptyModel(),
    schemas: ['public'],
    tables: [
      {
        schema: 'public',
        name: 'offices',
        kind: 'table',
        inherits: [],
        columns: [{ name: 'default_work_start', type, notNull: false, default: defaultText }],
        constraints: [],
        indexes: [],
        triggers: [],
      },
    ],
  };
}

describe('diffModels with time defaults', () => {
  it("reports no change for TIME DEFAULT '09:00' vs @db.Time(6) dbgenerated(\"'09:00:00'::time\")", () => {
    const migrations = modelWith('time without time zone', "'09:00'");
    const prisma = modelWith('time(6) without time zone', "'09:00:00'");
    expect(diffModels(migrations, prisma)).toEqual([]);
  });
  it('reports a default that differs', () => {
    const changes = diffModels(
      modelWith('time without time zone', "'09:00'"),
      modelWith('time without time zone', "'10:00:00'"),
    );
    expect(changes.map((c) => c.kind)).toEqual(['alter table']);
  });
});
