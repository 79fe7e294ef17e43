/**
 * `validate`: parses every migration in both directions without touching a database, as goose's
 * `validate` does; goose's `-v` table (`Type  Txn  Up  Down  Name`) comes from the entries.
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/cmd/goose/main.go (`printValidate`)
 */
import { basename } from 'node:path';
import { parseSqlMigration } from '@gander/goose';
import type { MigrationSource } from './prepare.js';

/** One file's counts: statements per direction and whether it runs in a transaction. */
export interface ValidateEntry {
  readonly version: number;
  readonly file: string;
  readonly kind: 'sql' | 'go';
  readonly useTx: boolean;
  /** Statement counts; `undefined` for `.go` files (not parsed). */
  readonly up?: number;
  readonly down?: number;
}

/**
 * Parses every `.sql` file for up and for down.
 *
 * @throws GanderError `GOOSE_DIRECTIVE` with file:line for the first file that does not parse.
 */
export function validateMigrations(migrations: readonly MigrationSource[]): ValidateEntry[] {
  return migrations.map((m): ValidateEntry => {
    if (m.kind === 'go' || m.text === undefined)
      return { version: m.version, file: basename(m.file), kind: 'go', useTx: true };
    const up = parseSqlMigration(m.text, { file: m.file, direction: 'up' });
    const down = parseSqlMigration(m.text, { file: m.file, direction: 'down' });
    return {
      version: m.version,
      file: basename(m.file),
      kind: 'sql',
      useTx: up.useTx,
      up: up.statements.length,
      down: down.statements.length,
    };
  });
}
