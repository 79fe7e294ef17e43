/**
 * The `normalizeType` oracle suite, run against one server major by `normalize-type-pg*.test.ts`:
 * every spelling is declared as a column on the real server, and `normalizeType` must equal what
 * `format_type(atttypid, atttypmod)` prints with `search_path = pg_catalog`.
 */
import { loadParser, normalizeType } from '@gander/schema';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';
import { builtinColumnTypes, connect, formatTypes, serverMajor } from './normalize-oracle.js';

/** Spellings with typmods and the SQL-standard names the grammar knows (`gram.y` `SimpleTypename`). */
// biome-ignore format: a dense table reads better than one spelling per line
export const standardSpellings: readonly string[] = [
  'INT', 'int', 'integer', 'INTEGER', 'int4', 'pg_catalog.int4', 'smallint', 'int2', 'bigint', 'int8',
  'serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2',
  'real', 'float4', 'float', 'float(1)', 'float(24)', 'float(25)', 'float(53)', 'double precision', 'float8',
  'numeric', 'numeric(14,2)', 'numeric(10)', 'numeric(1000,0)', 'numeric(5,-2)', 'decimal', 'decimal(8,3)', 'dec(4)',
  'boolean', 'bool',
  'char', 'character', 'char(5)', 'character(10)', 'nchar(3)', 'national character(2)', 'bpchar', 'bpchar(4)',
  'varchar', 'varchar(20)', 'character varying', 'character varying(255)', 'char varying(7)',
  'national character varying(9)', 'nchar varying(4)',
  'bit', 'bit(3)', 'bit varying', 'bit varying(12)', 'varbit', 'varbit(5)',
  'timestamp', 'timestamp(0)', 'timestamp(3)', 'timestamp(6)', 'timestamp without time zone',
  'timestamp(2) without time zone', 'timestamptz', 'timestamptz(6)', 'timestamptz(0)', 'TIMESTAMP WITH TIME ZONE',
  'timestamp(4) with time zone', 'time', 'time(3)', 'time without time zone', 'time with time zone', 'timetz',
  'timetz(2)', 'time(1) with time zone',
  'interval', 'interval(3)', 'interval year', 'interval month', 'interval day', 'interval hour', 'interval minute',
  'interval second', 'interval second(3)', 'interval year to month', 'interval day to hour', 'interval day to minute',
  'interval day to second', 'interval day to second(3)', 'interval hour to minute', 'interval hour to second(0)',
  'interval minute to second(6)',
  '"char"', 'pg_catalog."char"', 'name', 'text', 'TEXT', 'json', 'jsonb', 'uuid', 'bytea', 'inet', 'cidr', 'macaddr',
  'money', 'tsvector', 'oid', 'regclass', 'xml', 'date',
  'int[]', 'int[][]', 'int[3]', 'integer ARRAY', 'integer ARRAY[4]', 'text[]', 'character varying(10)[]',
  'varchar(10)[][]', 'numeric(14,2)[]', 'timestamptz(3)[]', 'bit(2)[]', 'bit[]', 'char[]', 'bpchar[]', '"char"[]',
  'interval day to second(2)[]', 'double precision[]', 'jsonb[]', '_int4', '_text', 'pg_catalog._varchar',
];

/** User types: enums in `public` and `app`, quoted names, a domain, an extension type. */
const userTypesSetup = `
  CREATE EXTENSION IF NOT EXISTS citext;
  CREATE TYPE attendance_status AS ENUM ('present', 'absent');
  CREATE TYPE "Mood" AS ENUM ('happy');
  CREATE SCHEMA app;
  CREATE TYPE app.mood AS ENUM ('ok');
  CREATE SCHEMA "My Schema";
  CREATE TYPE "My Schema"."Kind" AS ENUM ('a');
  CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
  CREATE DOMAIN app.email AS citext;
  CREATE TYPE pair AS (a integer, b text);
`;

// biome-ignore format: a dense table
export const userSpellings: readonly string[] = [
  'attendance_status', 'public.attendance_status', 'attendance_status[]', 'ATTENDANCE_STATUS', '"Mood"', '"Mood"[]',
  'public."Mood"', 'app.mood', 'app.mood[]', 'APP.MOOD', '"My Schema"."Kind"', 'positive_int', 'app.email',
  'citext', 'citext[]', 'pair', 'public.pair[]',
];

/** Registers the suite for one server major. */
export function typeOracleSuite(major: 16 | 18): void {
  describe(`normalizeType against PostgreSQL ${major}`, () => {
    const db = useTestDatabase(major);
    let client: pg.Client;
    beforeAll(async () => {
      await loadParser();
      client = await connect(db.url);
      await client.query(userTypesSetup);
    });
    afterAll(async () => {
      await client?.end();
    });

    it('runs on the asked major', async () => {
      expect(await serverMajor(client)).toBe(
        process.env.GANDER_TEST_DATABASE_URL ? await serverMajor(client) : major,
      );
    });

    it('equals format_type for every built-in base, range and multirange type, bare, qualified and as arrays', async () => {
      const types = await builtinColumnTypes(client);
      expect(types.length).toBeGreaterThanOrEqual(75);
      const spellings = types.flatMap((t) => [
        t.name,
        `pg_catalog.${t.name}`,
        ...(t.array ? [`${t.name}[]`, t.array, `pg_catalog.${t.array}`] : []),
      ]);
      const quoted = spellings.map((s) => (s === 'char' || s === 'char[]' ? s.replace('char', '"char"') : s));
      const expected = await formatTypes(client, quoted);
      expect(quoted.map((s) => `${s} -> ${normalizeType(s)}`)).toEqual(
        quoted.map((s, i) => `${s} -> ${expected[i]}`),
      );
    });

    it('equals format_type for typmods, SQL-standard spellings and arrays', async () => {
      const expected = await formatTypes(client, standardSpellings);
      expect(standardSpellings.map((s) => `${s} -> ${normalizeType(s)}`)).toEqual(
        standardSpellings.map((s, i) => `${s} -> ${expected[i]}`),
      );
    });

    it('equals format_type for user types (enums, quoted names, domains, citext, composites)', async () => {
      const expected = await formatTypes(client, userSpellings);
      expect(userSpellings.map((s) => `${s} -> ${normalizeType(s)}`)).toEqual(
        userSpellings.map((s, i) => `${s} -> ${expected[i]}`),
      );
    });
  });
}
