/**
 * The statement check of a goose migration: whether PostgreSQL parses each statement goose sends,
 * the migration as its author meant it when it does not, and whether it builds anything at all.
 */
import { basename } from 'node:path';
import type { Migration, Statement } from '@gander/goose';
import { isGanderError, parseSql, type SourceSpan } from '@gander/schema';
import type { Notice } from './report.js';

const STATEMENT_BEGIN_HINT =
  'goose ends a statement at every line ending in ";" outside "-- +goose StatementBegin" / "-- +goose StatementEnd"; wrap the $$ body in them';

/** What {@link checkMigration} finds in one migration. */
export interface MigrationCheck {
  /** The migration to fold: itself when every statement parses, else as its author meant it. */
  readonly migration: Migration;
  /** The span of the Up section, for a migration whose statements are all plain `SELECT`s or none. */
  readonly empty?: SourceSpan;
  /** `migration-invalid`, when goose sends a statement PostgreSQL rejects. */
  readonly notice?: Notice;
}

/**
 * Parses each statement goose would send. Returns the migration to fold (itself when every statement
 * parses, with the span of its Up section when its statements are all plain `SELECT`s or none), or
 * the migration as its author meant it with the `migration-invalid` notice.
 *
 * @throws GanderError from goose's splitter (`GOOSE_DIRECTIVE`, ...).
 */
export async function checkMigration(migration: Migration): Promise<MigrationCheck> {
  if (migration.kind !== 'sql' || migration.text === undefined) return { migration };
  const statements = await upStatements(migration);
  const failed: { span: SourceSpan; sql: string; message: string }[] = [];
  let builds = false;
  for (const result of parsed(statements)) {
    if (result.rejected !== undefined) failed.push({ ...result.statement, message: result.rejected });
    if (result.builds) builds = true;
  }
  const upSpan = statements[0]?.span ?? { file: migration.file, line: 1, column: 1 };
  if (failed.length === 0) return builds ? { migration } : { migration, empty: upSpan };
  const first = failed[0] as (typeof failed)[number];
  return {
    migration: asAuthorMeant(migration, failed),
    notice: {
      code: 'migration-invalid',
      severity: 'error',
      message: `${basename(migration.file)}: goose sends ${failed.length === 1 ? 'a statement' : `${failed.length} statements`} PostgreSQL rejects, so \`goose up\` stops at version ${migration.version}: ${first.message.replace(/^.*?:\d+:\d+: /, '')}`,
      location: first.span,
      hint: STATEMENT_BEGIN_HINT,
    },
  };
}

/** The statements goose sends for the migration's Up section. @throws GanderError from goose's splitter. */
async function upStatements(migration: Migration): Promise<readonly Statement[]> {
  const { migrationStatements } = await import('@gander/goose');
  return migrationStatements(migration, 'up').statements;
}

/**
 * Each statement parsed, in order: whether it builds something, or PostgreSQL's message when the
 * parser rejects it (a rejected statement counts as building). Lazy, so a caller can stop early.
 */
function* parsed(
  statements: readonly Statement[],
): Generator<{ readonly statement: Statement; readonly builds: boolean; readonly rejected?: string }> {
  for (const statement of statements) {
    try {
      yield { statement, builds: buildsSomething(parseSql(statement.sql, { source: statement.span })) };
    } catch (error) {
      if (!isGanderError(error) || error.code !== 'SQL_SYNTAX') throw error;
      yield { statement, builds: true, rejected: error.message };
    }
  }
}

/** Whether parsed SQL holds a statement other than a plain `SELECT` (one without `FROM`). */
function buildsSomething(parsed: ReturnType<typeof parseSql>): boolean {
  return (parsed.stmts ?? []).some((raw) => {
    const stmt = raw.stmt as Record<string, { fromClause?: unknown }> | undefined;
    const type = stmt ? Object.keys(stmt)[0] : undefined;
    return type !== 'SelectStmt' || Boolean(stmt?.SelectStmt?.fromClause);
  });
}

/**
 * {@link checkMigration}'s `empty` for a migration whose statements all parse (one the fold read
 * as it is): the span of its Up section when its statements are all plain `SELECT`s or none,
 * found without parsing past the first statement that builds something.
 *
 * @throws GanderError from goose's splitter (`GOOSE_DIRECTIVE`, ...).
 */
export async function emptyUpSection(migration: Migration): Promise<SourceSpan | undefined> {
  if (migration.kind !== 'sql' || migration.text === undefined) return undefined;
  const statements = await upStatements(migration);
  for (const result of parsed(statements)) if (result.builds) return undefined;
  return statements[0]?.span ?? { file: migration.file, line: 1, column: 1 };
}

/** A dollar-quote delimiter: `$$`, `$body$` (a tag is an identifier without `$`). */
const DOLLAR_QUOTE = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z_0-9\u0080-\uffff]*)?\$/g;

/**
 * Whether goose's split of the migration's Up section leaves a statement with a dollar-quote
 * delimiter that is not closed in it (one spelling seen an odd number of times): what a function body
 * that is not wrapped in `-- +goose StatementBegin` / `StatementEnd` becomes when goose ends a
 * statement at each line inside it ending in ";".
 *
 * NOTE: a guess from the text (a `$$` inside a string or comment counts too), used only to choose
 * which migrations {@link checkMigration} reads first: every result is still the check's and the
 * fold's, whatever this says.
 *
 * False for a migration goose cannot split (its error is the fold's and the check's to report).
 */
export async function splitsDollarQuote(migration: Migration): Promise<boolean> {
  if (migration.kind !== 'sql' || migration.format !== 'goose' || !migration.text?.includes('$'))
    return false;
  let statements: readonly Statement[];
  try {
    statements = await upStatements(migration);
  } catch (error) {
    if (isGanderError(error)) return false; // the fold and the check report it, in migration order
    throw error;
  }
  return statements.some((statement) => {
    const counts = new Map<string, number>();
    for (const [tag] of statement.sql.matchAll(DOLLAR_QUOTE)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts.values()].some((count) => count % 2 === 1);
  });
}

/**
 * The migration as its author meant it: the Up section as one PostgreSQL script (annotations are
 * `--` comments to PostgreSQL, the Down section blanked so lines keep their numbers); when that does
 * not parse either, the goose text with the rejected statements commented out.
 */
function asAuthorMeant(
  migration: Migration,
  failed: readonly { span: SourceSpan; sql: string }[],
): Migration {
  const lines = (migration.text as string).split('\n');
  const down = lines.findIndex((line) => /^--\s*\+goose\s+down\b/i.test(line.trim()));
  const up = down < 0 ? lines : [...lines.slice(0, down), ...lines.slice(down).map(() => '')];
  const script = up.join('\n');
  try {
    parseSql(script);
    return { ...migration, format: 'prisma-migrate', text: script };
  } catch {
    const out = [...lines];
    for (const { span, sql } of failed) {
      const count = sql.trimEnd().split('\n').length;
      for (let i = span.line - 1; i < span.line - 1 + count && i < out.length; i++) out[i] = `-- ${out[i]}`;
    }
    return { ...migration, text: out.join('\n') };
  }
}
