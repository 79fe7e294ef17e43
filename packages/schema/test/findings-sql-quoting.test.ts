/**
 * SQL fixes name objects as PostgreSQL's `quote_ident` does, so they run as printed: a collation
 * `C` unquoted is folded to `c` and fails ("collation "c" for encoding "UTF8" does not exist"), a
 * `col_name` key word such as `position` or an upper-case name must be quoted. The server is the
 * oracle: each fix runs, and the catalog then says what the target model says.
 */
import { type Change, changeSql, diffModels, type Model, quoteIdentifier } from '@gander/schema';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';
import { col, index, model, table } from './diff-builders.js';
import { connect } from './normalize-oracle.js';

const fix = (from: Model, to: Model) => diffModels(from, to).flatMap((change: Change) => changeSql(change));

/** `relname.attname -> collation` for the table's columns with a collation other than their type's. */
const COLLATIONS = `
  SELECT a.attname AS column, co.collname AS collation
    FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
    JOIN pg_collation co ON co.oid = a.attcollation
   WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND a.attcollation <> t.typcollation
   ORDER BY a.attnum`;

const cases: {
  name: string;
  create: string;
  from: Model;
  to: Model;
  expected: string[];
  table: string;
  after: { column: string; collation: string }[];
}[] = [
  {
    name: 'a column collation C (upper case: quoted)',
    create: 'CREATE TABLE q1 (name TEXT)',
    from: model({ tables: [table('q1', { columns: [col('name', 'text')] })] }),
    to: model({ tables: [table('q1', { columns: [col('name', 'text', { collation: 'C' })] })] }),
    expected: ['ALTER TABLE public.q1 ALTER COLUMN name TYPE text COLLATE "C";'],
    table: 'q1',
    after: [{ column: 'name', collation: 'C' }],
  },
  {
    name: 'back to the default collation',
    create: 'CREATE TABLE q2 (name TEXT COLLATE "C")',
    from: model({ tables: [table('q2', { columns: [col('name', 'text', { collation: 'C' })] })] }),
    to: model({ tables: [table('q2', { columns: [col('name', 'text')] })] }),
    expected: ['ALTER TABLE public.q2 ALTER COLUMN name TYPE text COLLATE pg_catalog."default";'],
    table: 'q2',
    after: [],
  },
  {
    name: 'a schema-qualified collation, a key-word column and a mixed-case table',
    create:
      'CREATE COLLATION public."Ci" (provider = libc, locale = \'C\'); CREATE TABLE "Q3" ("position" TEXT)',
    from: model({ tables: [table('Q3', { columns: [col('position', 'text')] })] }),
    to: model({
      tables: [table('Q3', { columns: [col('position', 'text', { collation: 'public.Ci' })] })],
    }),
    expected: ['ALTER TABLE public."Q3" ALTER COLUMN "position" TYPE text COLLATE public."Ci";'],
    table: '"Q3"',
    after: [{ column: 'position', collation: 'Ci' }],
  },
  {
    name: 'a new column and an index key with collation C',
    create: 'CREATE TABLE q4 (id INT)',
    from: model({ tables: [table('q4', { columns: [col('id', 'integer')] })] }),
    to: model({
      tables: [
        table('q4', {
          columns: [col('id', 'integer'), col('Code', 'text', { collation: 'C' })],
          indexes: [
            {
              ...index('q4_Code_idx', []),
              keys: [{ column: 'Code', collation: 'POSIX', order: 'asc', nulls: 'last' }],
            },
          ],
        }),
      ],
    }),
    expected: [
      'ALTER TABLE public.q4 ADD COLUMN "Code" text COLLATE "C";',
      'CREATE INDEX "q4_Code_idx" ON public.q4 ("Code" COLLATE "POSIX");',
    ],
    table: 'q4',
    after: [{ column: 'Code', collation: 'C' }],
  },
];

/** A domain named in mixed case, with collation `C`. */
const domain = { schema: 'public', name: 'Code', type: 'text', notNull: true, collation: 'C', checks: [] };

describe('a domain with a collation', () => {
  it('quotes the collation', () => {
    expect(fix(model(), model({ domains: [domain] }))).toEqual([
      'CREATE DOMAIN public."Code" AS text COLLATE "C" NOT NULL;',
    ]);
  });
});

describe('SQL fixes quote identifiers as quote_ident does, run on PostgreSQL 16', () => {
  const db = useTestDatabase(16);
  let client: pg.Client;
  beforeAll(async () => {
    client = await connect(db.url);
  });
  afterAll(async () => {
    await client?.end();
  });

  it.each(cases)('$name', async ({ create, from, to, expected, table: name, after }) => {
    const statements = fix(from, to);
    expect(statements).toEqual(expected);
    await client.query(create);
    for (const statement of statements) await client.query(statement);
    const { rows } = await client.query(COLLATIONS, [name]);
    expect(rows).toEqual(after);
  });

  it('the domain fix runs', async () => {
    for (const statement of fix(model(), model({ domains: [domain] }))) await client.query(statement);
    const { rows } = await client.query(
      `SELECT co.collname FROM pg_type t JOIN pg_collation co ON co.oid = t.typcollation WHERE t.typname = 'Code'`,
    );
    expect(rows).toEqual([{ collname: 'C' }]);
  });

  it('quoteIdentifier agrees with the server’s quote_ident', async () => {
    const names = ['users', 'Users', 'order', 'position', 'type', 'user_id', 'a$b', '1st', 'say "hi"', 'é'];
    const { rows } = await client.query<{ q: string }>(
      'SELECT quote_ident(n) AS q FROM unnest($1::text[]) n',
      [names],
    );
    expect(names.map(quoteIdentifier)).toEqual(rows.map((row) => row.q));
  });
});
