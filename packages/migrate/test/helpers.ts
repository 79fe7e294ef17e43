/**
 * Test helpers for `gander migrate`: run the CLI in-process, strip goose's log prefix, copy fixture
 * folders to a scratch directory, read goose's table.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { main } from '../../cli/src/index.js';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/migrate');
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** What a CLI run printed and returned. `lines` = stderr lines without goose's `log` prefix. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly lines: string[];
}

const PREFIX = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} /;

/** Removes Go's `log` prefix from every line; returns the non-empty lines. */
export function stripPrefix(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(PREFIX, ''));
}

/** Runs `gander migrate <args>` in-process with only `env` as environment. */
export async function migrate(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['migrate', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { ...(options.env ?? {}) },
    cwd: options.cwd ?? REPO,
  });
  return { code, stdout, stderr, lines: stripPrefix(stderr) };
}

/** Copies `fixtures/migrate/<name>` to a fresh scratch folder and returns the folder. */
export function scratchCopy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gander-migrate-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Runs one query on a fresh connection. */
export async function query<R extends Record<string, unknown>>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** goose's table as `[version_id, is_applied]` pairs in `id` order. */
export async function versionRows(
  url: string,
  table = 'goose_db_version',
): Promise<Array<[number, boolean]>> {
  const rows = await query<{ version_id: string; is_applied: boolean }>(
    url,
    `SELECT version_id, is_applied FROM ${table} ORDER BY id`,
  );
  return rows.map((r) => [Number(r.version_id), r.is_applied]);
}
