/**
 * `normalizeDefault` against PostgreSQL 16 and 18: each default is written on a real column, read back
 * with `pg_get_expr(adbin, adrelid)`, and the written and printed forms must normalise to the same
 * text; pairs of different meaning must stay different.
 */
import { loadParser, normalizeDefault } from '@gander/schema';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';
import { connect } from './normalize-oracle.js';

interface DefaultCase {
  readonly type: string;
  readonly written: string;
}

const cases: readonly DefaultCase[] = [
  { type: 'timestamptz', written: 'now()' },
  { type: 'timestamptz', written: 'CURRENT_TIMESTAMP' },
  { type: 'timestamptz', written: 'transaction_timestamp()' },
  { type: 'timestamp', written: 'now()' },
  { type: 'timestamptz', written: 'statement_timestamp()' },
  { type: 'timestamptz', written: 'clock_timestamp()' },
  { type: 'timestamptz', written: "now() + interval '1 day'" },
  { type: 'date', written: 'CURRENT_DATE' },
  { type: 'varchar(20)', written: "'light'" },
  { type: 'varchar', written: "'light'::character varying" },
  { type: 'text', written: "'it''s'" },
  { type: 'text', written: "''" },
  { type: 'text', written: "'0'" },
  { type: 'integer', written: '0' },
  { type: 'integer', written: "'0'" },
  { type: 'integer', written: '-1' },
  { type: 'bigint', written: '10000000000' },
  { type: 'numeric', written: '0' },
  { type: 'numeric', written: '0::numeric' },
  { type: 'numeric(14,2)', written: '0.00' },
  { type: 'numeric', written: '-1.5' },
  { type: 'double precision', written: '1.5' },
  { type: 'boolean', written: 'true' },
  { type: 'boolean', written: 'FALSE' },
  { type: 'jsonb', written: "'{}'" },
  { type: 'jsonb', written: "'{}'::jsonb" },
  { type: 'jsonb', written: "'[]'::jsonb" },
  { type: 'json', written: '\'{"a": 1}\'' },
  { type: 'text[]', written: "'{}'" },
  { type: 'text[]', written: 'ARRAY[]::text[]' },
  { type: 'integer[]', written: "'{1,2}'" },
  { type: 'uuid', written: 'gen_random_uuid()' },
  { type: 'text', written: 'gen_random_uuid()::text' },
  { type: 'text', written: '(gen_random_uuid())::text' },
  { type: 'text', written: 'md5(random()::text)' },
  { type: 'integer', written: "nextval('t_id_seq')" },
  { type: 'integer', written: "nextval('t_id_seq'::regclass)" },
  { type: 'integer', written: "nextval('public.t_id_seq'::regclass)" },
  { type: 'integer', written: "nextval('app.s')" },
  { type: 'status', written: "'present'" },
  { type: 'status', written: "'present'::status" },
  { type: 'text', written: "lower('ABC')" },
  { type: 'text', written: "'a' || 'b'" },
  { type: 'integer', written: '1 + 2' },
  { type: 'interval', written: "'1 day'" },
  { type: 'timestamptz', written: "date_trunc('day', now())" },
  { type: 'text', written: "current_setting('app.user', true)" },
];

/** Pairs that must normalise differently: different meaning. */
const different: readonly (readonly [string, string])[] = [
  ['now()', 'statement_timestamp()'],
  ['now()', 'clock_timestamp()'],
  ['statement_timestamp()', 'clock_timestamp()'],
  ['CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP(3)'],
  ['CURRENT_TIMESTAMP', 'LOCALTIMESTAMP'],
  ['CURRENT_DATE', 'now()'],
  ["'a'", "'b'"],
  ["'a'", "'A'"],
  ["'0'", "'00'"],
  ['0', '1'],
  ['1', '1.0'],
  ['true', 'false'],
  ["nextval('a_seq')", "nextval('b_seq')"],
  ["nextval('app.s')", "nextval('s')"],
  ['nextval(\'"S"\')', "nextval('s')"],
  ["'{}'", "'[]'"],
  ['gen_random_uuid()', 'uuid_generate_v4()'],
  ['NULL', "''"],
  ["now() + interval '1 day'", "now() + interval '2 days'"],
  ['1 + 2', '3'],
];

describe.each([16, 18] as const)('normalizeDefault against PostgreSQL %i', (major) => {
  const db = useTestDatabase(major);
  let client: pg.Client;
  beforeAll(async () => {
    await loadParser();
    client = await connect(db.url);
    await client.query(`
      CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
      CREATE SEQUENCE t_id_seq; CREATE SCHEMA app; CREATE SEQUENCE app.s;
      CREATE TYPE status AS ENUM ('present', 'absent');
    `);
  });
  afterAll(async () => {
    await client?.end();
  });

  it.each(cases.map((c, i) => ({ ...c, i, name: `${c.type} DEFAULT ${c.written}` })))(
    '$name: written and printed forms normalise equal',
    async ({ type, written, i }) => {
      await client.query('SET search_path = public');
      await client.query(`CREATE TABLE d${i} (c ${type} DEFAULT ${written})`);
      await client.query('SET search_path = pg_catalog');
      const { rows } = await client.query<{ printed: string }>(
        `SELECT pg_get_expr(d.adbin, d.adrelid) AS printed FROM pg_attrdef d WHERE d.adrelid = 'public.d${i}'::regclass`,
      );
      await client.query('SET search_path = public');
      const printed = rows[0]?.printed ?? '(none)';
      expect(`${normalizeDefault(printed)}  <- ${printed}`).toBe(
        `${normalizeDefault(written)}  <- ${printed}`,
      );
    },
  );

  it.each(different.map(([a, b]) => ({ a, b, name: `${a} != ${b}` })))('$name', ({ a, b }) => {
    expect(normalizeDefault(a)).not.toBe(normalizeDefault(b));
  });
});
