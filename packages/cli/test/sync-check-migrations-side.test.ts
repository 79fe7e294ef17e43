/**
 * Reading a service's migrations folds a chain whose statements all parse once (that fold stands for
 * the statement-by-statement check and is reused as the head model). When a statement PostgreSQL
 * rejects stops it, the migrations goose splits wrongly are checked and the chain, with them read as
 * their authors meant them, folded once more; when that fold stops too, the rest of the chain is
 * checked statement by statement. The notices and the chain are the same whichever way is taken.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldMigrationSet } from '@gander/goose';
import { loadParser, stripSpans } from '@gander/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../src/config.js';
import { foldChain, readMigrationsSide } from '../src/sync-check/migrations.js';

const root = mkdtempSync(join(tmpdir(), 'gander-migrations-side-'));
beforeAll(async () => {
  await loadParser();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function chain(name: string, files: Record<string, string>): ServiceConfig {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return {
    name,
    migrations: dir,
    prisma: [],
    defaultSchema: 'public',
    ignore: [],
    severity: {},
    gooseTable: 'goose_db_version',
  };
}

const good = {
  '00001_init.sql': '-- +goose Up\nSELECT 1;\n',
  '00002_users.sql':
    '-- +goose Up\nCREATE TABLE users (id integer PRIMARY KEY);\n-- +goose Down\nDROP TABLE users;\n',
  '00003_noop.sql': '-- +goose Up\nSELECT 2;\n',
};
const unsplit = {
  '00004_fn.sql':
    '-- +goose Up\nCREATE FUNCTION f() RETURNS integer AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\n',
};

describe('readMigrationsSide', () => {
  it('folds a chain whose statements all parse once, and finds the leading migrations that build nothing', async () => {
    const service = chain('good', good);
    const side = await readMigrationsSide(service, service.migrations as string);
    expect(side.notices).toEqual([]);
    expect(side.empty.map((e) => e.migration.name)).toEqual(['00001_init.sql']);
    expect(side.folded).toBeDefined();
    const fresh = foldMigrationSet(side.set, { defaultSchema: 'public' });
    expect(stripSpans(side.folded!.model)).toEqual(stripSpans(fresh.model));
    expect(side.folded!.model.tables.map((t) => t.name)).toEqual(['users']);
    expect(await foldChain(side, side.set, 'public')).toBe(side.folded);
    const first = { ...side.set, migrations: side.set.migrations.slice(0, 1) };
    expect((await foldChain(side, first, 'public')).model.tables).toEqual([]);
  });

  it('folds a chain with a function goose splits once more, with the migration read as its author meant it', async () => {
    const service = chain('unsplit', { ...good, ...unsplit });
    const side = await readMigrationsSide(service, service.migrations as string);
    expect(side.notices.map((n) => [n.code, n.location?.line])).toEqual([['migration-invalid', 2]]);
    expect(side.empty.map((e) => e.migration.name)).toEqual(['00001_init.sql']);
    expect(side.set.migrations.map((m) => m.format)).toEqual(['goose', 'goose', 'goose', 'prisma-migrate']);
    expect(side.folded).toBeDefined();
    const fresh = foldMigrationSet(side.set, { defaultSchema: 'public' });
    expect(stripSpans(side.folded!.model)).toEqual(stripSpans(fresh.model));
    expect(await foldChain(side, side.set, 'public')).toBe(side.folded);
    expect(side.folded!.model.routines.map((r) => r.name)).toEqual(['f']);
  });

  it('checks the rest statement by statement when the second fold stops too', async () => {
    const broken = {
      '00006_broken.sql': '-- +goose Up\nCREATE TABLE t (id integer,);\n',
      '00007_broken.sql': '-- +goose Up\nCREATE TABLE u (id integer,);\n',
    };
    const service = chain('unsplit-broken', { ...good, ...unsplit, ...broken });
    const side = await readMigrationsSide(service, service.migrations as string);
    expect(side.folded).toBeUndefined();
    expect(side.notices.map((n) => [n.code, n.location?.file.split('/').pop()])).toEqual([
      ['migration-invalid', '00004_fn.sql'],
      ['migration-invalid', '00006_broken.sql'],
      ['migration-invalid', '00007_broken.sql'],
    ]);
    expect(side.empty.map((e) => e.migration.name)).toEqual(['00001_init.sql']);
    expect(side.set.migrations.at(-1)?.text).toBe('-- +goose Up\n-- CREATE TABLE u (id integer,);\n');
    const folded = await foldChain(side, side.set, 'public');
    expect(folded.model.routines.map((r) => r.name)).toEqual(['f']);
    expect(folded.model.tables.map((t) => t.name)).toEqual(['users']);
  });

  it('reads a migration with a statement PostgreSQL rejects, and no dollar quote, as its author meant it', async () => {
    const broken = { '00006_broken.sql': '-- +goose Up\nCREATE TABLE t (id integer,);\n' };
    const service = chain('broken', { ...good, ...broken });
    const side = await readMigrationsSide(service, service.migrations as string);
    expect(side.notices.map((n) => [n.code, n.location?.line])).toEqual([['migration-invalid', 2]]);
    expect(side.folded?.model.tables.map((t) => t.name)).toEqual(['users']);
  });

  it('checks every migration from the first one the fold stopped at', async () => {
    const again = { '00005_g.sql': unsplit['00004_fn.sql'].replaceAll('f()', 'g()') };
    const service = chain('unsplit-twice', { ...unsplit, ...good, ...again });
    const side = await readMigrationsSide(service, service.migrations as string);
    expect(side.notices.map((n) => [n.code, n.location?.file.split('/').pop()])).toEqual([
      ['migration-invalid', '00004_fn.sql'],
      ['migration-invalid', '00005_g.sql'],
    ]);
    expect(side.empty.map((e) => e.migration.name)).toEqual(['00001_init.sql']);
    expect(side.folded?.model.routines.map((r) => r.name)).toEqual(['f', 'g']);
  });
});
