import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { introspect } from '@gander/introspect';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';
import { introspectCases } from './cases.js';

const cases = introspectCases();

describe.each([16, 18] as const)('round trip on PostgreSQL %i', (major) => {
  const db = useTestDatabase(major);
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    for (const c of cases) await client.query(c.sql);
  });
  afterAll(async () => {
    await client?.end();
  });

  it.each(cases)('$name', async (c) => {
    const model = await introspect(client, { schemas: [c.name], includeBookkeeping: c.includeBookkeeping });
    expect(model).toEqual(c.expected);
  });

  it('reads every non-system schema by default, and each case is the slice of its schema', async () => {
    const whole = await introspect(client);
    expect(whole.schemas).toEqual(['public', ...cases.map((c) => c.name)].sort());
    for (const c of cases.filter((x) => !x.includeBookkeeping)) {
      expect(whole.tables.filter((t) => t.schema === c.name)).toEqual(c.expected.tables);
      expect(whole.routines.filter((r) => r.schema === c.name)).toEqual(c.expected.routines);
    }
  });
});

describe('round trip on PGlite', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create({ extensions: { citext, pgcrypto } });
    for (const c of cases.filter((x) => x.pglite)) await db.exec(c.sql);
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each(cases.filter((c) => c.pglite))('$name gives the same model as the server', async (c) => {
    const model = await introspect(db, { schemas: [c.name], includeBookkeeping: c.includeBookkeeping });
    expect(model).toEqual(c.expected);
  });
});
