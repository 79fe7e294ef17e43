/**
 * `status` and `version`: what goose prints, plus the checksum findings gander adds. Both make sure
 * goose's table exists first (creating it with the version-0 row), as goose does.
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/status.go
 * @see https://github.com/pressly/goose/blob/v3.27.3/version.go
 */
import { basename } from 'node:path';
import { GanderError } from '@gander/schema';
import { type ChecksumFinding, compareChecksums, readChecksums, sha256 } from './checksums.js';
import { ansicFromTimestampText } from './goose-text.js';
import { currentVersion, NO_NEXT_VERSION } from './plan.js';
import type { MigrationSource } from './prepare.js';
import type { SqlClient } from './sql-client.js';
import {
  DEFAULT_TABLE,
  ensureVersionTable,
  listVersionRows,
  statusRows,
  versionTableExists,
} from './version-table.js';

/** One file's line of `status`. */
export interface StatusEntry {
  readonly version: number;
  /** Base name, as goose prints it. */
  readonly file: string;
  readonly state: 'applied' | 'pending';
  /** `tstamp` as stored (`YYYY-MM-DD HH:MM:SS`, no zone) when applied. */
  readonly appliedAt?: string;
  /** goose's cell: ANSIC date, `Pending`, or `no versioning`. */
  readonly cell: string;
}

/** The result of `status`. */
export interface StatusReport {
  readonly table: string;
  /** Current version by goose's rule; `undefined` under `-no-versioning`. */
  readonly version?: number;
  readonly migrations: readonly StatusEntry[];
  /** Applied files edited or deleted since (gander's checksums). */
  readonly findings: readonly ChecksumFinding[];
  /** Whether the table was created by this call. */
  readonly created: boolean;
}

/** Options of {@link readStatus}. */
export interface StatusOptions {
  readonly client?: SqlClient;
  readonly migrations: readonly MigrationSource[];
  readonly table?: string;
  readonly noVersioning?: boolean;
  /** Read only: do not create a missing table (report everything pending). */
  readonly readOnly?: boolean;
}

/** Which applied files were edited or deleted, from goose's rows and gander's side table. */
export async function checksumFindings(
  client: SqlClient,
  table: string,
  migrations: readonly MigrationSource[],
  applied: ReadonlySet<number>,
): Promise<ChecksumFinding[]> {
  const recorded = await readChecksums(client, table);
  const files = new Map(
    migrations.map((m) => [
      m.version,
      { file: basename(m.file), sha256: m.text === undefined ? '' : sha256(m.text) },
    ]),
  );
  return compareChecksums(applied, files, recorded);
}

/**
 * goose's `status`: every file, ascending, with its newest row by `tstamp`.
 *
 * @throws GanderError `MIGRATION_STATE` when the table has no applied row
 * (`failed to ensure DB version: no next version found`).
 */
export async function readStatus(options: StatusOptions): Promise<StatusReport> {
  const table = options.table ?? DEFAULT_TABLE;
  if (options.noVersioning || !options.client) {
    return {
      table,
      migrations: options.migrations.map((m) => ({
        version: m.version,
        file: basename(m.file),
        state: 'pending',
        cell: 'no versioning',
      })),
      findings: [],
      created: false,
    };
  }
  const { client } = options;
  let created = false;
  if (options.readOnly) {
    if (!(await versionTableExists(client, table))) {
      return {
        table,
        version: 0,
        migrations: options.migrations.map((m) => ({
          version: m.version,
          file: basename(m.file),
          state: 'pending',
          cell: 'Pending',
        })),
        findings: [],
        created: false,
      };
    }
  } else {
    created = await ensureVersionTable(client, table);
  }
  const rows = await listVersionRows(client, table);
  const version = currentVersion(rows);
  if (version === undefined)
    throw new GanderError('MIGRATION_STATE', `failed to ensure DB version: ${NO_NEXT_VERSION}`);
  const newest = await statusRows(client, table);
  const migrations = options.migrations.map((m): StatusEntry => {
    const row = newest.get(m.version);
    if (row?.isApplied) {
      const cell = row.tstamp === null ? '' : ansicFromTimestampText(row.tstamp);
      return {
        version: m.version,
        file: basename(m.file),
        state: 'applied',
        ...(row.tstamp ? { appliedAt: row.tstamp } : {}),
        cell,
      };
    }
    return { version: m.version, file: basename(m.file), state: 'pending', cell: 'Pending' };
  });
  const applied = new Set([...newest.values()].filter((r) => r.isApplied).map((r) => r.version));
  const findings = await checksumFindings(client, table, options.migrations, applied);
  return { table, version, migrations, findings, created };
}

/**
 * goose's `version`: the current version (creating the table if missing), or under
 * `-no-versioning` the highest file version.
 *
 * @throws GanderError `MIGRATION_STATE` when the table holds no applied row (`no next version found`).
 */
export async function readVersion(
  options: StatusOptions,
): Promise<{ readonly version: number; readonly line: string }> {
  if (options.noVersioning || !options.client) {
    const version = options.migrations[options.migrations.length - 1]?.version ?? 0;
    return { version, line: `goose: file version ${version}` };
  }
  const table = options.table ?? DEFAULT_TABLE;
  if (!options.readOnly) await ensureVersionTable(options.client, table);
  else if (!(await versionTableExists(options.client, table)))
    return { version: 0, line: 'goose: version 0' };
  const version = currentVersion(await listVersionRows(options.client, table));
  if (version === undefined) throw new GanderError('MIGRATION_STATE', NO_NEXT_VERSION);
  return { version, line: `goose: version ${version}` };
}
