/**
 * The parser entry points and the AST forms of the normalisers: `loadParser`, `parseSql` errors,
 * `canonicalTypeName` / `canonicalExpression` / `canonicalDefault` on nodes, `serialInfo`, and
 * `serialSequenceName` against the names PostgreSQL 16 chooses.
 */
import {
  canonicalDefault,
  canonicalExpression,
  canonicalTypeName,
  GanderError,
  isParserLoaded,
  loadParser,
  normalizeDefault,
  normalizeExpression,
  normalizeType,
  parseSql,
  serialInfo,
  serialSequenceName,
} from '@gander/schema';
import type { ColumnDef, Node } from 'libpg-query';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';
import { connect } from './normalize-oracle.js';

function columnDefs(sql: string): ColumnDef[] {
  const stmt = parseSql(sql).stmts?.[0]?.stmt as { CreateStmt: { tableElts: Node[] } };
  return stmt.CreateStmt.tableElts.map((e) => (e as { ColumnDef: ColumnDef }).ColumnDef);
}

function syntaxError(run: () => unknown): GanderError {
  try {
    run();
  } catch (error) {
    if (error instanceof GanderError) return error;
    throw error;
  }
  throw new Error('expected a GanderError');
}

describe('parser and AST entry points', () => {
  beforeAll(async () => {
    await loadParser();
  });

  it('loadParser is idempotent', async () => {
    expect(loadParser()).toBe(loadParser());
    await loadParser();
    expect(isParserLoaded()).toBe(true);
  });

  it('parseSql reports syntax errors as SQL_SYNTAX with 1-based line and UTF-16 column', () => {
    const plain = syntaxError(() => parseSql('SELECT 1;\nSELECT x y z;'));
    expect([plain.code, plain.message]).toEqual([
      'SQL_SYNTAX',
      'line 2, column 12: syntax error at or near "z"',
    ]);
    const placed = syntaxError(() =>
      parseSql("SELECT '€é';\n  SELECT '€' y z", { source: { file: 'm/001.sql', line: 10, column: 1 } }),
    );
    expect(placed.message).toBe('m/001.sql:11:16: syntax error at or near "z"');
    expect(placed.source).toEqual({ file: 'm/001.sql', line: 11, column: 16 });
    const shifted = syntaxError(() =>
      parseSql('SELECT x y z', { source: { file: 'f.sql', line: 3, column: 5 } }),
    );
    expect(shifted.source).toEqual({ file: 'f.sql', line: 3, column: 16 });
  });

  it('normalizeType and normalizeExpression name what failed to parse', () => {
    expect(syntaxError(() => normalizeType('int not null')).message).toBe(
      'cannot parse type "int not null": line 1, column 9: syntax error at or near "null"',
    );
    expect(syntaxError(() => normalizeType('int, text')).code).toBe('SQL_SYNTAX');
    expect(syntaxError(() => normalizeType('int COLLATE "C"')).code).toBe('SQL_SYNTAX');
    expect(syntaxError(() => normalizeExpression('1 +')).message).toBe(
      'cannot parse expression "1 +": line 1, column 4: syntax error at end of input',
    );
  });

  it('canonicalTypeName reads ColumnDef type names; SETOF is kept, %TYPE is refused', () => {
    const defs = columnDefs(
      'CREATE TABLE t (a int4, b varchar(3)[], c timestamptz(2), d "Mood", e app.x, f serial, g double precision)',
    );
    expect(defs.map((d) => canonicalTypeName(d.typeName ?? {}, { defaultSchema: 'app' }))).toEqual([
      'integer',
      'character varying(3)[]',
      'timestamp(2) with time zone',
      'app."Mood"',
      'app.x',
      'integer',
      'double precision',
    ]);
    expect(canonicalTypeName({ ...(defs[0]?.typeName ?? {}), setof: true })).toBe('SETOF integer');
    const pct = columnDefs('CREATE TABLE t (a int)')[0]?.typeName ?? {};
    expect(() => canonicalTypeName({ ...pct, pct_type: true })).toThrow(GanderError);
  });

  it('serialInfo knows the serial pseudo-types and nothing else', () => {
    const spellings = [
      'serial',
      'SERIAL4',
      'bigserial',
      'serial8',
      'smallserial',
      'serial2',
      'pg_catalog.serial',
    ];
    expect(spellings.map((s) => serialInfo(s)?.type)).toEqual([
      'integer',
      'integer',
      'bigint',
      'bigint',
      'smallint',
      'smallint',
      'integer',
    ]);
    for (const other of ['integer', 'serial[]', 'public.serial', '"Serial"', 'int8']) {
      expect(serialInfo(other)).toBeUndefined();
    }
  });

  it('canonicalExpression and canonicalDefault on AST nodes equal the text forms', () => {
    const [def] = columnDefs("CREATE TABLE t (a text DEFAULT ('x'::text) CHECK (a IN ('x', 'y')))");
    const [raw, check] = (def?.constraints ?? []).map(
      (c) => (c as { Constraint: { raw_expr: Node } }).Constraint.raw_expr,
    );
    const before = JSON.stringify(check);
    expect(canonicalDefault(raw as Node)).toBe(normalizeDefault("'x'"));
    expect(canonicalExpression(check as Node)).toBe(
      normalizeExpression("a = ANY (ARRAY['x'::text, 'y'::text])"),
    );
    expect(JSON.stringify(check)).toBe(before);
  });
});

describe('serialSequenceName against PostgreSQL 16', () => {
  const db = useTestDatabase(16);
  let client: pg.Client;
  beforeAll(async () => {
    await loadParser();
    client = await connect(db.url);
  });
  afterAll(async () => {
    await client?.end();
  });

  const long = 'a_very_long_table_name_that_goes_on_and_on_and_on_forever_x';
  const cases = [
    { table: 'users', column: 'id' },
    { table: long, column: 'id' },
    { table: 'orders', column: `${long.slice(0, 50)}_column` },
    { table: `${long}_t`, column: `${long}_c` },
    { table: 'tâble_ééééééééééééééééééé', column: 'çolumn_€€€€€€€€€€' },
    { table: 'taken', column: 'id', existing: ['taken_id_seq'] },
    { table: 'taken2', column: 'id', existing: ['taken2_id_seq', 'taken2_id_seq1'] },
  ];

  it.each(cases.map((c) => ({ ...c, name: `${c.table}.${c.column}` })))(
    '$name',
    async ({ table, column, existing }) => {
      for (const name of existing ?? []) await client.query(`CREATE SEQUENCE "${name}"`);
      await client.query(`CREATE TABLE "${table}" ("${column}" serial)`);
      const { rows } = await client.query<{ seq: string }>(
        `SELECT s.relname AS seq FROM pg_depend d JOIN pg_class s ON s.oid = d.objid
        WHERE d.refobjid = $1::regclass AND s.relkind = 'S' AND d.deptype = 'a'`,
        [`public."${table}"`],
      );
      const taken = new Set(existing ?? []);
      expect(serialSequenceName(table, column, (n) => taken.has(n))).toBe(rows[0]?.seq);
    },
  );
});
