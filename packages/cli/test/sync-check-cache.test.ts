/**
 * The sync-check cache: a run that reads stored results reports exactly what a run without the cache
 * reports, before and after a migration or schema.prisma is edited (an edit is another key), a
 * damaged entry is a miss, and `--no-cache` stores nothing.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDirectory } from '../src/sync-check/cache.js';
import { runSyncCheck } from '../src/sync-check/run.js';

const example = fileURLToPath(new URL('../../../fixtures/sync-check/auth-service', import.meta.url));
let root: string;
let project: string;
let cacheDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gander-cache-'));
  project = join(root, 'service');
  cacheDir = join(root, 'cache');
  cpSync(example, project, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The JSON report of a run in the copied service, with or without the cache. */
async function report(cache: boolean): Promise<string> {
  const { report } = await runSyncCheck({
    cwd: project,
    env: { GANDER_CACHE_DIR: cacheDir },
    database: false,
    failOn: 'error',
    cache,
  });
  return JSON.stringify(report);
}

const entries = (): string[] => {
  try {
    return readdirSync(cacheDir).sort();
  } catch {
    return [];
  }
};

function edit(path: string, from: string, to: string): void {
  const file = join(project, path);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('sync-check cache', () => {
  it('stores nothing with --no-cache', async () => {
    await report(false);
    expect(entries()).toEqual([]);
  });

  it('reports from stored results what it reports without them', async () => {
    const fresh = await report(false);
    expect(await report(true)).toBe(fresh);
    const stored = entries();
    expect(stored.map((name) => name.replace(/-.*/, ''))).toEqual(['checks', 'fold', 'prisma']);
    expect(await report(true)).toBe(fresh);
    expect(entries()).toEqual(stored);
  });

  it('reads an edited migration afresh', async () => {
    const before = await report(true);
    edit('migrations/00007_create_sessions.sql', 'token_hash VARCHAR(64)', 'token_hash VARCHAR(32)');
    const after = await report(true);
    expect(after).not.toBe(before);
    expect(after).toBe(await report(false));
    expect(after).toMatch(/character varying\(32\)/);
  });

  it('reads an edited schema.prisma afresh', async () => {
    const before = await report(true);
    edit('prisma/schema.prisma', '@map("is_active")', '@map("active")');
    const after = await report(true);
    expect(after).not.toBe(before);
    expect(after).toBe(await report(false));
    expect(after).toMatch(/"active"/);
  });

  it('takes a damaged entry for a miss', async () => {
    const fresh = await report(false);
    for (const name of entries()) writeFileSync(join(cacheDir, name), '{"truncated":');
    expect(await report(true)).toBe(fresh);
  });

  it('lives in GANDER_CACHE_DIR, else node_modules/.cache/gander, else XDG_CACHE_HOME, else nowhere', () => {
    expect(cacheDirectory(project, { GANDER_CACHE_DIR: '/x' })).toBe('/x');
    const repo = fileURLToPath(new URL('../../..', import.meta.url));
    expect(cacheDirectory(join(repo, 'fixtures'), {})).toBe(join(repo, 'node_modules', '.cache', 'gander'));
    expect(cacheDirectory(project, { XDG_CACHE_HOME: '/home/u/.cache' })).toBe('/home/u/.cache/gander');
    expect(cacheDirectory(project, {})).toBeUndefined();
  });
});
