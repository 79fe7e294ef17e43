/**
 * A Prisma scalar list (`String[]`) is always a nullable column to Prisma Migrate, which cannot
 * declare it NOT NULL; a NOT NULL list column on the other side works with Prisma Client, so it is
 * `unmodelled-object` (info), not a `column-nullability` error. Found by sync-check on langfuse and
 * beegy-labs/my-girok (`TEXT[] NOT NULL DEFAULT '{}'` in hand-written migrations).
 */
import { diffModels, toFindings } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { col, model, table } from './diff-builders.js';

const tags = (notNull: boolean, type = 'text[]') =>
  model({ tables: [table('posts', { columns: [col('tags', type, { notNull })] })] });

describe('list nullability against Prisma', () => {
  it('NOT NULL list in the migrations, nullable list in Prisma: info, no fix', () => {
    const findings = toFindings(diffModels(tags(true), tags(false)), { from: 'migrations', to: 'prisma' });
    expect(findings.map((f) => [f.code, f.severity, f.fixes.length])).toEqual([
      ['unmodelled-object', 'info', 0],
    ]);
  });
  it('nullable list in the database, NOT NULL in the migrations: still an error (no Prisma side)', () => {
    const findings = toFindings(diffModels(tags(true), tags(false)), { from: 'migrations', to: 'database' });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['column-nullability', 'error']]);
  });
  it('a scalar column keeps the error', () => {
    const findings = toFindings(diffModels(tags(true, 'text'), tags(false, 'text')), {
      from: 'migrations',
      to: 'prisma',
    });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['column-nullability', 'error']]);
  });
});
