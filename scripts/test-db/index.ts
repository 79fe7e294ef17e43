/**
 * Per-test-file databases on the suite's servers (see `global-setup.ts`).
 *
 * `useTestDatabase()` registers `beforeAll`/`afterAll` hooks that create a fresh, uniquely named
 * database and drop it afterwards; read `.url` inside tests.
 */
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

export type { ServerMajor } from './server.js';

/** URL of the suite's server of the given major (16 by default). */
export function serverUrl(major: 16 | 18 = 16): string {
  const url = inject('ganderPgUrls')[String(major)];
  if (!url) throw new Error(`no test server for PostgreSQL ${major}`);
  return url;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

let counter = 0;

/** Creates a new empty database on the server; returns its URL and a drop function. */
export async function createDatabase(
  major: 16 | 18 = 16,
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const admin = serverUrl(major);
  counter += 1;
  const name = `gander_t_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  return {
    url: withDatabase(admin, name),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Registers hooks giving this test file its own database; read `db.url` inside tests. */
export function useTestDatabase(major: 16 | 18 = 16): { readonly url: string; readonly name: string } {
  let created: Awaited<ReturnType<typeof createDatabase>> | undefined;
  beforeAll(async () => {
    created = await createDatabase(major);
  });
  afterAll(async () => {
    await created?.drop();
  });
  return {
    get url() {
      if (!created) throw new Error('useTestDatabase: the database exists only inside tests');
      return created.url;
    },
    get name() {
      if (!created) throw new Error('useTestDatabase: the database exists only inside tests');
      return created.name;
    },
  };
}
