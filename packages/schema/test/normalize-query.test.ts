/**
 * `normalizeQuery` against the real server (PostgreSQL 16 and 18): each query is created as a view
 * (and as a materialized view), and PostgreSQL's `pg_get_viewdef` (plain and pretty, read with
 * `search_path = pg_catalog` as the introspector reads it) must normalise to the same text as the
 * written query, given the relations' columns as a static reader knows them. Queries of different
 * meaning must stay different.
 */
import { GanderError, loadParser, normalizeQuery, type QueryRelation } from '@gander/schema';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';
import { connect } from './normalize-oracle.js';

const setup = `
  CREATE SCHEMA app;
  CREATE TABLE users (id integer PRIMARY KEY, email varchar(100), name text, created_at timestamptz,
    country varchar(10), qty integer, price numeric, active boolean);
  CREATE TABLE posts (id integer, author_id integer, title text, body text, published_at timestamptz);
  CREATE TABLE app.items (id integer, code varchar(5), tags text[]);
  CREATE VIEW user_emails AS SELECT id, email FROM users;
`;

interface QueryCase {
  readonly query: string;
  /** `CREATE VIEW v (a, b)` output names. */
  readonly columnNames?: readonly string[];
}

const cases: readonly QueryCase[] = [
  { query: 'SELECT * FROM users' },
  { query: 'SELECT users.* FROM users' },
  { query: 'SELECT * FROM public.users WHERE active' },
  { query: "SELECT id, email FROM users WHERE email LIKE '%@x.org' AND id IN (1, 2)" },
  { query: 'SELECT DISTINCT users.country FROM users' },
  { query: 'SELECT p.id, p.title, u.name AS author FROM posts p JOIN users u ON p.author_id = u.id' },
  { query: 'SELECT p.*, u.email FROM posts AS p INNER JOIN users AS u ON u.id = p.author_id' },
  { query: 'SELECT p.*, u.name FROM posts p LEFT JOIN users u ON u.id = p.author_id' },
  { query: 'SELECT * FROM posts JOIN users USING (id)' },
  { query: 'SELECT count(*) FROM users' },
  { query: 'SELECT country, count(*) AS n FROM users GROUP BY 1 ORDER BY 2 DESC' },
  { query: 'SELECT lower(email) AS e, name || $$x$$ AS n, qty * price AS total FROM users' },
  { query: "SELECT * FROM app.items WHERE code = 'a'" },
  { query: 'SELECT u.*, p.title FROM users u, posts p ORDER BY 1' },
  { query: 'SELECT id FROM users UNION SELECT id FROM posts' },
  { query: 'SELECT id FROM users UNION ALL SELECT author_id FROM posts ORDER BY 1' },
  { query: 'WITH x AS (SELECT id, email FROM users) SELECT * FROM x' },
  { query: 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n' },
  {
    query:
      "SELECT id, CASE WHEN qty > 1 THEN 'many' END AS c, now() + interval '10 minutes' AS t FROM users GROUP BY id",
  },
  { query: 'SELECT id FROM users WHERE EXISTS (SELECT 1 FROM posts WHERE posts.author_id = users.id)' },
  { query: 'SELECT id, (SELECT max(published_at) FROM posts WHERE author_id = users.id) AS last FROM users' },
  { query: 'SELECT s.id FROM (SELECT id, qty FROM users WHERE qty > 0) s' },
  { query: 'SELECT * FROM (SELECT id, email FROM users) AS s (a, b)' },
  { query: 'SELECT * FROM user_emails WHERE id > 10' },
  { query: "SELECT id, email::text AS e, 'x'::varchar AS k FROM users" },
  { query: 'SELECT id, email FROM users', columnNames: ['user_id', 'mail'] },
  { query: 'SELECT * FROM users', columnNames: ['a', 'b'] },
  { query: 'SELECT coalesce(name, email) AS label, created_at::date AS day FROM users' },
  { query: "SELECT id FROM app.items WHERE 'x' = ANY (tags)" },
  { query: 'VALUES (1, 2), (3, 4)' },
  { query: 'SELECT id, name FROM users ORDER BY id ASC, name DESC NULLS FIRST, qty ASC NULLS LAST LIMIT 5' },
  { query: 'SELECT id FROM users ORDER BY name DESC NULLS LAST, qty NULLS FIRST' },
  { query: "SELECT id FROM users WHERE created_at > now() - interval '1 day'" },
];

/** Pairs that must normalise differently. */
const different: readonly [string, string][] = [
  ['SELECT id FROM users', 'SELECT id FROM posts'],
  ['SELECT id, email FROM users', 'SELECT email, id FROM users'],
  ['SELECT id FROM users WHERE qty > 1', 'SELECT id FROM users WHERE qty > 2'],
  ['SELECT id AS a FROM users', 'SELECT id AS b FROM users'],
  ['SELECT id FROM users UNION SELECT id FROM posts', 'SELECT id FROM users UNION ALL SELECT id FROM posts'],
  ['SELECT * FROM users', 'SELECT id FROM users'],
  ['SELECT id FROM users ORDER BY 1', 'SELECT id FROM users ORDER BY 1 DESC'],
  ['SELECT id FROM users ORDER BY id NULLS FIRST', 'SELECT id FROM users ORDER BY id'],
];

describe.each([16, 18] as const)('normalizeQuery against PostgreSQL %i', (major) => {
  const db = useTestDatabase(major);
  let client: pg.Client;
  const relations = new Map<string, QueryRelation>();
  /** A static reader's lookup: unqualified names resolve in `public`. */
  const staticLookup = (schema: string | undefined, name: string) =>
    relations.get(`${schema ?? 'public'}.${name}`);
  /** The introspector's lookup: PostgreSQL prints every name qualified under `search_path = pg_catalog`. */
  const liveLookup = (schema: string | undefined, name: string) =>
    schema === undefined ? undefined : relations.get(`${schema}.${name}`);

  beforeAll(async () => {
    await loadParser();
    client = await connect(db.url);
    await client.query(setup);
    await client.query('SET search_path = pg_catalog');
    const { rows } = await client.query<{
      schema: string;
      name: string;
      columns: { name: string; type: string }[];
    }>(
      `SELECT n.nspname AS schema, c.relname AS name,
              json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum) AS columns
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname IN ('public', 'app') AND c.relkind IN ('r', 'v')
        GROUP BY 1, 2`,
    );
    for (const row of rows) relations.set(`${row.schema}.${row.name}`, row);
    await client.query('SET search_path = public');
  });
  afterAll(async () => {
    await client?.end();
  });

  it.each(
    cases.map((c, i) => ({
      ...c,
      i,
      name: c.query + (c.columnNames ? ` (${c.columnNames.join(', ')})` : ''),
    })),
  )('$name', async ({ query, columnNames, i }) => {
    const names = columnNames ? ` (${columnNames.join(', ')})` : '';
    await client.query(`CREATE VIEW v${i}${names} AS ${query}`);
    await client.query(`CREATE MATERIALIZED VIEW m${i}${names} AS ${query} WITH NO DATA`);
    const printed: string[] = [];
    await client.query('SET search_path = pg_catalog');
    try {
      for (const relation of [`public.v${i}`, `public.m${i}`]) {
        for (const pretty of [false, true]) {
          const { rows } = await client.query<{ d: string }>(
            'SELECT pg_get_viewdef($1::regclass, $2::boolean) AS d',
            [relation, pretty],
          );
          printed.push(rows[0]?.d ?? '');
        }
      }
    } finally {
      await client.query('SET search_path = public');
    }
    const want = normalizeQuery(query, { relation: staticLookup, ...(columnNames ? { columnNames } : {}) });
    expect(printed.map((p) => `${normalizeQuery(p, { relation: liveLookup })}  <- ${p}`)).toEqual(
      printed.map((p) => `${want}  <- ${p}`),
    );
  });

  it.each(different.map(([a, b]) => ({ a, b, name: `${a}  !=  ${b}` })))('$name', ({ a, b }) => {
    expect(normalizeQuery(a, { relation: staticLookup })).not.toBe(
      normalizeQuery(b, { relation: staticLookup }),
    );
  });

  it('prints one canonical line', () => {
    expect(
      normalizeQuery('SELECT u.id, count(*) AS count FROM users u GROUP BY 1;', { relation: staticLookup }),
    ).toBe('SELECT id, count(*) FROM public.users GROUP BY id');
  });

  it('rejects text that is not exactly one query', () => {
    for (const bad of ['SELECT 1; SELECT 2', 'CREATE TABLE t (a int)', 'SELECT FROM WHERE', '']) {
      expect(() => normalizeQuery(bad)).toThrow(GanderError);
    }
  });
});
