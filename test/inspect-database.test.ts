/**
 * `gander inspect <postgres-url> --format json` in-process: prints the model `introspect` reads, and
 * a failed connection exits 2 with a message naming the server, never the password or a stack.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../packages/cli/src/index.js';
import { introspect } from '../packages/introspect/src/index.js';
import { useTestDatabase } from '../scripts/test-db/index.js';

const seed = join(import.meta.dirname, '..', 'fixtures', 'sync-check', 'auth-service', 'migrations');

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('gander inspect <postgres-url>', () => {
  const db = useTestDatabase(16);
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    for (const file of ['00001_enable_pgcrypto.sql', '00004_create_users.sql', '00006_add_attendance.sql']) {
      const up = readFileSync(join(seed, file), 'utf8').split('-- +goose Down')[0] ?? '';
      await client.query(up.replace('DEFAULT uuid_generate_v7()', 'DEFAULT gen_random_uuid()'));
    }
  });
  afterAll(async () => {
    await client?.end();
  });

  it('prints the model as JSON and exits 0', async () => {
    const result = await run(['inspect', db.url, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toEqual(await introspect(client));
    expect(printed.tables.map((t: { name: string }) => t.name)).toEqual(['admin_attendances', 'users']);
  });

  it('accepts a key=value string completed by PG* variables', async () => {
    const url = new URL(db.url);
    const result = await run(
      ['inspect', `host=${url.hostname} port=${url.port} dbname=${db.name}`, '--format', 'json'],
      {
        PGUSER: decodeURIComponent(url.username),
        PGPASSWORD: decodeURIComponent(url.password),
      },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(await introspect(client));
  });

  it('exits 2 on a wrong password, naming the server but not the password, with no stack', async () => {
    const url = new URL(db.url);
    url.password = 'Not-The-Pa55word!';
    const result = await run(['inspect', url.toString(), '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `cannot connect to PostgreSQL at ${url.hostname}:${url.port}/${db.name} as ${url.username}`,
    );
    expect(result.stderr).not.toContain('Not-The-Pa55word!');
    expect(result.stderr).not.toContain(encodeURIComponent('Not-The-Pa55word!'));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
