/**
 * `gander diff <source> <source>` in-process: exit 0 for equal sources, 1 with one readable line per
 * difference (bookkeeping tables left out), 2 for a source that cannot be read; and the check anyone
 * can run: a migrations folder against the database it was applied to.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@gander/cli';
import { replay } from '@gander/introspect';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase, useTestDatabase } from '../scripts/test-db/index.js';

async function run(argv: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gander-diff-'));
  mkdirSync(join(dir, 'migrations'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'migrations', name), text);
  return join(dir, 'migrations');
}

describe('gander diff', () => {
  const db = useTestDatabase(16);

  it('exits 0 for two folders that build the same schema', async () => {
    const a = folder({ '1_a.sql': '-- +goose Up\nCREATE TABLE t (id int PRIMARY KEY);\n' });
    const b = folder({
      '1_a.sql': '-- +goose Up\nCREATE TABLE t (id integer);\n',
      '2_b.sql': '-- +goose Up\nALTER TABLE t ADD PRIMARY KEY (id);\n',
    });
    const result = await run(['diff', a, b]);
    expect(result).toEqual({ code: 0, stdout: `no differences between ${a} and ${b}\n`, stderr: '' });
  });

  it('lists each difference with path, aspect and both sides, and exits 1; bookkeeping tables are left out', async () => {
    const a = folder({ '1_a.sql': '-- +goose Up\nCREATE TABLE t (id int PRIMARY KEY, a text);\n' });
    const b = folder({
      '1_a.sql':
        '-- +goose Up\nCREATE TABLE t (id bigint PRIMARY KEY, b text);\nCREATE TABLE goose_db_version (id int);\n',
    });
    const result = await run(['diff', a, b]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `table public.t / column id: type: integer (${a}) vs bigint (${b})`,
      `table public.t / column a: only in ${a}`,
      `table public.t / column b: only in ${b}`,
      `3 difference(s) between ${a} and ${b}`,
      '',
    ]);
  });

  it('--spans ends each line with where each side defined the object; index and enum changes read as aspects', async () => {
    const a = folder({
      '1_a.sql':
        "-- +goose Up\nCREATE TABLE t (id int PRIMARY KEY);\nCREATE INDEX t_i ON t (id);\nCREATE TYPE s AS ENUM ('a', 'b');\n",
    });
    const b = folder({
      '1_a.sql':
        "-- +goose Up\nCREATE TABLE t (id int PRIMARY KEY);\n\nCREATE INDEX t_j ON t (id DESC);\nCREATE TYPE s AS ENUM ('a', 'c');\n",
    });
    const result = await run(['diff', a, b, '--spans']);
    const at = (dir: string, line: number) => `${join(dir, '1_a.sql')}:${line}:1`;
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `enum public.s: values: ["a","b"] (${a}) vs ["a","c"] (${b}) [left at ${at(a, 4)}; right at ${at(b, 5)}]`,
      `table public.t / index t_i: name: t_i (${a}) vs t_j (${b}) [left at ${at(a, 3)}; right at ${at(b, 4)}]`,
      `table public.t / index t_i: keys: ["id"] (${a}) vs ["id DESC"] (${b}) [left at ${at(a, 3)}; right at ${at(b, 4)}]`,
      `3 difference(s) between ${a} and ${b}`,
      '',
    ]);
  });

  it('exits 2 when a source cannot be read', async () => {
    const result = await run(['diff', 'no/such/folder', 'no/such/other']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^gander: no\/such\/folder: no such file or folder/);
  });

  it('a folder against the database it was replayed into: no differences', async () => {
    const dir = folder({
      '1_a.sql': '-- +goose Up\nCREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE);\n',
      '2_b.sql':
        '-- +goose Up\nCREATE TABLE posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id int REFERENCES users);\nCREATE INDEX ON posts (user_id);\n',
    });
    await replay(dir, db.url);
    const result = await run(['diff', dir, db.url]);
    expect(result.stdout.split(' and ')[0]).toBe(`no differences between ${dir}`);
    expect(result.code).toBe(0);
  });

  it('a folder against a database that drifted: the drift is listed, the database side without spans', async () => {
    const dir = folder({ '1_a.sql': '-- +goose Up\nCREATE TABLE drift (id int PRIMARY KEY, note text);\n' });
    const db = await createDatabase();
    const url = db.url;
    await replay(dir, url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("ALTER TABLE drift ALTER COLUMN note SET DEFAULT 'x'; CREATE SEQUENCE extra_seq");
    } finally {
      await client.end();
    }
    const result = await run(['diff', dir, url, '--spans']);
    await db.drop();
    const lines = result.stdout.split('\n');
    const label = lines.at(-2)?.split(' and ')[1] ?? '';
    expect(result.code).toBe(1);
    expect(lines).toEqual([
      `sequence public.extra_seq: only in ${label}`,
      `table public.drift / column note: default: (absent) (${dir}) vs 'x' (${label}) [left at ${join(dir, '1_a.sql')}:2:41]`,
      `2 difference(s) between ${dir} and ${label}`,
      '',
    ]);
  });
});
