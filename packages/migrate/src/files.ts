/**
 * The migration files goose's CLI sees in a directory: the top level only, `*.sql` and `*.go`
 * (case-sensitive), `*_test.go` skipped, versions from the file name prefix. Unlike a tolerant
 * reader, this follows goose's CLI strictly: a `.sql` whose name has no version is an error (it would
 * break every goose command too), duplicate versions are an error (goose panics).
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/migrate.go (`collectMigrationsFS`)
 * @see https://github.com/pressly/goose/blob/v3.27.3/migration.go (`NumericComponent`)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { GanderError } from '@gander/schema';
import type { MigrationSource } from './prepare.js';

const INT64_MAX = 9223372036854775807n;

/**
 * goose's `NumericComponent`: the version before the first `_` of the base name.
 * Returns the version or goose's error text.
 */
export function numericComponent(fileName: string): { version: number } | { error: string } {
  const base = basename(fileName);
  const ext = extname(base);
  if (ext !== '.go' && ext !== '.sql') return { error: 'migration file does not have .sql or .go file extension' };
  const cut = base.indexOf('_');
  if (cut < 0) return { error: "no filename separator '_' found" };
  const before = base.slice(0, cut);
  if (!/^[+-]?\d+$/.test(before)) {
    return { error: `failed to parse version from migration file: ${base}: strconv.ParseInt: parsing "${before}": invalid syntax` };
  }
  const big = BigInt(before);
  if (big > INT64_MAX || big < -INT64_MAX - 1n) {
    return { error: `failed to parse version from migration file: ${base}: strconv.ParseInt: parsing "${before}": value out of range` };
  }
  if (big < 1n) return { error: 'migration version must be greater than zero' };
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { error: `version ${before} of ${base} is larger than gander supports (${Number.MAX_SAFE_INTEGER})` };
  }
  return { version: Number(big) };
}

/**
 * Lists the migrations of `dir` with their text (`.sql` read as UTF-8), sorted by version. `dir` is
 * resolved against `options.cwd` (default: the process's); each `file` is goose's spelling,
 * `path.Join(dir, name)` (`./m` + `a.sql` -> `m/a.sql`).
 *
 * @throws GanderError `FILE_NOT_FOUND` (`<dir> directory does not exist`), `GOOSE_VERSION` (a `.sql`
 * name without a version, or a duplicate version, naming both files).
 */
export function collectMigrations(dir: string, options: { readonly allowEmpty?: boolean; readonly cwd?: string } = {}): MigrationSource[] {
  const where = resolve(options.cwd ?? process.cwd(), dir);
  if (!existsSync(where)) {
    throw new GanderError('FILE_NOT_FOUND', `${dir} directory does not exist`, { hint: 'pass the migrations folder with -dir (or GOOSE_MIGRATION_DIR)' });
  }
  if (!statSync(where).isDirectory()) throw new GanderError('FILE_NOT_FOUND', `${dir} is not a directory`);
  const names = readdirSync(where).sort();
  const found: MigrationSource[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const onDisk = join(where, name);
    if (name.endsWith('.sql')) {
      if (!statSync(onDisk).isFile()) continue;
      const parsed = numericComponent(name);
      if ('error' in parsed) {
        throw new GanderError('GOOSE_VERSION', `could not parse SQL migration file "${path}": ${parsed.error}`, {
          source: { file: path, line: 1, column: 1 },
          hint: 'goose needs <version>_<name>.sql for every .sql file in the folder; move other SQL files elsewhere',
        });
      }
      found.push({ version: parsed.version, file: path, kind: 'sql', text: readFileSync(onDisk, 'utf8') });
    } else if (name.endsWith('.go') && !name.endsWith('_test.go')) {
      const parsed = numericComponent(name);
      if ('version' in parsed) found.push({ version: parsed.version, file: path, kind: 'go' });
    }
  }
  found.sort((a, b) => a.version - b.version);
  for (let i = 1; i < found.length; i++) {
    const [a, b] = [found[i - 1] as MigrationSource, found[i] as MigrationSource];
    if (a.version === b.version) {
      throw new GanderError('GOOSE_VERSION', `duplicate version ${a.version} detected:\n${a.file}\n${b.file}`, {
        source: { file: b.file, line: 1, column: 1 },
        hint: 'give one of the files a new version (goose fix renumbers timestamped files)',
      });
    }
  }
  if (found.length === 0 && !options.allowEmpty) throw new GanderError('MIGRATION_STATE', 'no migration files found');
  return found;
}
