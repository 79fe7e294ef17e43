/**
 * SQL fixes that touch a column default must run on PostgreSQL: a type change with a default the
 * server cannot cast (`TEXT DEFAULT gen_random_uuid()::TEXT` -> `uuid`), and an empty-array
 * default (`ARRAY[]` needs its type). Both were wrong fixes in sync-check's report on
 * beegy-labs/my-girok (auth-service `admins.id`, `admin_mfa_configs.backup_codes_hash`). The
 * server is the oracle: the fix runs, and the column ends up as the target says.
 */
import { type Change, changeSql, diffModels, type Model } from '@gander/schema';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';
import { col, model, table } from './diff-builders.js';
import { connect } from './normalize-oracle.js';

const fix = (from: Model, to: Model) => diffModels(from, to).flatMap((change: Change) => changeSql(change));

const cases: {
  name: string;
  create: string;
  from: Model;
  to: Model;
  expected: string[];
  after: { type: string; default: string | null };
}[] = [
  {
    name: 'text id with a text default -> uuid id with a uuid default',
    create: 'CREATE TABLE t1 (id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::TEXT)',
    from: model({
      tables: [
        table('t1', {
          columns: [col('id', 'text', { notNull: true, default: 'CAST(gen_random_uuid() AS text)' })],
        }),
      ],
    }),
    to: model({
      tables: [
        table('t1', { columns: [col('id', 'uuid', { notNull: true, default: 'gen_random_uuid()' })] }),
      ],
    }),
    expected: [
      'ALTER TABLE public.t1 ALTER COLUMN id DROP DEFAULT;',
      'ALTER TABLE public.t1 ALTER COLUMN id TYPE uuid USING id::uuid;',
      'ALTER TABLE public.t1 ALTER COLUMN id SET DEFAULT gen_random_uuid();',
    ],
    after: { type: 'uuid', default: 'gen_random_uuid()' },
  },
  {
    name: 'varchar with a default -> enum with the same default',
    create:
      "CREATE TYPE st AS ENUM ('ACTIVE', 'REVOKED'); CREATE TABLE t2 (status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE')",
    from: model({
      tables: [
        table('t2', {
          columns: [col('status', 'character varying(20)', { notNull: true, default: "'ACTIVE'" })],
        }),
      ],
    }),
    to: model({
      tables: [
        table('t2', { columns: [col('status', 'public.st', { notNull: true, default: "'ACTIVE'" })] }),
      ],
    }),
    expected: [
      'ALTER TABLE public.t2 ALTER COLUMN status DROP DEFAULT;',
      'ALTER TABLE public.t2 ALTER COLUMN status TYPE public.st USING status::public.st;',
      "ALTER TABLE public.t2 ALTER COLUMN status SET DEFAULT 'ACTIVE';",
    ],
    after: { type: 'st', default: "'ACTIVE'::st" },
  },
  {
    name: 'a default dropped along with the type change',
    create: 'CREATE TABLE t3 (n TEXT DEFAULT gen_random_uuid()::TEXT)',
    from: model({
      tables: [table('t3', { columns: [col('n', 'text', { default: 'CAST(gen_random_uuid() AS text)' })] })],
    }),
    to: model({ tables: [table('t3', { columns: [col('n', 'uuid')] })] }),
    expected: [
      'ALTER TABLE public.t3 ALTER COLUMN n DROP DEFAULT;',
      'ALTER TABLE public.t3 ALTER COLUMN n TYPE uuid USING n::uuid;',
    ],
    after: { type: 'uuid', default: null },
  },
  {
    name: 'an empty array default (Prisma @default([]))',
    create: 'CREATE TABLE t4 (codes TEXT[])',
    from: model({ tables: [table('t4', { columns: [col('codes', 'text[]')] })] }),
    to: model({ tables: [table('t4', { columns: [col('codes', 'text[]', { default: 'ARRAY[]' })] })] }),
    expected: ['ALTER TABLE public.t4 ALTER COLUMN codes SET DEFAULT ARRAY[]::text[];'],
    after: { type: 'text[]', default: 'ARRAY[]::text[]' },
  },
];

describe('SQL fixes for column defaults, run on PostgreSQL 16', () => {
  const db = useTestDatabase(16);
  let client: pg.Client;
  beforeAll(async () => {
    client = await connect(db.url);
  });
  afterAll(async () => {
    await client?.end();
  });

  it.each(cases)('$name', async ({ create, from, to, expected, after }) => {
    const statements = fix(from, to);
    expect(statements).toEqual(expected);
    await client.query(create);
    for (const statement of statements) await client.query(statement);
    const name = (to.tables[0]?.name ?? '') as string;
    const { rows } = await client.query<{ type: string; default: string | null }>(
      `SELECT format_type(a.atttypid, a.atttypmod) AS type, pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1::regclass AND a.attnum > 0`,
      [name],
    );
    expect(rows).toEqual([after]);
  });
});
