/**
 * The pure core of the runner: which migrations a goose command applies or rolls back, in which
 * order, computed from the migration files and the rows of the version table. Mirrors goose's legacy
 * (CLI) engine exactly, including its error texts.
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/up.go
 * @see https://github.com/pressly/goose/blob/v3.27.3/down.go
 * @see https://github.com/pressly/goose/blob/v3.27.3/redo.go
 * @see https://github.com/pressly/goose/blob/v3.27.3/reset.go
 * @see https://github.com/pressly/goose/blob/v3.27.3/migrate.go (`EnsureDBVersionContext`)
 */

/** A migration file as the runner sees it; `file` is the path as given (goose's `Source`). */
export interface MigrationFile {
  readonly version: number;
  readonly file: string;
  readonly kind: 'sql' | 'go';
}

/** One row of `goose_db_version`, in the order goose lists them (`ORDER BY id DESC`). */
export interface VersionRow {
  readonly version: number;
  readonly isApplied: boolean;
}

/** The goose commands that change the database. */
export type MigrateCommand =
  | { readonly kind: 'up' }
  | { readonly kind: 'up-by-one' }
  | { readonly kind: 'up-to'; readonly version: number }
  | { readonly kind: 'down' }
  | { readonly kind: 'down-to'; readonly version: number }
  | { readonly kind: 'redo' }
  | { readonly kind: 'reset' };

/** One migration to run in one direction. */
export interface PlanStep {
  readonly direction: 'up' | 'down';
  readonly migration: MigrationFile;
}

/**
 * What a command does: the steps in order, then how it ends. `end.kind === 'error'` steps still
 * run first (goose's `down-to` rolls back what it can before it fails on a missing file).
 * `log` is goose's closing line (`goose: ...`), when it prints one.
 */
export interface Plan {
  readonly steps: readonly PlanStep[];
  readonly end:
    | { readonly kind: 'ok'; readonly log?: LogAfter }
    | {
        readonly kind: 'error';
        readonly code: PlanErrorCode;
        readonly message: string;
        readonly log?: LogAfter;
      };
}

/**
 * goose's closing line, computed after the steps ran: `migrated` prints
 * `goose: successfully migrated database to version: <v>`, `current` prints
 * `goose: no migrations to run. current version: <current>`, `file-not-found` prints
 * `goose: migration file not found for current version (<v>), error: no current version found`,
 * `up-to-file`/`down-to-file` are the `-no-versioning` lines.
 */
export type LogAfter =
  | { readonly kind: 'migrated'; readonly version: number }
  | { readonly kind: 'current' }
  | { readonly kind: 'file-not-found'; readonly version: number }
  | { readonly kind: 'up-to-file'; readonly version: number }
  | { readonly kind: 'down-to-file'; readonly version: number };

/** `MIGRATION_STATE`: the table's state forbids the command (goose exits 1). */
export type PlanErrorCode = 'MIGRATION_STATE';

/** Raised by {@link currentVersion} when no row is applied (goose's `ErrNoNextVersion`). */
export const NO_NEXT_VERSION = 'no next version found';
/** goose's `ErrNoCurrentVersion`. */
export const NO_CURRENT_VERSION = 'no current version found';
/** The largest version goose accepts (`math.MaxInt64`), as far as a JS number holds it. */
export const MAX_VERSION = Number.MAX_SAFE_INTEGER;

/**
 * goose's "current version": the newest row (by `id`) whose version's newest row is applied.
 * Returns `undefined` when there is none (goose: `no next version found`).
 */
export function currentVersion(rows: readonly VersionRow[]): number | undefined {
  const skipped = new Set<number>();
  for (const row of rows) {
    if (skipped.has(row.version)) continue;
    if (row.isApplied) return row.version;
    skipped.add(row.version);
  }
  return undefined;
}

function stateError(message: string, log?: LogAfter): Plan {
  return { steps: [], end: { kind: 'error', code: 'MIGRATION_STATE', message, ...(log ? { log } : {}) } };
}

/** Files with `0 < version <= target`, as goose's `CollectMigrations(dir, 0, target)`. */
function upTo(files: readonly MigrationFile[], target: number): MigrationFile[] {
  return files.filter((f) => f.version > 0 && f.version <= target);
}

function planUp(
  files: readonly MigrationFile[],
  rows: readonly VersionRow[],
  target: number,
  byOne: boolean,
  allowMissing: boolean,
): Plan {
  const found = upTo(files, target);
  if (found.length === 0) return stateError('no migration files found');
  if (currentVersion(rows) === undefined) return stateError(NO_NEXT_VERSION);
  const applied = new Set(rows.map((r) => r.version));
  const dbMax = rows.reduce((max, r) => Math.max(max, r.version), 0);
  const missing = found.filter((f) => !applied.has(f.version) && f.version < dbMax);
  if (missing.length > 0 && !allowMissing) {
    const list = missing.map((m) => `version ${m.version}: ${m.file}`).join('\n\t');
    return stateError(
      `error: found ${missing.length} missing migrations before current version ${dbMax}:\n\t${list}`,
    );
  }
  const toApply = [
    ...(allowMissing ? missing : []),
    ...found.filter((f) => !applied.has(f.version) && f.version > dbMax),
  ];
  if (byOne) {
    const first = toApply[0];
    if (first) return { steps: [{ direction: 'up', migration: first }], end: { kind: 'ok' } };
    return {
      steps: [],
      end: { kind: 'error', code: 'MIGRATION_STATE', message: NO_NEXT_VERSION, log: { kind: 'current' } },
    };
  }
  const last = toApply[toApply.length - 1];
  return {
    steps: toApply.map((migration) => ({ direction: 'up', migration })),
    end: { kind: 'ok', log: last ? { kind: 'migrated', version: last.version } : { kind: 'current' } },
  };
}

function withoutVersion(rows: readonly VersionRow[], version: number): VersionRow[] {
  return rows.filter((r) => r.version !== version);
}

function planDownTo(files: readonly MigrationFile[], rows: readonly VersionRow[], target: number): Plan {
  const steps: PlanStep[] = [];
  let state = [...rows];
  for (;;) {
    const current = currentVersion(state);
    if (current === undefined)
      return { steps, end: { kind: 'error', code: 'MIGRATION_STATE', message: NO_NEXT_VERSION } };
    if (current === 0) return { steps, end: { kind: 'ok', log: { kind: 'current' } } };
    const migration = files.find((f) => f.version === current);
    if (!migration) {
      return {
        steps,
        end: {
          kind: 'error',
          code: 'MIGRATION_STATE',
          message: NO_CURRENT_VERSION,
          log: { kind: 'file-not-found', version: current },
        },
      };
    }
    if (migration.version <= target) return { steps, end: { kind: 'ok', log: { kind: 'current' } } };
    steps.push({ direction: 'down', migration });
    state = withoutVersion(state, current);
  }
}

function planReset(files: readonly MigrationFile[], rows: readonly VersionRow[]): Plan {
  const newest = new Map<number, boolean>();
  for (const row of rows) if (!newest.has(row.version)) newest.set(row.version, row.isApplied);
  const steps = [...files]
    .sort((a, b) => b.version - a.version)
    .filter((f) => newest.get(f.version) === true)
    .map((migration): PlanStep => ({ direction: 'down', migration }));
  return { steps, end: { kind: 'ok' } };
}

/**
 * Plans a versioned goose command. `files` sorted ascending by version; `rows` as goose lists them
 * (newest `id` first). `allowMissing` is goose's `-allow-missing`.
 */
export function planCommand(
  command: MigrateCommand,
  files: readonly MigrationFile[],
  rows: readonly VersionRow[],
  options: { readonly allowMissing?: boolean } = {},
): Plan {
  const allowMissing = options.allowMissing ?? false;
  switch (command.kind) {
    case 'up':
      return planUp(files, rows, MAX_VERSION, false, allowMissing);
    case 'up-by-one':
      return planUp(files, rows, MAX_VERSION, true, allowMissing);
    case 'up-to':
      return planUp(files, rows, command.version, false, allowMissing);
    case 'down': {
      if (files.length === 0) return stateError('no migration files found');
      const current = currentVersion(rows);
      if (current === undefined) return stateError(NO_NEXT_VERSION);
      const migration = files.find((f) => f.version === current);
      if (!migration) return stateError(`migration ${current}: ${NO_CURRENT_VERSION}`);
      return { steps: [{ direction: 'down', migration }], end: { kind: 'ok' } };
    }
    case 'down-to':
      if (files.length === 0) return stateError('no migration files found');
      return planDownTo(files, rows, command.version);
    case 'redo': {
      if (files.length === 0) return stateError('no migration files found');
      const current = currentVersion(rows);
      if (current === undefined) return stateError(NO_NEXT_VERSION);
      const migration = files.find((f) => f.version === current);
      if (!migration) return stateError(NO_CURRENT_VERSION);
      return {
        steps: [
          { direction: 'down', migration },
          { direction: 'up', migration },
        ],
        end: { kind: 'ok' },
      };
    }
    case 'reset':
      if (files.length === 0) return stateError('failed to collect migrations: no migration files found');
      return planReset(files, rows);
  }
}

/**
 * Plans a command under goose's `-no-versioning`: the version table is never read or written; files
 * are run in file order (up) or reverse file order (down).
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/up.go (`upToNoVersioning`)
 * @see https://github.com/pressly/goose/blob/v3.27.3/down.go (`downToNoVersioning`)
 */
export function planNoVersioning(command: MigrateCommand, files: readonly MigrationFile[]): Plan {
  if (files.length === 0) return stateError('no migration files found');
  const up = (target: number): Plan => {
    const chosen = files.filter((f) => f.version <= target);
    if (chosen.length === 0) return stateError('no migration files found');
    return {
      steps: chosen.map((migration) => ({ direction: 'up', migration })),
      end: { kind: 'ok', log: { kind: 'up-to-file', version: chosen[chosen.length - 1]?.version ?? 0 } },
    };
  };
  const downTo = (target: number): Plan => {
    const steps: PlanStep[] = [];
    let finalVersion = 0;
    for (let i = files.length - 1; i >= 0; i--) {
      const f = files[i] as MigrationFile;
      if (target >= f.version) {
        finalVersion = f.version;
        break;
      }
      steps.push({ direction: 'down', migration: f });
    }
    return { steps, end: { kind: 'ok', log: { kind: 'down-to-file', version: finalVersion } } };
  };
  const last = files[files.length - 1] as MigrationFile;
  switch (command.kind) {
    case 'up':
      return up(MAX_VERSION);
    case 'up-to':
      return up(command.version);
    case 'up-by-one':
      return up((files[0] as MigrationFile).version);
    case 'down':
      return downTo(last.version - 1);
    case 'down-to':
      return downTo(command.version);
    case 'reset':
      return downTo(0);
    case 'redo':
      return {
        steps: [
          { direction: 'down', migration: last },
          { direction: 'up', migration: last },
        ],
        end: { kind: 'ok' },
      };
  }
}
