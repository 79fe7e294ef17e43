/**
 * Baselines. A goose chain adopted on an existing database often starts with a migration that
 * builds nothing (`SELECT 1; -- existing schema already applied via Prisma`): the migrations then
 * cannot rebuild the database, and every table created before the adoption exists only in
 * schema.prisma and the database. `baselineNotices` detects and explains this; a configured
 * `baseline` (a schema SQL file standing for the state at a version) is the fix.
 */
import { basename } from 'node:path';
import type { MigrationsSide } from './migrations.js';
import type { Notice, ReportFinding } from './report.js';

/** Tables that schema.prisma (or the database) has and no migration creates, by finding. */
function tablesNoMigrationCreates(findings: readonly ReportFinding[]): string[] {
  return findings
    .filter(
      (f) =>
        f.object.kind === 'table' &&
        f.sides.some((s) => s.side === 'migrations' && !s.present) &&
        f.sides.some((s) => s.side === 'prisma' && s.present),
    )
    .map((f) => f.object.name);
}

/**
 * One `baseline-empty` notice per migration that builds nothing, when schema.prisma models tables
 * no migration creates; none otherwise (an empty migration alone is harmless).
 */
export function baselineNotices(side: MigrationsSide, findings: readonly ReportFinding[]): Notice[] {
  if (side.empty.length === 0) return [];
  const tables = tablesNoMigrationCreates(findings);
  if (tables.length === 0) return [];
  const shown =
    tables.length > 8 ? `${tables.slice(0, 8).join(', ')} and ${tables.length - 8} more` : tables.join(', ');
  return side.empty.map(({ migration, span }) => ({
    code: 'baseline-empty',
    severity: 'error',
    message:
      `${basename(migration.file)} (version ${migration.version}) builds nothing, yet schema.prisma models ${tables.length} table${tables.length === 1 ? '' : 's'} ` +
      `no migration creates (${shown}): the schema it stands for was applied outside the migrations, so they cannot rebuild the database`,
    location: span,
    hint:
      `add "baseline": { "file": "<schema>.sql", "version": ${migration.version} } to the service in gander.config.json, ` +
      'with the schema as it was at that version (pg_dump --schema-only of a database at that version), or a migration that creates those tables',
  }));
}
