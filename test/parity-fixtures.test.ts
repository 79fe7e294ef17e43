/**
 * The oracle on small cases: for every `fixtures/fold/<case>/migrations`, the static fold equals what
 * PostgreSQL 16 builds when the same migrations are replayed into a fresh database and introspected.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldMigrations } from '@gander/goose';
import { replay } from '@gander/introspect';
import { stripSpans } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../scripts/test-db/index.js';

const root = fileURLToPath(new URL('../fixtures/fold/', import.meta.url));
const cases = readdirSync(root).sort().map((name) => ({ name, dir: join(root, name, 'migrations') }));

describe('static fold equals replay on PostgreSQL 16', () => {
  it.each(cases)('$name', async ({ dir }) => {
    const db = await createDatabase(16);
    try {
      const folded = await foldMigrations(dir);
      const replayed = await replay(dir, db.url);
      expect(stripSpans(folded.model)).toEqual(replayed.model);
    } finally {
      await db.drop();
    }
  });
});
