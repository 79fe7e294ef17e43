/**
 * `gander migrate up|up-by-one|up-to|down|down-to|redo|reset`: takes the advisory lock, makes sure
 * goose's table exists, plans with goose's rules, parses every file of the plan, then runs the steps
 * one transaction each and stops at the first failure. Expected outcomes (a failed migration, a state
 * goose refuses) are returned in the result, not thrown.
 */
import type { EnvLookup } from '@gander/goose';
import { GanderError } from '@gander/schema';
import { ensureChecksumTable } from './checksums.js';
import { executeStep, type PreparedStep, type StepResult, type StepTrace } from './execute.js';
import { acquireLock, DEFAULT_LOCK_ID, type LockOptions } from './lock.js';
import {
  currentVersion,
  type LogAfter,
  type MigrateCommand,
  type Plan,
  type PlanStep,
  planCommand,
  planNoVersioning,
  type VersionRow,
} from './plan.js';
import { type MigrationSource, prepareSteps } from './prepare.js';
import type { SqlClient } from './sql-client.js';
import { DEFAULT_TABLE, ensureVersionTable, listVersionRows, versionTableExists } from './version-table.js';

/** Options shared by every runner entry point. */
export interface RunnerOptions {
  readonly client: SqlClient;
  /** The migration files, sorted by version ascending, with their text. */
  readonly migrations: readonly MigrationSource[];
  /** goose's table name as given (`-table`), default `goose_db_version`. */
  readonly table?: string;
  readonly allowMissing?: boolean;
  readonly noVersioning?: boolean;
  /** Plan only: take no lock, create nothing, run nothing. */
  readonly dryRun?: boolean;
  /** The advisory lock; `false` for `--no-lock`. */
  readonly lock?: false | LockOptions;
  /** Lookup for `-- +goose ENVSUB ON` files. */
  readonly env?: EnvLookup;
  /** Progress, in order, as it happens (the CLI prints from these). */
  readonly onEvent?: (event: RunEvent) => void;
}

/** Progress of a run. */
export type RunEvent =
  | { readonly kind: 'lock-wait'; readonly lockId: number }
  | { readonly kind: 'lock-acquired'; readonly lockId: number }
  | { readonly kind: 'table-created'; readonly table: string }
  /** goose's `-v` events of the step running now (before its `step` event). */
  | { readonly kind: 'trace'; readonly step: PreparedStep; readonly trace: StepTrace }
  | { readonly kind: 'step'; readonly result: StepResult };

/** A step of a dry run: what would run, in which direction and transaction mode. */
export interface PlannedStep {
  readonly direction: 'up' | 'down';
  readonly version: number;
  readonly file: string;
  readonly useTx: boolean;
  readonly statements: number;
}

/** What a run did. */
export interface RunResult {
  readonly command: MigrateCommand;
  readonly dryRun: boolean;
  /** Dry run: the steps that would run. */
  readonly planned: readonly PlannedStep[];
  /** Steps that ran (the last one may have failed). */
  readonly results: readonly StepResult[];
  /** Planned steps that did not run because an earlier one failed. */
  readonly notRun: readonly PlanStep[];
  /** goose's closing line without the `log` prefix (`goose: successfully migrated ...`). */
  readonly log?: string;
  /** The database's current version after the run (`undefined` under `-no-versioning`). */
  readonly version?: number;
  /** Why the run did not succeed: `MIGRATION_FAILED` or `MIGRATION_STATE`. */
  readonly error?: GanderError;
}

function logLine(log: LogAfter | undefined, current: number | undefined): string | undefined {
  if (!log) return undefined;
  switch (log.kind) {
    case 'migrated':
      return `goose: successfully migrated database to version: ${log.version}`;
    case 'current':
      return `goose: no migrations to run. current version: ${current ?? -1}`;
    case 'file-not-found':
      return `goose: migration file not found for current version (${log.version}), error: no current version found`;
    case 'up-to-file':
      return `goose: up to current file version: ${log.version}`;
    case 'down-to-file':
      return `goose: down to current file version: ${log.version}`;
  }
}

/** Simulates the version table after the planned steps (dry run). */
function simulate(rows: readonly VersionRow[], steps: readonly PlanStep[]): VersionRow[] {
  let state = [...rows];
  for (const step of steps) {
    const v = step.migration.version;
    state =
      step.direction === 'up'
        ? [{ version: v, isApplied: true }, ...state]
        : state.filter((r) => r.version !== v);
  }
  return state;
}

async function readRows(
  options: RunnerOptions,
  table: string,
  command: MigrateCommand,
): Promise<VersionRow[]> {
  const { client } = options;
  if (options.dryRun) {
    if (await versionTableExists(client, table)) return listVersionRows(client, table);
    if (command.kind === 'reset') throw missingTable(table);
    return [{ version: 0, isApplied: true }];
  }
  if (command.kind === 'reset') {
    try {
      return await listVersionRows(client, table);
    } catch (error) {
      throw new GanderError(
        'MIGRATION_STATE',
        `failed to get status of migrations: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  if (await ensureVersionTable(client, table)) options.onEvent?.({ kind: 'table-created', table });
  await ensureChecksumTable(client, table);
  return listVersionRows(client, table);
}

function missingTable(table: string): GanderError {
  return new GanderError(
    'MIGRATION_STATE',
    `failed to get status of migrations: relation "${table}" does not exist`,
  );
}

/**
 * Runs a goose command that changes the database.
 *
 * @throws GanderError `LOCK_TIMEOUT` (lock not taken in time), `GOOSE_DIRECTIVE` (a file of the plan
 * does not parse; nothing ran), `UNSUPPORTED` (a `.go` migration in the plan), `MIGRATION_STATE`
 * (reset on a database without goose's table); database errors outside a migration are rethrown.
 */
export async function runCommand(command: MigrateCommand, options: RunnerOptions): Promise<RunResult> {
  const table = options.table ?? DEFAULT_TABLE;
  const { client } = options;
  let release: (() => Promise<void>) | undefined;
  if (!options.dryRun && options.lock !== false) {
    const lockOptions = options.lock ?? {};
    const lockId = lockOptions.id ?? DEFAULT_LOCK_ID;
    release = await acquireLock(client, {
      ...lockOptions,
      onWait: () => options.onEvent?.({ kind: 'lock-wait', lockId }),
    });
    options.onEvent?.({ kind: 'lock-acquired', lockId });
  }
  try {
    const noVersioning = options.noVersioning ?? false;
    const rows = noVersioning ? [] : await readRows(options, table, command);
    const plan: Plan = noVersioning
      ? planNoVersioning(command, options.migrations)
      : planCommand(command, options.migrations, rows, { allowMissing: options.allowMissing ?? false });
    const prepared = prepareSteps(plan.steps, options.env);
    const base = { command, dryRun: options.dryRun ?? false };
    const planError =
      plan.end.kind === 'error' ? new GanderError('MIGRATION_STATE', plan.end.message) : undefined;
    if (options.dryRun) {
      const after = noVersioning ? undefined : currentVersion(simulate(rows, plan.steps));
      const log = logLine(plan.end.log, after);
      return {
        ...base,
        planned: prepared.map((p) => ({
          direction: p.direction,
          version: p.version,
          file: p.file,
          useTx: p.useTx,
          statements: p.statements.length,
        })),
        results: [],
        notRun: plan.steps,
        ...(log ? { log } : {}),
        ...(after !== undefined ? { version: after } : {}),
        ...(planError ? { error: planError } : {}),
      };
    }
    const results: StepResult[] = [];
    for (const step of prepared) {
      const books = { table, noVersioning, checksums: !noVersioning };
      const result = await executeStep(client, step, books, (trace) =>
        options.onEvent?.({ kind: 'trace', step, trace }),
      );
      results.push(result);
      options.onEvent?.({ kind: 'step', result });
      if (result.status === 'failed') {
        return {
          ...base,
          planned: [],
          results,
          notRun: plan.steps.slice(results.length),
          error: result.error,
        };
      }
    }
    const after = noVersioning ? undefined : currentVersion(await listVersionRows(client, table));
    const log = logLine(plan.end.log, after);
    return {
      ...base,
      planned: [],
      results,
      notRun: [],
      ...(log ? { log } : {}),
      ...(after !== undefined ? { version: after } : {}),
      ...(planError ? { error: planError } : {}),
    };
  } finally {
    if (release) await release().catch(() => undefined);
  }
}
