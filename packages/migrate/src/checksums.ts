/**
 * gander's own side table of file checksums, beside goose's table (which stays untouched): the
 * sha256 of every applied migration file, so `status` and `validate` can say which applied files were
 * edited or deleted since. goose has no such column (goose issues #288, #251).
 *
 * The table is `<goose table>_gander_checksums` in the same schema as the goose table:
 * `(version_id bigint PRIMARY KEY, file text, sha256 text, applied_at timestamptz)`.
 */
import { createHash } from 'node:crypto';
import type { SqlClient } from './sql-client.js';

/** sha256 of the file's bytes, lower-case hex. */
export function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The side table's name for a goose table name: the suffix `_gander_checksums` added to the last
 * part, inside its quotes if it is quoted (`"My"."Versions"` -> `"My"."Versions_gander_checksums"`).
 */
export function checksumTableName(gooseTable: string): string {
  const suffix = '_gander_checksums';
  if (gooseTable.endsWith('"')) return `${gooseTable.slice(0, -1)}${suffix}"`;
  return `${gooseTable}${suffix}`;
}

/** `CREATE TABLE IF NOT EXISTS` of the side table. */
export function createChecksumTableSql(gooseTable: string): string {
  return `CREATE TABLE IF NOT EXISTS ${checksumTableName(gooseTable)} (
  version_id bigint PRIMARY KEY,
  file text NOT NULL,
  sha256 text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;
}

/** Upsert of one applied file's checksum (`$1` version, `$2` file base name, `$3` sha256). */
export function recordChecksumSql(gooseTable: string): string {
  return `INSERT INTO ${checksumTableName(gooseTable)} (version_id, file, sha256) VALUES ($1, $2, $3)
  ON CONFLICT (version_id) DO UPDATE SET file = EXCLUDED.file, sha256 = EXCLUDED.sha256, applied_at = now()`;
}

/** Removal of a rolled-back version's checksum (`$1` version). */
export function forgetChecksumSql(gooseTable: string): string {
  return `DELETE FROM ${checksumTableName(gooseTable)} WHERE version_id = $1`;
}

/** Creates the side table if needed (idempotent; concurrent creators are fine). */
export async function ensureChecksumTable(client: SqlClient, gooseTable: string): Promise<void> {
  try {
    await client.query(createChecksumTableSql(gooseTable));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '42P07' && code !== '23505') throw error;
  }
}

/** A recorded checksum. */
export interface RecordedChecksum {
  readonly version: number;
  readonly file: string;
  readonly sha256: string;
}

/** Every recorded checksum by version; an empty map when the side table does not exist. */
export async function readChecksums(
  client: SqlClient,
  gooseTable: string,
): Promise<Map<number, RecordedChecksum>> {
  const table = checksumTableName(gooseTable);
  const exists = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    table,
  ]);
  if (exists.rows[0]?.exists !== true) return new Map();
  const result = await client.query<{ version_id: string; file: string; sha256: string }>(
    `SELECT version_id, file, sha256 FROM ${table} ORDER BY version_id`,
  );
  return new Map(
    result.rows.map((r) => [
      Number(r.version_id),
      { version: Number(r.version_id), file: r.file, sha256: r.sha256 },
    ]),
  );
}

/** How an applied migration's file compares with what was applied. */
export type ChecksumState = 'ok' | 'edited' | 'deleted' | 'unrecorded';

/** An applied version whose file was edited or deleted after it was applied. */
export interface ChecksumFinding {
  readonly version: number;
  readonly file: string;
  readonly state: 'edited' | 'deleted';
  readonly recorded?: string;
  readonly actual?: string;
}

/**
 * Compares applied versions with the files now on disk: `edited` when the recorded sha256 differs,
 * `deleted` when an applied version (other than 0) has no file. Versions applied by goose itself
 * have no recorded checksum and are only checked for deletion.
 */
export function compareChecksums(
  applied: ReadonlySet<number>,
  files: ReadonlyMap<number, { readonly file: string; readonly sha256: string }>,
  recorded: ReadonlyMap<number, RecordedChecksum>,
): ChecksumFinding[] {
  const findings: ChecksumFinding[] = [];
  for (const version of [...applied].sort((a, b) => a - b)) {
    if (version === 0) continue;
    const file = files.get(version);
    const rec = recorded.get(version);
    if (!file) {
      findings.push({
        version,
        file: rec?.file ?? `version ${version}`,
        state: 'deleted',
        ...(rec ? { recorded: rec.sha256 } : {}),
      });
    } else if (rec && rec.sha256 !== file.sha256) {
      findings.push({ version, file: file.file, state: 'edited', recorded: rec.sha256, actual: file.sha256 });
    }
  }
  return findings;
}
