/**
 * Prisma Migrate files split with libpg_query: statement text and spans, with non-ASCII text
 * before statements (libpg_query's offsets are UTF-8 bytes).
 */
import { splitPlainSql } from '@gander/goose';
import { GanderError, loadParser } from '@gander/schema';
import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(async () => {
  await loadParser();
});

describe('splitPlainSql', () => {
  it('keeps spans right after é, € and an emoji', () => {
    const text =
      '-- CreateTable é €\nCREATE TABLE "Café" ("😀" text, x int);\n\n/* ü */ CREATE INDEX "i€" ON "Café" (x);  -- trailing 😀\nUPDATE "Café" SET x = 1 WHERE "😀" = \'$$;\'\n-- the end\n';
    const statements = splitPlainSql(text, 'm/migration.sql');
    expect(statements).toEqual([
      {
        sql: 'CREATE TABLE "Café" ("😀" text, x int)',
        span: { file: 'm/migration.sql', line: 2, column: 1 },
      },
      { sql: 'CREATE INDEX "i€" ON "Café" (x)', span: { file: 'm/migration.sql', line: 4, column: 9 } },
      {
        sql: 'UPDATE "Café" SET x = 1 WHERE "😀" = \'$$;\'',
        span: { file: 'm/migration.sql', line: 5, column: 1 },
      },
    ]);
  });

  it('keeps a function body with inner semicolons whole', () => {
    const text =
      'CREATE FUNCTION f() RETURNS void AS $$\nBEGIN\n  PERFORM 1;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT f();\n';
    expect(splitPlainSql(text, 'f.sql').map((s) => [s.sql, s.span.line])).toEqual([
      ['CREATE FUNCTION f() RETURNS void AS $$\nBEGIN\n  PERFORM 1;\nEND;\n$$ LANGUAGE plpgsql', 1],
      ['SELECT f()', 6],
    ]);
  });

  it('returns nothing for comments only, and skips empty statements', () => {
    expect(splitPlainSql('-- nothing here\n/* nor here */\n', 'e.sql')).toEqual([]);
    expect(
      splitPlainSql('SELECT 1;;\n;SELECT 2', 'e.sql').map((s) => [s.sql, s.span.line, s.span.column]),
    ).toEqual([
      ['SELECT 1', 1, 1],
      ['SELECT 2', 2, 2],
    ]);
  });

  it('reports a syntax error at file:line:column', () => {
    let thrown: unknown;
    try {
      splitPlainSql('-- é\nSELECT 1;\nSELECT ,;\n', 'bad.sql');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GanderError);
    expect((thrown as GanderError).code).toBe('SQL_SYNTAX');
    expect((thrown as GanderError).source?.file).toBe('bad.sql');
    expect((thrown as GanderError).source?.line).toBe(3);
  });
});
