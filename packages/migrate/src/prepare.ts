/**
 * Parsing the files of a plan before anything runs: every step's file is split for its direction up
 * front, so a broken file stops the run before the first migration is applied (goose's CLI only finds
 * it when it reaches the file; goose's Provider parses up front, as gander does).
 */
import { type EnvLookup, parseSqlMigration } from '@gander/goose';
import { GanderError } from '@gander/schema';
import { sha256 } from './checksums.js';
import type { PreparedStep } from './execute.js';
import type { MigrationFile, PlanStep } from './plan.js';

/** A migration file with its text (read by the caller). */
export interface MigrationSource extends MigrationFile {
  /** File text (UTF-8); absent for `.go` files. */
  readonly text?: string;
}

const GO_MESSAGE =
  'failed to run Go migration: Go functions must be registered and built into a custom binary (see https://github.com/pressly/goose/tree/master/examples/go-migrations)';

/**
 * Splits the file of every step for its direction.
 *
 * @throws GanderError `GOOSE_DIRECTIVE` (file:line) for a file goose cannot parse, `UNSUPPORTED` for a
 * `.go` migration (gander runs SQL migrations only).
 */
export function prepareSteps(steps: readonly PlanStep[], env?: EnvLookup): PreparedStep[] {
  return steps.map((step) => {
    const source = step.migration as MigrationSource;
    if (source.kind === 'go' || source.text === undefined) {
      throw new GanderError('UNSUPPORTED', `ERROR ${source.file}: ${GO_MESSAGE}`, {
        hint: 'gander runs SQL migrations only; run Go migrations with a goose binary built with them',
      });
    }
    const parsed = parseSqlMigration(source.text, {
      file: source.file,
      direction: step.direction,
      ...(env ? { env } : {}),
    });
    return {
      direction: step.direction,
      version: source.version,
      file: source.file,
      statements: parsed.statements,
      useTx: parsed.useTx,
      sha256: sha256(source.text),
    };
  });
}
