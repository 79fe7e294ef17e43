/**
 * Reading a migrations folder from disk (the IO edge): detects goose or Prisma Migrate layout,
 * lists the migrations with the pure collectors, and reads their text.
 */
import { readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { GanderError, loadParser } from '@gander/schema';
import { collectGooseMigrations } from './goose-folder.js';
import type { FolderEntry, Migration, MigrationFormat, MigrationSet } from './migration-set.js';
import { collectPrismaMigrations } from './prisma-migrate.js';

export interface ReadMigrationsOptions {
  /** Skip detection and read the folder as this format. */
  readonly format?: MigrationFormat;
  /** The folder `dir` is relative to (default: the process's working directory); `file` stays relative. */
  readonly cwd?: string;
  /** A goose folder without migrations gives an empty set instead of `FILE_NOT_FOUND`. */
  readonly allowEmpty?: boolean;
}

/**
 * Reads a migrations folder.
 *
 * Detection: a folder holding `migration_lock.toml` is Prisma Migrate; otherwise one holding
 * `*.sql` or `*.go` files is goose; otherwise one whose sub-folders hold `migration.sql` is Prisma
 * Migrate. Sub-folders of a goose folder are never read. Texts are decoded as UTF-8 with a BOM
 * kept (goose rejects it); invalid bytes become U+FFFD. Also loads the SQL parser
 * (`loadParser()`), so {@link migrationStatements} can split Prisma files synchronously.
 *
 * @param dir the folder; `file` of every migration is `dir` joined with the relative path (read from
 *   `options.cwd` when `dir` is relative).
 * @returns the migrations in apply order and notes (Go migrations listed but not read).
 * @throws GanderError `FILE_NOT_FOUND` (`<dir> directory does not exist`, no migrations unless
 *   `allowEmpty`),
 *   `GOOSE_VERSION` (file names goose rejects, duplicate versions); see the collectors.
 */
export async function readMigrations(
  dir: string,
  options: ReadMigrationsOptions = {},
): Promise<MigrationSet> {
  const where = options.cwd === undefined ? dir : resolve(options.cwd, dir);
  const entries = await listFolder(where, dir);
  const format = options.format ?? (await detectFormat(where, entries));
  await loadParser();
  const withText = (migration: Omit<Migration, 'text'>) => readText(migration, options.cwd);
  if (format === 'goose') {
    const allowEmpty = options.allowEmpty === true ? { allowEmpty: true } : {};
    const { migrations, notes } = collectGooseMigrations(dir, entries, allowEmpty);
    return { format, dir, migrations: migrations.map(withText), notes };
  }
  const folders = await Promise.all(
    entries
      .filter((e) => e.isDirectory)
      .map(async (e) => ({ name: e.name, hasScript: await isFile(join(where, e.name, 'migration.sql')) })),
  );
  const migrations = collectPrismaMigrations(dir, folders);
  return { format, dir, migrations: migrations.map(withText), notes: [] };
}

/**
 * The text of one migration. Read synchronously: a folder's files are small and many, and one
 * `readFileSync` costs a fifth of `fs/promises`' open / stat / read / close round trips.
 */
function readText(migration: Omit<Migration, 'text'>, cwd: string | undefined): Migration {
  if (migration.kind === 'go') return migration;
  const path = cwd === undefined ? migration.file : resolve(cwd, migration.file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new GanderError('FILE_NOT_FOUND', `${migration.file}: cannot read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { ...migration, text: decoder.decode(bytes) };
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The entries of `where` (the folder on disk); messages name it as `dir` (as given). */
async function listFolder(where: string, dir: string): Promise<FolderEntry[]> {
  const info = await stat(where).catch(() => undefined);
  if (!info) throw new GanderError('FILE_NOT_FOUND', `${dir} directory does not exist`);
  if (!info.isDirectory())
    throw new GanderError('FILE_NOT_FOUND', `${dir}: not a directory`, {
      hint: 'pass the migrations folder',
    });
  const dirents = await readdir(where, { withFileTypes: true });
  return Promise.all(
    dirents.map(async (d) => ({
      name: d.name,
      isDirectory: d.isSymbolicLink()
        ? ((await stat(join(where, d.name)).catch(() => undefined))?.isDirectory() ?? false)
        : d.isDirectory(),
    })),
  );
}

async function detectFormat(dir: string, entries: readonly FolderEntry[]): Promise<MigrationFormat> {
  if (entries.some((e) => e.name === 'migration_lock.toml' && !e.isDirectory)) return 'prisma-migrate';
  if (entries.some((e) => !e.isDirectory && (e.name.endsWith('.sql') || e.name.endsWith('.go'))))
    return 'goose';
  for (const e of entries) {
    if (e.isDirectory && (await isFile(join(dir, e.name, 'migration.sql')))) return 'prisma-migrate';
  }
  return 'goose';
}

/** Whether `path` is a file; synchronous, as it is asked once per Prisma migration folder. */
async function isFile(path: string): Promise<boolean> {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
