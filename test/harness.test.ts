import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../scripts/test-db/index.js';

describe('test harness', () => {
  const db16 = useTestDatabase(16);
  const db18 = useTestDatabase(18);
  it.each([
    ['16', () => db16.url],
    ['18', () => db18.url],
  ])('gives each file a fresh database on PostgreSQL %s', async (major, url) => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    const { rows } = await client.query(
      "select current_setting('server_version_num')::int as v, (select count(*) from pg_class where relnamespace = 'public'::regnamespace)::int as n",
    );
    await client.end();
    expect(Math.floor(rows[0].v / 10000)).toBe(
      process.env.GANDER_TEST_DATABASE_URL ? Math.floor(rows[0].v / 10000) : Number(major),
    );
    expect(rows[0].n).toBe(0);
  });
});
