/**
 * `normalizeExpression` against the real server (PostgreSQL 16 and 18): each expression is written as a CHECK
 * constraint, an index expression, a partial-index predicate or a generated column; PostgreSQL's
 * printed form (`pg_get_constraintdef`, `pg_get_indexdef`, `pg_get_expr`, plain and pretty) must
 * normalise to the same text as the written one. Pairs of different meaning must stay different.
 */
import { GanderError, loadParser, normalizeExpression } from '@gander/schema';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';
import { connect } from './normalize-oracle.js';

type Place = 'check' | 'index' | 'predicate' | { generated: string };

interface ExpressionCase {
  readonly place: Place;
  readonly written: string;
}

const setup = `
  CREATE EXTENSION IF NOT EXISTS citext;
  CREATE TYPE status AS ENUM ('present', 'absent', 'late');
  CREATE SCHEMA app;
  CREATE FUNCTION app.slug(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
  CREATE FUNCTION public.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
  CREATE TABLE items (
    id integer, price numeric, qty integer, total bigint, ratio double precision, name text,
    code varchar(10), status status, email text, ci citext, created_at timestamptz, ts timestamp,
    kind varchar(20), tags text[], data jsonb, flag boolean, d date, c char(3), starts date, ends date
  );
`;

const check = (written: string): ExpressionCase => ({ place: 'check', written });
const index = (written: string): ExpressionCase => ({ place: 'index', written });
const predicate = (written: string): ExpressionCase => ({ place: 'predicate', written });
const generated = (type: string, written: string): ExpressionCase => ({
  place: { generated: type },
  written,
});

const cases: readonly ExpressionCase[] = [
  check('price > 0'),
  check('price >= 0 AND price < 1000'),
  check('(price >= 0) AND ((price < 1000))'),
  check('qty > 0 AND qty < 10 AND total > 0'),
  check('qty BETWEEN 1 AND 10'),
  check('qty NOT BETWEEN 1 AND 10'),
  check("status IN ('present', 'absent')"),
  check("status NOT IN ('late')"),
  check("kind IN ('a', 'b', 'c')"),
  check("kind NOT IN ('a', 'b')"),
  check("kind IN ('a')"),
  check("name IN ('a', 'b')"),
  check("code = 'x'"),
  check("c = 'abc'"),
  check('length(name) > 0'),
  check('char_length(code) <= 10'),
  check("email ~* '^[^@]+@[^@]+$'"),
  check("email LIKE '%@%'"),
  check("email NOT LIKE '%@example.com'"),
  check("email ILIKE '%@%'"),
  check('ends > starts'),
  check('ends IS NULL OR ends > starts'),
  check('NOT flag'),
  check('flag IS NOT TRUE OR qty > 0'),
  check('email IS NOT NULL'),
  check("coalesce(name, '') <> ''"),
  check('CASE WHEN flag THEN qty > 0 ELSE true END'),
  check('ratio > 0.5'),
  check('price * 2 > 10'),
  check("price <> 'NaN'::numeric"),
  check('total > -1'),
  check("created_at > '2020-01-01 00:00:00+00'"),
  check('d >= CURRENT_DATE - 30'),
  check("jsonb_typeof(data) = 'object'"),
  check("data ? 'a'"),
  check('data @> \'{"a": 1}\''),
  check('array_length(tags, 1) > 0'),
  check("tags <> '{}'"),
  check("'x' = ANY (tags)"),
  check('cardinality(tags) < 5'),
  check("ci <> ''"),
  check('pg_catalog.lower(name) = name'),
  check('public.norm(name) = name'),
  check('app.slug(name) IS NOT NULL'),
  check("id::text <> ''"),
  check("(id)::text <> ''"),
  check("name::varchar(5) <> 'x'"),
  check('extract(year from d) > 2000'),
  check("date_part('year', d) > 2000"),
  check('qty % 2 = 0'),
  check('qty IS DISTINCT FROM total'),
  check('ratio > qty'),
  check('price > qty'),
  check('qty::numeric / 2 > 1'),
  check('total > qty'),
  check('ts > d'),
  check('name = code'),
  check('code = c'),
  check("status::text <> 'x'"),
  check('round(price, 2) = price'),
  check('abs(qty) < 10'),
  check("lower(c) <> 'x'"),
  check("array_position(tags, 'x') IS NULL"),
  check("data ->> 'k' IS NOT NULL"),
  check("created_at < now() + interval '1 year'"),
  check("now() - created_at < '1 day'"),
  index('lower(email)'),
  index('lower(email::text)'),
  index('(lower(email))'),
  index("coalesce(name, '')"),
  index("date_trunc('day', ts)"),
  index("(data ->> 'a')"),
  index("(data -> 'a' ->> 'b')"),
  index('qty + 1'),
  index("name || ' ' || email"),
  index('app.slug(name)'),
  index('public.norm(name)'),
  index('(id::text)'),
  predicate('flag'),
  predicate('NOT flag'),
  predicate('email IS NOT NULL'),
  predicate("status = 'present'"),
  predicate("status IN ('present', 'late')"),
  predicate("kind = 'a'"),
  predicate("kind IN ('a', 'b')"),
  predicate('qty > 0 AND flag'),
  predicate('deleted IS NULL'.replace('deleted', 'ends')),
  generated('text', "lower(name) || '-' || id"),
  generated('text', "coalesce(name, '')"),
  generated('numeric', 'price * qty'),
  generated('integer', 'qty * 2'),
  generated('tsvector', "to_tsvector('english', coalesce(name, ''))"),
  generated('text', "(data ->> 'a')"),
  generated('boolean', 'qty > 0'),
  generated('text', 'upper(code)'),
  generated('text', "CASE WHEN qty > 1 THEN 'many' END"),
  generated('text', "CASE WHEN qty > 1 THEN 'many' ELSE NULL END"),
  generated('text', "CASE WHEN name ~ E'\\\\.' THEN substring(lower(name), E'[^/.]\\\\.([a-z0-9]+)$') END"),
  check("name ~ E'^\\\\d+$'"),
  check("name ~ '^\\d+$'"),
  check("qty = CAST(to_char(d, 'yyyy') AS integer)"),
  check("d IS NULL OR qty = to_char(d, 'yyyy')::integer"),
  check("created_at < now() + interval '10 minutes'"),
  check("ts < now() - '90 minutes'::interval"),
  check("date_trunc('day', d) < now()"),
  check('qty > 1.5'),
  check('ratio > 1.5 AND total < 2.5'),
];

/** Pairs that must normalise differently. */
const different: readonly (readonly [string, string])[] = [
  ['price > 0', 'price >= 0'],
  ['a + b * c', '(a + b) * c'],
  ['a - (b - c)', 'a - b - c'],
  ['a AND b OR c', 'a AND (b OR c)'],
  ["kind IN ('a', 'b')", "kind IN ('a', 'c')"],
  ["kind IN ('a', 'b')", "kind NOT IN ('a', 'b')"],
  ['qty BETWEEN 1 AND 10', 'qty BETWEEN 1 AND 11'],
  ["email LIKE 'a%'", "email ILIKE 'a%'"],
  ['lower(email)', 'upper(email)'],
  ['app.slug(name)', 'slug(name)'],
  ['"Lower"(x)', 'lower(x)'],
  ['x IS NULL', 'x IS NOT NULL'],
  ["'a'", "'b'"],
  ['1', '2'],
  ['d::date', 'd::timestamp'],
  ['created_at::date', 'created_at'],
  ['price::integer', 'price'],
  ['"Name" = 1', 'name = 1'],
  ['t.a = 1', 'a = 1'],
  ['coalesce(a, b)', 'coalesce(b, a)'],
  ["'a' || b", "b || 'a'"],
  ['NOT a', 'a'],
  ['a IS TRUE', 'a'],
  ['qty::numeric / 2', 'qty / 2'],
  ['price * qty::numeric', 'price * qty::integer'],
  ['ratio > qty::integer', 'ratio > qty'],
  ["CASE WHEN a THEN 'x' END", "CASE WHEN a THEN 'x' ELSE 'y' END"],
  ['qty::numeric > 1', 'qty > 1'],
  ["now() + interval '10 minutes'", "now() + interval '10 hours'"],
];

function sqlFor(place: Place, written: string, i: number): string {
  if (place === 'check') return `ALTER TABLE items ADD CONSTRAINT ck${i} CHECK (${written})`;
  if (place === 'index') return `CREATE INDEX ix${i} ON items ((${written}))`;
  if (place === 'predicate') return `CREATE INDEX px${i} ON items (id) WHERE ${written}`;
  return `ALTER TABLE items ADD COLUMN g${i} ${place.generated} GENERATED ALWAYS AS (${written}) STORED`;
}

/** What PostgreSQL prints for the object of case `i`, plain (`pretty = false`) and pretty. */
function printedSql(place: Place, i: number, pretty: boolean): string {
  if (place === 'check') {
    return `SELECT pg_get_constraintdef(oid, ${pretty}) AS p FROM pg_constraint WHERE conname = 'ck${i}'`;
  }
  if (place === 'index') {
    return `SELECT pg_get_indexdef('public.ix${i}'::regclass, 1, ${pretty}) AS p`;
  }
  if (place === 'predicate') {
    return `SELECT pg_get_expr(indpred, indrelid, ${pretty}) AS p FROM pg_index WHERE indexrelid = 'public.px${i}'::regclass`;
  }
  return `SELECT pg_get_expr(adbin, adrelid, ${pretty}) AS p FROM pg_attrdef d
            JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
           WHERE d.adrelid = 'public.items'::regclass AND a.attname = 'g${i}'`;
}

/** The expression inside `CHECK (...)` (and before `NOT VALID`). */
function checkBody(def: string): string {
  const m = /^CHECK \((.*)\)( NOT VALID)?$/s.exec(def);
  return m ? (m[1] as string) : def;
}

function placeName(place: Place): string {
  return typeof place === 'string' ? place : `generated ${place.generated}`;
}

describe.each([16, 18] as const)('normalizeExpression against PostgreSQL %i', (major) => {
  const db = useTestDatabase(major);
  let client: pg.Client;
  let columns: Record<string, string> = {};
  beforeAll(async () => {
    await loadParser();
    client = await connect(db.url);
    await client.query(setup);
    await client.query('SET search_path = pg_catalog');
    const { rows } = await client.query<{ name: string; type: string }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
        WHERE attrelid = 'public.items'::regclass AND attnum > 0`,
    );
    columns = Object.fromEntries(rows.map((r) => [r.name, r.type]));
  });
  afterAll(async () => {
    await client?.end();
  });

  it.each(cases.map((c, i) => ({ ...c, i, name: `${placeName(c.place)}: ${c.written}` })))(
    '$name',
    async ({ place, written, i }) => {
      await client.query('SET search_path = public');
      await client.query(sqlFor(place, written, i));
      await client.query('SET search_path = pg_catalog');
      const printed: string[] = [];
      for (const pretty of [false, true]) {
        const { rows } = await client.query<{ p: string }>(printedSql(place, i, pretty));
        printed.push(place === 'check' ? checkBody(rows[0]?.p ?? '') : (rows[0]?.p ?? ''));
      }
      await client.query('SET search_path = public');
      const want = normalizeExpression(written, { columns });
      expect(printed.map((p) => `${normalizeExpression(p, { columns })}  <- ${p}`)).toEqual(
        printed.map((p) => `${want}  <- ${p}`),
      );
    },
  );

  it.each(different.map(([a, b]) => ({ a, b, name: `${a}  !=  ${b}` })))('$name', ({ a, b }) => {
    expect(normalizeExpression(a)).not.toBe(normalizeExpression(b));
    expect(normalizeExpression(a, { columns })).not.toBe(normalizeExpression(b, { columns }));
  });

  it('rejects text that is not exactly one expression', () => {
    for (const bad of ['1 +', 'a AS b', '1, 2', 'x FROM t', '1; 2', '']) {
      expect(() => normalizeExpression(bad)).toThrow(GanderError);
    }
  });
});
