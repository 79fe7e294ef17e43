/**
 * The oracle: for every fixture and corpus schema, Prisma's own engine writes the migration SQL,
 * the real test server runs it, and the introspected database must equal `prismaToModel`'s model.
 */
import { type PrismaFiles, prisma7Compatible, prismaToModel, readPrismaSchema } from '@gander/prisma';
import { loadParser, type Model, stripSpans } from '@gander/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../scripts/test-db/index.js';
import { corpusCases, fixtureCases, type SchemaCase } from './cases.js';
import { applyAndIntrospect, comparable, prismaMigrateSql } from './oracle.js';

beforeAll(async () => {
  await loadParser();
});

/** The live model without what the case's prelude created. */
function withoutPrelude(model: Model, testCase: SchemaCase): Model {
  const extensions = testCase.preludeExtensions ?? [];
  return {
    ...model,
    routines: model.routines.filter((r) => !testCase.preludeRoutines.includes(r.name)),
    extensions: model.extensions.filter((e) => !extensions.includes(e.name)),
  };
}

async function oracle(testCase: SchemaCase): Promise<{ expected: Model; actual: Model }> {
  const files: PrismaFiles = readPrismaSchema(testCase.path);
  const actual = comparable(stripSpans(prismaToModel(files).model));
  const db = await createDatabase(16);
  try {
    const sql = await prismaMigrateSql(prisma7Compatible(files.files).files, db.url);
    const live = await applyAndIntrospect(db.url, sql, testCase.prelude);
    return { expected: withoutPrelude(comparable(live), testCase), actual };
  } finally {
    await db.drop();
  }
}

describe('prismaToModel equals the database Prisma Migrate builds', () => {
  it.each(fixtureCases())('fixture $name', async (testCase) => {
    const { expected, actual } = await oracle(testCase);
    expect(actual).toEqual(expected);
  });

  it.each(corpusCases())('corpus $name', async (testCase) => {
    const { expected, actual } = await oracle(testCase);
    const count = (m: Model) =>
      `${m.tables.length} tables, ${m.tables.reduce((n, t) => n + t.columns.length, 0)} columns, ` +
      `${m.tables.reduce((n, t) => n + t.indexes.length, 0)} indexes, ${m.tables.reduce((n, t) => n + t.constraints.length, 0)} constraints, ` +
      `${m.enums.length} enums, ${m.sequences.length} sequences`;
    console.log(`oracle ${testCase.name}: ${count(expected)}`);
    expect(actual).toEqual(expected);
  });
});
