/**
 * The oracle on small cases: for every `fixtures/fold/<case>/migrations`, the static fold equals what
 * PostgreSQL 16 builds when the same migrations are replayed into a fresh database and introspected.
 * A case expecting a syntax error must fail the same way on both sides.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldMigrations } from '@gander/goose';
import { replay } from '@gander/introspect';
import { stripSpans } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../scripts/test-db/index.js';

const root = fileURLToPath(new URL('../fixtures/fold/', import.meta.url));
const cases = readdirSync(root)
  .sort()
  .map((name) => {
    const options = existsSync(join(root, name, 'case.json'))
      ? (JSON.parse(readFileSync(join(root, name, 'case.json'), 'utf8')) as {
          toVersion?: number;
          defaultSchema?: string;
        })
      : {};
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as {
      error?: { message: string };
    };
    return { name, dir: join(root, name, 'migrations'), options, error: expected.error };
  });

describe('static fold equals replay on PostgreSQL 16', () => {
  it.each(cases)('$name', async ({ dir, options, error }) => {
    const db = await createDatabase(16);
    try {
      if (error) {
        // PostgreSQL rejects the same statement: replay stops at it with the server's own syntax error.
        await expect(foldMigrations(dir, options)).rejects.toThrow(/syntax error at or near/);
        await expect(replay(dir, db.url, options)).rejects.toThrow(/syntax error at or near/);
        return;
      }
      const folded = await foldMigrations(dir, options);
      const replayed = await replay(dir, db.url, options);
      expect(stripSpans(folded.model)).toEqual(replayed.model);
    } finally {
      await db.drop();
    }
  });
});
