/**
 * Interval literals against the real server (PostgreSQL 16 and 18): `canonicalIntervalText` must give
 * what `interval_out` prints, and a default written as `now() + interval '...'` must normalise like
 * the `pg_get_expr` text PostgreSQL stores for it.
 */
import { loadParser, normalizeDefault } from '@gander/schema';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../scripts/test-db/index.js';
import { canonicalIntervalText } from '../src/intervals.js';
import { connect } from './normalize-oracle.js';

const literals = [
  '10 minutes',
  '1 day',
  '2 days',
  '90 minutes',
  '1 hour 30 minutes',
  '36 hours',
  '1 day 36 hours',
  '2 weeks',
  '1.5 days',
  '1 year 2 months',
  '13 months',
  '1 mon',
  '3 yrs',
  '10',
  '1.25 seconds',
  '500 ms',
  '01:02:03',
  '1 day 01:02:03.5',
  '@ 1 hour',
  '1 hour ago',
  '-2 hours',
  '1 day -2 hours',
  '-1 day',
  '0 seconds',
  '2h30m',
  '1 decade',
];

describe.each([16, 18] as const)('interval literals against PostgreSQL %i', (major) => {
  const db = useTestDatabase(major);
  let client: pg.Client;
  beforeAll(async () => {
    await loadParser();
    client = await connect(db.url);
  });
  afterAll(async () => {
    await client?.end();
  });

  it.each(literals.map((text) => ({ text })))('$text', async ({ text }) => {
    const { rows } = await client.query<{ out: string }>('SELECT $1::interval::text AS out', [text]);
    expect(canonicalIntervalText(text)).toBe(rows[0]?.out);
  });

  it.each(literals.map((text, i) => ({ text, i })))('default now() + interval $text', async ({ text, i }) => {
    const written = `now() + interval '${text}'`;
    await client.query(`CREATE TABLE d${i} (at timestamptz DEFAULT ${written})`);
    const { rows } = await client.query<{ d: string }>(
      `SELECT pg_get_expr(adbin, adrelid) AS d FROM pg_attrdef WHERE adrelid = $1::regclass`,
      [`d${i}`],
    );
    expect(normalizeDefault(rows[0]?.d ?? '')).toBe(normalizeDefault(written));
  });

  it('keeps literals it does not decode exactly', () => {
    for (const text of ['P1D', '1-2', '1.5 years', 'soon'])
      expect(canonicalIntervalText(text)).toBeUndefined();
  });
});
