/**
 * Partition bounds of a `timestamptz` key print in UTC on both sides whatever the session's
 * `TimeZone`: the static fold prints them in UTC, and `introspect` reads the catalog with `TimeZone`
 * set to UTC for its statement only (the caller's value is put back).
 */
import { foldStatements } from '@gander/goose';
import { introspect } from '@gander/introspect';
import { loadParser } from '@gander/schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../scripts/test-db/index.js';

const sql = `
  CREATE TABLE events (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at);
  CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-07-01 09:30:00+09:00');
`;

describe('partition bounds under a non-UTC session time zone', () => {
  const db = useTestDatabase(16);
  let client: pg.Client;
  beforeAll(async () => {
    await loadParser();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(sql);
  });
  afterAll(async () => {
    await client?.end();
  });

  it('match the static fold, and the session keeps its time zone', async () => {
    await client.query("SET TimeZone = 'Asia/Tokyo'");
    await client.query('BEGIN');
    const live = await introspect(client);
    const { rows } = await client.query<{ tz: string }>('SELECT current_setting($1) AS tz', ['TimeZone']);
    await client.query('COMMIT');
    const folded = foldStatements([{ sql, span: { file: 'events.sql', line: 1, column: 1 } }]);
    const bound = (m: typeof live) => m.tables.find((t) => t.name === 'events_2024')?.partitionOf?.bound;
    expect(bound(live)).toBe("FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-07-01 00:30:00+00')");
    expect(bound(folded.model)).toBe(bound(live));
    expect(rows[0]?.tz).toBe('Asia/Tokyo');
  });
});
