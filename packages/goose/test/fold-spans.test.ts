/**
 * Element spans of the static fold (columns, constraints, `ALTER TABLE` actions) on texts that
 * start mid-line, hold several statements, or hide statements in a `DO` body: each span must be the
 * 1-based line and 1-based UTF-16 column of the element's own text in the file. The fixture cases
 * (`fixtures/fold/element-spans`) cover the same on a whole migration, checked against PostgreSQL.
 */
import { foldStatements, type Statement } from '@gander/goose';
import { loadParser, type Model, type SourceSpan } from '@gander/schema';
import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(loadParser);

/** `table.element` (column or constraint name) -> `line:column` of every table element with a span. */
function elementSpans(model: Model): Record<string, string> {
  const at = (s: SourceSpan | undefined) => (s ? `${s.line}:${s.column}` : 'none');
  const out: Record<string, string> = {};
  for (const t of model.tables) {
    for (const c of t.columns) out[`${t.name}.${c.name}`] = at(c.span);
    for (const c of t.constraints) out[`${t.name}.${c.name}`] = at(c.span);
  }
  return out;
}

const cases: { name: string; statements: Statement[]; expected: Record<string, string> }[] = [
  {
    name: 'a chunk starting mid-line: its first line is shifted by the start column, later lines are not',
    statements: [
      {
        sql: 'CREATE TABLE t (a int, b int CHECK (b > 0),\n  c text);',
        span: { file: 'm.sql', line: 3, column: 5 },
      },
    ],
    expected: { 't.a': '3:21', 't.b': '3:28', 't.t_b_check': '3:34', 't.c': '4:3' },
  },
  {
    name: 'several statements in one text, non-ASCII and a surrogate pair before the elements',
    statements: [
      {
        sql: `CREATE TABLE "€" (x text DEFAULT '😀', "é" int);\nALTER TABLE "€" ADD COLUMN z int, ALTER COLUMN x SET NOT NULL,\n    ADD CONSTRAINT z_pos CHECK (z > 0);`,
        span: { file: 'm.sql', line: 1, column: 1 },
      },
    ],
    expected: { '€.x': '2:35', '€.é': '1:40', '€.z': '2:28', '€.z_pos': '3:9' },
  },
  {
    name: 'ALTER TABLE actions placed within their own statement of a many-statement text (a Prisma Migrate file)',
    statements: [
      {
        sql: `CREATE TABLE "ü" (a int, b int, c int);\n-- "é", ('(' , )\nALTER TABLE "ü" ALTER COLUMN a SET NOT NULL;ALTER TABLE ONLY public."ü"\n  ALTER COLUMN b SET DEFAULT 1, ALTER COLUMN c TYPE bigint;\nSELECT 1, 2;`,
        span: { file: 'm.sql', line: 1, column: 1 },
      },
    ],
    expected: { 'ü.a': '3:17', 'ü.b': '4:3', 'ü.c': '4:33' },
  },
  {
    name: 'a DO body that is not verbatim in the file (quoted string with escapes): its statements keep their line, column 1',
    statements: [
      {
        sql: "DO '\nBEGIN\n  CREATE TABLE d (a int, b text DEFAULT ''x'');\nEND';",
        span: { file: 'm.sql', line: 10, column: 1 },
      },
    ],
    expected: { 'd.a': '12:1', 'd.b': '12:1' },
  },
  {
    name: 'a dollar-quoted DO body: its statements are placed exactly',
    statements: [
      {
        sql: 'DO $body$\nBEGIN\n  CREATE TABLE d (a int,\n    b text);\nEND $body$;',
        span: { file: 'm.sql', line: 10, column: 1 },
      },
    ],
    expected: { 'd.a': '12:19', 'd.b': '13:5' },
  },
];

describe('fold element spans', () => {
  it.each(cases)('$name', ({ statements, expected }) => {
    expect(elementSpans(foldStatements(statements).model)).toEqual(expected);
  });
});
