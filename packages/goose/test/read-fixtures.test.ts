/**
 * Folder fixtures (`fixtures/goose/<case>/migrations` + `expected.json`): goose and Prisma Migrate
 * folders, their order, notes and the errors goose (or Prisma) gives for them. `<dir>` in expected
 * texts stands for the case's migrations folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationStatements, readMigrations } from '@gander/goose';
import { GanderError } from '@gander/schema';
import { describe, expect, it } from 'vitest';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/goose/', import.meta.url));

interface ExpectedError {
  readonly code: string;
  readonly message?: string;
  readonly line?: number;
}
interface ExpectedMigration {
  readonly version: number;
  readonly name: string;
  readonly kind: 'sql' | 'go';
  readonly up?: readonly string[];
  readonly down?: readonly string[];
  readonly useTx?: boolean;
  readonly error?: ExpectedError;
}
interface Expected {
  readonly format?: string;
  readonly migrations?: readonly ExpectedMigration[];
  readonly notes?: readonly string[];
  readonly error?: ExpectedError;
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({ name: d.name, dir: join(FIXTURES, d.name, 'migrations') }));

function expectError(error: unknown, expected: ExpectedError, dir: string): void {
  expect(error).toBeInstanceOf(GanderError);
  const e = error as GanderError;
  expect(e.code).toBe(expected.code);
  if (expected.message !== undefined) expect(e.message).toBe(expected.message.replaceAll('<dir>', dir));
  if (expected.line !== undefined) expect(e.source?.line).toBe(expected.line);
}

describe('readMigrations: folder fixtures', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('$name', async ({ name, dir }) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
    if (expected.error) {
      const error = await readMigrations(dir).then(
        () => undefined,
        (e: unknown) => e,
      );
      expectError(error, expected.error, dir);
      return;
    }
    const set = await readMigrations(dir);
    expect(set.format).toBe(expected.format);
    expect(set.dir).toBe(dir);
    expect(set.notes).toEqual((expected.notes ?? []).map((n) => n.replaceAll('<dir>', dir)));
    expect(set.migrations.map((m) => [m.version, m.name, m.kind])).toEqual(
      (expected.migrations ?? []).map((m) => [m.version, m.name, m.kind]),
    );
    for (const [i, want] of (expected.migrations ?? []).entries()) {
      const migration = set.migrations[i];
      if (!migration) throw new Error(`missing migration ${i}`);
      expect(migration.file.startsWith(`${dir}/${want.name}`)).toBe(true);
      if (want.kind === 'go') {
        expect(migration.text).toBeUndefined();
        expect(() => migrationStatements(migration, 'up')).toThrow(GanderError);
        continue;
      }
      if (want.error) {
        let thrown: unknown;
        try {
          migrationStatements(migration, 'up');
        } catch (e) {
          thrown = e;
        }
        expectError(thrown, want.error, dir);
        continue;
      }
      const up = migrationStatements(migration, 'up');
      const down = migrationStatements(migration, 'down');
      expect(up.statements.map((s) => s.sql)).toEqual(want.up);
      expect(down.statements.map((s) => s.sql)).toEqual(want.down);
      expect(up.useTx).toBe(want.useTx);
    }
  });

  it('a missing folder is an error naming it', async () => {
    const dir = join(FIXTURES, 'no-such-folder');
    await expect(readMigrations(dir)).rejects.toThrow(`${dir} directory does not exist`);
  });

  it.each([
    ['./migrations', 'migrations/'],
    ['migrations/', 'migrations/'],
    ['.', ''],
  ])("reads %s relative to cwd, naming files as goose's path.Join does", async (dir, prefix) => {
    const base = join(FIXTURES, 'numeric-order');
    const cwd = dir === '.' ? join(base, 'migrations') : base;
    const relative = await readMigrations(dir, { cwd });
    const absolute = await readMigrations(join(base, 'migrations'));
    expect(relative.dir).toBe(dir);
    expect(relative.migrations.map((m) => [m.file, m.text])).toEqual(
      absolute.migrations.map((m) => [`${prefix}${m.name}`, m.text]),
    );
  });

  it('allowEmpty gives an empty goose set for a folder without migrations', async () => {
    const dir = join(FIXTURES, 'empty', 'migrations');
    expect(await readMigrations(dir, { format: 'goose', allowEmpty: true })).toEqual({
      format: 'goose',
      dir,
      migrations: [],
      notes: [],
    });
  });

  it('format can be forced', async () => {
    const set = await readMigrations(join(FIXTURES, 'prisma-no-lock', 'migrations'), {
      format: 'prisma-migrate',
    });
    expect(set.migrations.map((m) => m.name)).toEqual(['20240101000000_init', '20240102000000_more']);
  });
});
