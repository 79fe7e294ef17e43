/**
 * `create NAME [sql|go]` and `fix`, as goose v3.27.3 does them: UTC timestamp versions
 * (`YYYYMMDDhhmmss`) or, with `-s`, sequential `%05d` versions; `fix` renames timestamped files to
 * sequential versions after the highest sequential one.
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/create.go
 * @see https://github.com/pressly/goose/blob/v3.27.3/fix.go
 * @see https://github.com/pressly/goose/blob/v3.27.3/helpers.go (`snakeCase`, `camelCase`)
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isSequentialVersion, isTimestampVersion, readMigrations } from '@gander/goose';
import { GanderError } from '@gander/schema';

/** goose v3.27's SQL template. */
export const SQL_TEMPLATE = `-- +goose Up
SELECT 'up SQL query';

-- +goose Down
SELECT 'down SQL query';
`;

function goTemplate(camel: string): string {
  return `package migrations

import (
\t"context"
\t"database/sql"
\t"github.com/pressly/goose/v3"
)

func init() {
\tgoose.AddMigrationContext(up${camel}, down${camel})
}

func up${camel}(ctx context.Context, tx *sql.Tx) error {
\t// This code is executed when the migration is applied.
\treturn nil
}

func down${camel}(ctx context.Context, tx *sql.Tx) error {
\t// This code is executed when the migration is rolled back.
\treturn nil
}
`;
}

type CaseState = 'idle' | 'first' | 'alnum' | 'delimiter';
const isAlphaNum = (ch: string) => /[\p{L}\p{N}]/u.test(ch);

function next(state: CaseState, ch: string): CaseState {
  const an = isAlphaNum(ch);
  switch (state) {
    case 'idle':
      return an ? 'first' : 'idle';
    case 'first':
      return an ? 'alnum' : 'delimiter';
    case 'alnum':
      return an ? 'alnum' : 'delimiter';
    case 'delimiter':
      return an ? 'first' : 'idle';
  }
}

/** goose's `snakeCase`: lower-cased, runs of other characters become one `_` (`Add Users!` -> `add_users_`). */
export function snakeCase(text: string): string {
  let out = '';
  let state: CaseState = 'idle';
  for (const ch of text) {
    state = next(state, ch);
    if (state === 'first' || state === 'alnum') out += ch.toLowerCase();
    else if (state === 'delimiter') out += '_';
  }
  return state === 'idle' && out.endsWith('_') ? out.slice(0, -1) : out;
}

/** goose's `camelCase` (for the Go template): `add users` -> `AddUsers`. */
export function camelCase(text: string): string {
  let out = '';
  let state: CaseState = 'idle';
  for (const ch of text) {
    state = next(state, ch);
    if (state === 'first') out += ch.toUpperCase();
    else if (state === 'alnum') out += ch.toLowerCase();
  }
  return out;
}

/** `YYYYMMDDhhmmss` in UTC. */
export function timestampVersion(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Creates a migration file. `type` is goose's extension argument (default `go`, as goose); any type
 * other than `go` gets the SQL template. Resolves to the path written (`<dir>/<version>_<snake>.<type>`).
 *
 * @throws GanderError `FILE_NOT_FOUND` for a missing folder, `USAGE` when the file exists,
 * `GOOSE_VERSION` (with `sequential`) from goose's folder reader.
 */
export async function createMigration(
  dir: string,
  name: string,
  options: { type?: string; sequential?: boolean; now?: Date; cwd?: string } = {},
): Promise<string> {
  const where = resolve(options.cwd ?? process.cwd(), dir);
  const type = options.type ?? 'go';
  let version = timestampVersion(options.now ?? new Date());
  if (options.sequential) {
    const { migrations } = await readMigrations(dir, {
      format: 'goose',
      allowEmpty: true,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    const sequential = migrations.filter((m) => isSequentialVersion(m.version));
    const last = sequential[sequential.length - 1];
    version = String(last ? last.version + 1 : 1).padStart(5, '0');
  }
  if (!existsSync(where)) throw new GanderError('FILE_NOT_FOUND', `${dir} directory does not exist`);
  const file = `${version}_${snakeCase(name)}.${type}`;
  const path = join(dir, file);
  if (existsSync(join(where, file)))
    throw new GanderError('USAGE', `failed to create migration file: ${path} already exists`);
  writeFileSync(join(where, file), type === 'go' ? goTemplate(camelCase(name)) : SQL_TEMPLATE);
  return path;
}

/**
 * goose's `fix`: renames every timestamped migration, ascending, to the next sequential `%05d`
 * version (replacing the first occurrence of the version digits in the path, as goose does).
 * Resolves to `RENAMED <old base> => <new base>` lines.
 *
 * @throws GanderError from goose's folder reader (`FILE_NOT_FOUND`, `GOOSE_VERSION`).
 */
export async function fixMigrations(dir: string, options: { cwd?: string } = {}): Promise<string[]> {
  const base = options.cwd ?? process.cwd();
  const { migrations: all } = await readMigrations(dir, { format: 'goose', cwd: base });
  const sequential = all.filter((m) => isSequentialVersion(m.version));
  let version = (sequential[sequential.length - 1]?.version ?? 0) + 1;
  const lines: string[] = [];
  for (const m of all.filter((x) => isTimestampVersion(x.version))) {
    const newPath = m.file.replace(String(m.version), String(version).padStart(5, '0'));
    renameSync(resolve(base, m.file), resolve(base, newPath));
    lines.push(`RENAMED ${basename(m.file)} => ${basename(newPath)}`);
    version++;
  }
  return lines;
}
