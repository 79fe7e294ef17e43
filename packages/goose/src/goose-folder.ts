/**
 * The migrations of a goose folder, from its directory listing (pure; the IO is in
 * `read-migrations.ts`). Follows goose's legacy collector, which the `goose` CLI uses.
 *
 * @see https://github.com/pressly/goose/blob/520411a16119bd3b332613d1ff8312c4cc249673/migrate.go (collectMigrationsFS, collectGoMigrations)
 */
import { posix } from 'node:path';
import { GanderError } from '@gander/schema';
import { goQuote } from './go-strings.js';
import type { FolderEntry, Migration } from './migration-set.js';
import { parseVersion } from './versions.js';

/** A goose migration before its text is read. */
export type GooseListing = Omit<Migration, 'text'>;

/**
 * Lists the migrations of a goose folder the way goose's CLI does: only the folder's own entries
 * (no sub-folders), names matching `*.sql` and `*.go` (case-sensitive; Go's glob also matches
 * dot-files), `*_test.go` skipped, a `.go` file without a version skipped, sorted by numeric
 * version.
 *
 * @param dir the folder as given; `file` is `dir` joined with the name as Go's `path.Join` does
 *   (`./m` + `a.sql` -> `m/a.sql`, `.` + `a.sql` -> `a.sql`), the spelling goose prints.
 * @param entries the folder's entries, in any order.
 * @param options `allowEmpty`: return no migrations instead of throwing for a folder without any
 *   (goose's `create` does so; its other commands refuse).
 * @returns the migrations sorted by version, and a note per Go migration (listed, never parsed).
 * @throws GanderError `GOOSE_VERSION` for a `.sql` name without a usable version (goose's CLI refuses
 *   every command then: `could not parse SQL migration file "<dir>/<file>": <reason>`), for two
 *   files with the same version (goose panics: `goose: duplicate version <v> detected`), and for a
 *   sub-folder named like a migration (goose would take it as a file and fail to read it).
 * @throws GanderError `FILE_NOT_FOUND` when the folder holds no migration (`no migration files found`)
 *   and `allowEmpty` is not set.
 */
export function collectGooseMigrations(
  dir: string,
  entries: readonly FolderEntry[],
  options: { readonly allowEmpty?: boolean } = {},
): { migrations: GooseListing[]; notes: string[] } {
  const join = (name: string): string => posix.join(dir, name);
  const sorted = [...entries].sort((a, b) => compareBytes(a.name, b.name));
  const migrations: GooseListing[] = [];
  const notes: string[] = [];

  for (const entry of sorted.filter((e) => e.name.endsWith('.sql'))) {
    const parsed = parseVersion(entry.name);
    if (!parsed.ok) {
      throw new GanderError(
        'GOOSE_VERSION',
        `could not parse SQL migration file ${goQuote(join(entry.name))}: ${parsed.reason}`,
        {
          hint: 'goose refuses every command while this file is in the folder: name it <version>_<description>.sql or move it out',
        },
      );
    }
    if (entry.isDirectory) {
      throw new GanderError(
        'GOOSE_VERSION',
        `${join(entry.name)}: a folder named like a migration file; goose lists it as one and fails to read it`,
      );
    }
    migrations.push({
      version: parsed.version,
      name: entry.name,
      file: join(entry.name),
      kind: 'sql',
      format: 'goose',
    });
  }
  for (const entry of sorted.filter((e) => e.name.endsWith('.go') && !e.name.endsWith('_test.go'))) {
    const parsed = parseVersion(entry.name);
    if (!parsed.ok) continue;
    migrations.push({
      version: parsed.version,
      name: entry.name,
      file: join(entry.name),
      kind: 'go',
      format: 'goose',
    });
    notes.push(
      `${join(entry.name)}: Go migration ${parsed.version} listed but not read (goose runs it only from a binary built with it)`,
    );
  }

  if (migrations.length === 0 && !options.allowEmpty) {
    throw new GanderError('FILE_NOT_FOUND', `${dir}: no migration files found`, {
      hint: 'a goose folder holds <version>_<name>.sql files; a Prisma Migrate folder holds <name>/migration.sql',
    });
  }
  const seen = new Map<number, GooseListing>();
  for (const migration of migrations) {
    const first = seen.get(migration.version);
    if (first) {
      throw new GanderError(
        'GOOSE_VERSION',
        `goose: duplicate version ${migration.version} detected:\n${first.file}\n${migration.file}`,
        {
          hint: 'goose panics on two migrations with the same version: renumber one of them',
        },
      );
    }
    seen.set(migration.version, migration);
  }
  migrations.sort((a, b) => a.version - b.version);
  return { migrations, notes };
}

/** Orders names as Go compares strings (by UTF-8 bytes, i.e. by code points), as `fs.Glob` lists them. */
export function compareBytes(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
