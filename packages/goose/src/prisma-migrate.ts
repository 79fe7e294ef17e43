/**
 * Prisma Migrate folders (`<migrations>/<folder>/migration.sql`) read as a second source format:
 * the folder order Prisma applies, and each file split into statements with PostgreSQL's own
 * parser so every statement keeps its span.
 *
 * @see https://github.com/prisma/prisma/blob/0572e06c8b1043e83b57364dc2c2f0543dff0d73/packages/migrate/src/utils/listMigrations.ts
 */
import { GanderError, parseSql } from '@gander/schema';
import { scanSync } from 'libpg-query';
import type { Migration } from './migration-set.js';
import { createPositionMapper } from './spans.js';
import type { Statement } from './split.js';

/** A sub-folder of a Prisma Migrate folder, and whether it holds `migration.sql`. */
export interface PrismaFolder {
  readonly name: string;
  readonly hasScript: boolean;
}

const collator = new Intl.Collator('en');

/**
 * Orders Prisma Migrate folder names as Prisma 7's `listMigrations` does (`localeCompare`), with the
 * locale pinned to `en` so the order does not depend on the machine.
 *
 * NOTE: this is collation order, not byte order: punctuation sorts before digits, so
 * `20250625_x` comes before `20250625010101_y` (Prisma 6's engine sorted by bytes, the other way
 * round). Messy real names (spaces, `copy` suffixes, names ending in `.sql`, repeated timestamps)
 * are ordinary strings here; timestamps are never parsed.
 */
export function comparePrismaFolders(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * The migrations of a Prisma Migrate folder, from its sub-folders (pure).
 *
 * @returns one migration per sub-folder in apply order, `version` = 1-based position,
 *   `file` = `<dir>/<folder>/migration.sql`.
 * @throws GanderError `FILE_NOT_FOUND` for a sub-folder without `migration.sql` (Prisma cannot
 *   apply it either) or when there is no sub-folder at all.
 */
export function collectPrismaMigrations(
  dir: string,
  folders: readonly PrismaFolder[],
): Omit<Migration, 'text'>[] {
  const base = dir.replace(/\/+$/, '');
  const sorted = [...folders].sort((a, b) => comparePrismaFolders(a.name, b.name));
  const missing = sorted.find((f) => !f.hasScript);
  if (missing) {
    throw new GanderError(
      'FILE_NOT_FOUND',
      `${base}/${missing.name}/migration.sql: no such file; Prisma Migrate fails on a migration folder without it`,
    );
  }
  if (sorted.length === 0) throw new GanderError('FILE_NOT_FOUND', `${dir}: no migration folders found`);
  return sorted.map((folder, index) => ({
    version: index + 1,
    name: folder.name,
    file: `${base}/${folder.name}/migration.sql`,
    kind: 'sql' as const,
    format: 'prisma-migrate' as const,
  }));
}

const COMMENT_TOKENS = new Set(['SQL_COMMENT', 'C_COMMENT']);

/**
 * Splits plain SQL (a Prisma `migration.sql`) into its statements with libpg_query: each
 * statement's text runs from its first token to its last (comments around it and the `;` left
 * out), and its span is where it starts in the file.
 *
 * Requires `loadParser()` (from `@gander/schema`) to have resolved.
 *
 * NOTE: Prisma sends the whole file as one simple-protocol query, which PostgreSQL runs as one
 * implicit transaction when it holds several statements; a file of one statement runs alone
 * (that is how `CREATE INDEX CONCURRENTLY` works in a Prisma migration).
 *
 * @throws GanderError `SQL_SYNTAX` at file:line:column with PostgreSQL's message when the file does
 *   not parse.
 */
export function splitPlainSql(text: string, file: string): Statement[] {
  const bytes = new TextEncoder().encode(text);
  const result = parseSql(text, { source: { file, line: 1, column: 1 } });
  if (result.stmts === undefined || result.stmts.length === 0) return [];
  const tokens = scanSync(text).tokens.filter((t) => !COMMENT_TOKENS.has(t.tokenName) && t.text !== ';');
  const mapper = createPositionMapper(text);
  const decoder = new TextDecoder();
  const statements: Statement[] = [];
  let next = 0;
  for (const raw of result.stmts) {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len === undefined ? bytes.length : start + raw.stmt_len;
    while (next < tokens.length && (tokens[next]?.start ?? 0) < start) next++;
    const first = next;
    while (next < tokens.length && (tokens[next]?.end ?? 0) <= end) next++;
    const firstToken = tokens[first];
    const lastToken = tokens[next - 1];
    if (firstToken === undefined || lastToken === undefined || next === first) continue;
    const position = mapper.fromByteOffset(firstToken.start);
    statements.push({
      sql: decoder.decode(bytes.subarray(firstToken.start, lastToken.end)),
      span: { file, line: position.line, column: position.column },
    });
  }
  return statements;
}
