/**
 * The statements of one migration of a {@link MigrationSet}, whatever its folder format.
 */
import { GanderError } from '@gander/schema';
import type { EnvLookup } from './envsub.js';
import type { Migration } from './migration-set.js';
import { splitPlainSql } from './prisma-migrate.js';
import { type Direction, type ParsedMigration, parseSqlMigration } from './split.js';

/**
 * Splits a migration's text for one direction.
 *
 * - goose: {@link parseSqlMigration} (goose's own splitter, `useTx` from `NO TRANSACTION`).
 * - Prisma Migrate: up = the file's SQL statements ({@link splitPlainSql}, which needs
 *   `loadParser()` to have resolved); `useTx` is true when the file holds more than one statement,
 *   as PostgreSQL runs Prisma's one multi-statement query in one implicit transaction; a single
 *   statement runs alone. Prisma has no down migrations: down is empty.
 *
 * @throws GanderError `UNSUPPORTED` for a goose Go migration; `GOOSE_DIRECTIVE` / `SQL_SYNTAX` from
 *   the splitters.
 */
export function migrationStatements(
  migration: Migration,
  direction: Direction,
  options: { env?: EnvLookup } = {},
): ParsedMigration {
  if (migration.kind === 'go' || migration.text === undefined) {
    throw new GanderError(
      'UNSUPPORTED',
      `${migration.file}: a Go migration; gander lists it but cannot read or run it`,
      {
        hint: 'goose runs Go migrations only from a binary built with them',
      },
    );
  }
  if (migration.format === 'goose') {
    return parseSqlMigration(migration.text, {
      file: migration.file,
      direction,
      ...(options.env ? { env: options.env } : {}),
    });
  }
  if (direction === 'down') return { statements: [], useTx: true };
  const statements = splitPlainSql(migration.text, migration.file);
  return { statements, useTx: statements.length > 1 };
}
