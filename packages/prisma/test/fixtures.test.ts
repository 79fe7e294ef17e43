/**
 * Fixture cases: each `fixtures/prisma/<case>/` maps to its `expected.json` (the model without spans,
 * the client-side defaults and the notes), or fails with its `expected-error.json`. The oracle test
 * proves each expected model against the database Prisma's own engine builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prismaToModel, readPrismaSchema } from '@gander/prisma';
import { isGanderError, loadParser, stripSpans } from '@gander/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCases, fixtureCases, fixturesDir } from './cases.js';

beforeAll(async () => {
  await loadParser();
});

describe('fixtures/prisma', () => {
  it.each(fixtureCases())('$name', (testCase) => {
    const expected = JSON.parse(readFileSync(join(fixturesDir, testCase.name, 'expected.json'), 'utf8'));
    const result = prismaToModel(readPrismaSchema(testCase.path));
    expect({
      model: stripSpans(result.model),
      clientDefaults: result.clientDefaults.map(({ span: _span, ...rest }) => rest),
      notes: result.notes,
    }).toEqual(expected);
  });

  it.each(errorCases())('$name fails with its message and position', (testCase) => {
    let caught: unknown;
    try {
      prismaToModel(readPrismaSchema(testCase.path));
    } catch (error) {
      caught = error;
    }
    expect(isGanderError(caught)).toBe(true);
    const error = caught as { code: string; message: string };
    expect({ code: error.code, message: error.message.replaceAll(testCase.path, 'schema.prisma') }).toEqual(
      testCase.expected,
    );
  });
});
