/**
 * Running one migration in one direction, as goose's `runSQLMigration` does: by default one
 * transaction holding every statement plus the version-table write; with `-- +goose NO TRANSACTION`
 * each statement on its own (autocommit), then the version write. Each statement is sent as one
 * parameterless query, so node-postgres uses the simple query protocol (several SQL statements in one
 * goose statement run in one round trip), as pgx does for goose.
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/migration_sql.go
 */
import { basename } from 'node:path';
import { goQuote, type Statement } from '@gander/goose';
import { formatSpan, GanderError } from '@gander/schema';
import { checksumTableName, forgetChecksumSql, recordChecksumSql } from './checksums.js';
import { clearStatement } from './goose-text.js';
import { errorSpan, isConnectionLost, type PgErrorFields, pgErrorFields, pgxText } from './pg-error.js';
import type { SqlClient } from './sql-client.js';
import { deleteVersionSql, insertVersionSql } from './version-table.js';

/** A migration ready to run: its statements for the direction, parsed up front. */
export interface PreparedStep {
  readonly direction: 'up' | 'down';
  readonly version: number;
  /** Path as given (goose's `Source`). */
  readonly file: string;
  readonly statements: readonly Statement[];
  readonly useTx: boolean;
  /** sha256 of the file, recorded with an up. */
  readonly sha256: string;
}

/**
 * What goose's `-v` logs while a step runs (`verboseInfo` in goose's `runSQLMigration`): `begin`,
 * each `statement` as it is sent (`inTransaction` false in a NO TRANSACTION file), then `commit`, or
 * `rollback` when a statement or the version write failed.
 */
export type StepTrace =
  | { readonly kind: 'begin' }
  | { readonly kind: 'statement'; readonly statement: Statement; readonly inTransaction: boolean }
  | { readonly kind: 'commit' }
  | { readonly kind: 'rollback' };

/** How the version table is written: `table` is goose's name; `noVersioning` writes nothing. */
export interface Bookkeeping {
  readonly table: string;
  readonly noVersioning: boolean;
  /** Record checksums in gander's side table (off when the side table could not be created). */
  readonly checksums: boolean;
}

/** The outcome of one step (expected outcomes are returned, not thrown). */
export type StepResult =
  | {
      readonly status: 'applied';
      readonly step: PreparedStep;
      /** Wall time in nanoseconds. */
      readonly durationNs: number;
    }
  | {
      readonly status: 'failed';
      readonly step: PreparedStep;
      readonly durationNs: number;
      readonly error: GanderError;
      /** Statements that completed before the failure (they stay applied in a NO TRANSACTION file). */
      readonly statementsRun: number;
    };

async function writeVersion(client: SqlClient, step: PreparedStep, books: Bookkeeping): Promise<void> {
  if (books.noVersioning) return;
  if (step.direction === 'up') {
    await client.query(insertVersionSql(books.table), [step.version, true]);
    if (books.checksums)
      await client.query(recordChecksumSql(books.table), [step.version, basename(step.file), step.sha256]);
  } else {
    await client.query(deleteVersionSql(books.table), [step.version]);
    if (books.checksums) await client.query(forgetChecksumSql(books.table), [step.version]);
  }
}

/**
 * The version-table write plus `COMMIT` as one simple-protocol query (one round trip per migration
 * instead of three), when every value is a safe literal (integer version, hex digest, a plain file
 * name); otherwise `undefined` and the parameterized queries are used.
 */
function bookkeepingAndCommit(step: PreparedStep, books: Bookkeeping): string | undefined {
  const base = basename(step.file);
  if (!/^[\w.\- ]+$/.test(base) || !/^[0-9a-f]*$/.test(step.sha256) || !Number.isSafeInteger(step.version))
    return undefined;
  const t = books.table;
  const sql: string[] = [];
  if (!books.noVersioning && step.direction === 'up') {
    sql.push(`INSERT INTO ${t} (version_id, is_applied) VALUES (${step.version}, true)`);
    if (books.checksums) {
      sql.push(
        `INSERT INTO ${checksumTableName(t)} (version_id, file, sha256) VALUES (${step.version}, '${base}', '${step.sha256}') ON CONFLICT (version_id) DO UPDATE SET file = EXCLUDED.file, sha256 = EXCLUDED.sha256, applied_at = now()`,
      );
    }
  } else if (!books.noVersioning) {
    sql.push(`DELETE FROM ${t} WHERE version_id=${step.version}`);
    if (books.checksums) sql.push(`DELETE FROM ${checksumTableName(t)} WHERE version_id = ${step.version}`);
  }
  sql.push('COMMIT');
  return sql.join(';\n');
}

function lines(step: PreparedStep, upTo: number): string {
  return step.statements
    .slice(0, upTo)
    .map((s) => String(s.span.line))
    .join(', ');
}

/** Builds the failure message of a statement (or of the version write when `statement` is undefined). */
function failure(step: PreparedStep, error: unknown, statementIndex: number | undefined): GanderError {
  const fields: PgErrorFields = pgErrorFields(error);
  const base = basename(step.file);
  const lost = isConnectionLost(error);
  const statement = statementIndex === undefined ? undefined : step.statements[statementIndex];
  const what = statement
    ? `failed to execute SQL query ${goQuote(clearStatement(statement.sql))}: ${pgxText(fields)}`
    : `failed to ${step.direction === 'up' ? 'insert new goose version' : 'delete goose version'}: ${pgxText(fields)}`;
  const parts = [`ERROR ${base}: failed to run SQL migration (${step.direction}): ${what}`];
  if (fields.detail) parts.push(`detail: ${fields.detail}`);
  if (fields.where) parts.push(`context: ${fields.where}`);
  const total = step.statements.length;
  const ran = statementIndex ?? total;
  if (step.useTx) {
    parts.push(
      lost
        ? 'the connection was lost: the server rolled the transaction back; nothing of this migration was applied or recorded'
        : 'the transaction was rolled back: nothing of this migration was applied or recorded',
    );
  } else {
    const done =
      ran === 0
        ? 'no statement of it ran'
        : `statements 1-${ran} of ${total} ran and stay applied (lines ${lines(step, ran)})`;
    const failed = statement
      ? `statement ${ran + 1} (line ${statement.span.line}) failed`
      : 'every statement ran; recording the version failed';
    const after =
      ran + 2 === total
        ? `; statement ${total} did not run`
        : ran + 2 < total
          ? `; statements ${ran + 2}-${total} did not run`
          : '';
    parts.push(
      `NO TRANSACTION file: ${done}; ${failed}${after}; version ${step.version} was not recorded, so the next run starts this file again from statement 1`,
    );
  }
  const source = statement ? errorSpan(statement.span, statement.sql, fields.position) : undefined;
  return new GanderError('MIGRATION_FAILED', parts.join('\n'), {
    ...(source ? { source } : {}),
    ...(fields.hint ? { hint: fields.hint } : {}),
    cause: error,
  });
}

/**
 * Runs one prepared step. Never throws for a database error: a failed statement (or a lost
 * connection) comes back as `status: 'failed'` with a `MIGRATION_FAILED` GanderError whose source is
 * the failing statement's `file:line:column`, and whose text carries PostgreSQL's SQLSTATE, detail and
 * hint (as the GanderError `hint`). `trace` receives goose's `-v` events in order.
 */
export async function executeStep(
  client: SqlClient,
  step: PreparedStep,
  books: Bookkeeping,
  trace: (event: StepTrace) => void = () => undefined,
): Promise<StepResult> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started);
  let index = 0;
  const run = async (inTransaction: boolean) => {
    for (; index < step.statements.length; index++) {
      const statement = step.statements[index] as Statement;
      trace({ kind: 'statement', statement, inTransaction });
      await client.query(statement.sql);
    }
  };
  if (step.useTx) {
    let writingVersion = false;
    try {
      trace({ kind: 'begin' });
      await client.query('BEGIN');
      await run(true);
      writingVersion = true;
      const combined = bookkeepingAndCommit(step, books);
      if (combined) {
        trace({ kind: 'commit' });
        await client.query(combined);
      } else {
        await writeVersion(client, step, books);
        trace({ kind: 'commit' });
        await client.query('COMMIT');
      }
      return { status: 'applied', step, durationNs: elapsed() };
    } catch (error) {
      trace({ kind: 'rollback' });
      await client.query('ROLLBACK').catch(() => undefined);
      const error_ = failure(step, error, writingVersion ? undefined : index);
      return { status: 'failed', step, durationNs: elapsed(), error: error_, statementsRun: 0 };
    }
  }
  try {
    await run(false);
  } catch (error) {
    return {
      status: 'failed',
      step,
      durationNs: elapsed(),
      error: failure(step, error, index),
      statementsRun: index,
    };
  }
  try {
    await writeVersion(client, step, books);
  } catch (error) {
    return {
      status: 'failed',
      step,
      durationNs: elapsed(),
      error: failure(step, error, undefined),
      statementsRun: index,
    };
  }
  return { status: 'applied', step, durationNs: elapsed() };
}

/** `file:line:column` of a step's failing statement, for logs. */
export function failureLocation(result: StepResult): string | undefined {
  return result.status === 'failed' && result.error.source ? formatSpan(result.error.source) : undefined;
}
