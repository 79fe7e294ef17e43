/**
 * goose.md section 9, database cases 9-18 and CLI cases 19-21, against a real PostgreSQL: the rows
 * `gander migrate` leaves in `goose_db_version` are the rows goose v3.27.3 leaves (goose itself
 * cannot run here: no Go toolchain), and what it prints is what goose prints after the log prefix.
 */
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../scripts/test-db/index.js';
import { FIXTURES, migrate, query, versionRows } from '../packages/migrate/test/helpers.js';

const basic = `${FIXTURES}/basic/migrations`;

describe('fresh database (case 9)', () => {
  it('status creates the table with the exact DDL and the version-0 row', async () => {
    const db = await createDatabase(16);
    try {
      const run = await migrate(['-dir', basic, 'postgres', db.url, 'version']);
      expect(run.code).toBe(0);
      expect(run.lines).toEqual(['goose: version 0']);
      expect(await versionRows(db.url)).toEqual([[0, true]]);
    } finally {
      await db.drop();
    }
  });
});
