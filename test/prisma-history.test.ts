/**
 * The second Prisma oracle, on real history: documenso's, langfuse's and hatchet's (Prisma Migrate
 * era) migrations replayed into the real test server, against `prismaToModel` of their schema.prisma
 * (see `scripts/prisma-history.mjs`). Every difference must be a reviewed row of
 * `fixtures/prisma-history/<project>/expected.json` with a known reason and its evidence; a new
 * difference, or a reviewed one that disappears, fails.
 */
import { describe, expect, it } from 'vitest';
import {
  prismaHistory,
  prismaHistoryProjects,
  prismaHistoryReasons,
  reviewDifferences,
  reviewedRows,
} from '../scripts/prisma-history.mjs';
import { createDatabase } from '../scripts/test-db/index.js';

const reasons = prismaHistoryReasons();

describe('schema.prisma equals its replayed Prisma Migrate history but for reviewed differences', () => {
  it.each(prismaHistoryProjects)('$name', async (project) => {
    const reviewed = reviewedRows(project);
    expect(reviewed.filter((row) => !(row.reason in reasons) || row.evidence === '')).toEqual([]);
    const db = await createDatabase(16);
    try {
      const result = await prismaHistory(project, db.url);
      const review = reviewDifferences(result.rows, reviewed);
      expect({ unreviewed: review.unreviewed, gone: review.gone }).toEqual({ unreviewed: [], gone: [] });
      expect(result.rows.map((row) => [row.kind, row.object])).toEqual(
        reviewed.map((row) => [row.kind, row.object]),
      );
    } finally {
      await db.drop();
    }
  });
});
