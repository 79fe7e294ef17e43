/**
 * The migrations side of a service: reads the folder, puts a configured baseline first, checks that
 * goose can send every statement as it splits them, and finds migrations that build nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FoldResult, Migration, MigrationSet } from '@gander/goose';
import { GanderError, isGanderError, loadParser, parseSql, type SourceSpan } from '@gander/schema';
import type { ServiceConfig } from '../config.js';
import type { ResultCache } from './cache.js';
import type { Notice } from './report.js';

/** A migrations folder ready to fold or replay, with what was noticed while reading it. */
export interface MigrationsSide {
  readonly set: MigrationSet;
  /** Migration files in the folder (before a baseline replaced the early ones). */
  readonly count: number;
  readonly head: number;
  readonly notices: readonly Notice[];
  /** Leading migrations whose Up section builds nothing (`SELECT 1`, comments only), with their span. */
  readonly empty: readonly { readonly migration: Migration; readonly span: SourceSpan }[];
  /** The fold of `set` when reading it folded it already (see {@link foldChain}). */
  readonly folded?: FoldResult;
}

/**
 * Reads `service.migrations`. A folder that exists but holds no migration is an empty chain (every
 * table then exists only on the other sides). Statements goose would split where PostgreSQL cannot
 * parse them are reported (`migration-invalid`) and the migration is read the way its author meant
 * it: the whole Up section as PostgreSQL parses a script; when even that fails, without the
 * statements PostgreSQL rejects.
 *
 * @throws GanderError from `readMigrations` (bad file names, duplicate versions), `GOOSE_DIRECTIVE`
 *   from goose's parser, `FILE_NOT_FOUND` for a missing folder or baseline file.
 */
export async function readMigrationsSide(
  service: ServiceConfig,
  dir: string,
  cache?: ResultCache,
): Promise<MigrationsSide> {
  const { readMigrations } = await import('@gander/goose');
  if (!existsSync(dir))
    throw new GanderError('FILE_NOT_FOUND', `${dir}: no such migrations folder (service "${service.name}")`);
  let set: MigrationSet;
  try {
    set = await readMigrations(dir);
  } catch (error) {
    if (isGanderError(error) && error.code === 'FILE_NOT_FOUND' && statSync(dir).isDirectory()) {
      set = { format: 'goose', dir, migrations: [], notes: [`${dir}: no migration files`] };
    } else {
      throw error;
    }
  }
  const head = set.migrations.at(-1)?.version ?? 0;
  const count = set.migrations.length;
  const inputs = cache && !service.baseline ? [service.defaultSchema, chainInputs(set)] : undefined;
  const stored = inputs && cache?.read<StoredChecks>('checks', inputs);
  if (stored) {
    const empty = stored.empty.map(({ index, span }) => ({
      migration: set.migrations[index] as Migration,
      span,
    }));
    if (stored.folded)
      return {
        set,
        count,
        head,
        notices: stored.notices,
        empty,
        folded: await foldCached(set, service.defaultSchema, cache),
      };
    const rewritten = new Map(stored.rewritten);
    const migrations = set.migrations.map((m, index) => rewritten.get(index) ?? m);
    return { set: { ...set, migrations }, count, head, notices: stored.notices, empty };
  }
  const notices: Notice[] = [];
  const empty: { migration: Migration; span: SourceSpan }[] = [];
  const checked: Migration[] = [];
  const attempt = service.baseline ? { parsed: 0 } : await foldIfParsed(set, service.defaultSchema, cache);
  const folded = attempt.folded;
  if (folded) {
    // The fold parsed every statement goose sends: only the leading migrations that build nothing are left to find.
    checked.push(...set.migrations);
    for (const migration of set.migrations) {
      const result = await checkMigration(migration, notices);
      if (!result.empty) break;
      empty.push({ migration, span: result.empty });
    }
  } else {
    for (const [index, migration] of set.migrations.entries()) {
      if (index < attempt.parsed && checked.length > empty.length) {
        checked.push(migration); // parsed by the fold, and past the leading migrations that build nothing
        continue;
      }
      const result = await checkMigration(migration, notices);
      checked.push(result.migration);
      if (result.empty && checked.length === empty.length + 1) empty.push({ migration, span: result.empty });
    }
  }
  if (inputs) {
    const rewritten = checked.flatMap((m, index) =>
      m === set.migrations[index] ? [] : [[index, m] as const],
    );
    const emptyAt = empty.map(({ migration, span }) => ({ index: set.migrations.indexOf(migration), span }));
    cache?.write('checks', inputs, {
      notices,
      empty: emptyAt,
      rewritten,
      folded: folded !== undefined,
    } satisfies StoredChecks);
  }
  let migrations = checked;
  if (service.baseline) {
    const { file, version } = service.baseline;
    if (!existsSync(file))
      throw new GanderError(
        'FILE_NOT_FOUND',
        `${file}: no such baseline file (service "${service.name}", baseline.file)`,
      );
    const baseline: Migration = {
      version,
      name: basename(file),
      file,
      kind: 'sql',
      format: 'prisma-migrate',
      text: readFileSync(file, 'utf8'),
    };
    migrations = [baseline, ...checked.filter((m) => m.version > version)];
  }
  if (folded) return { set, count, head, notices, empty, folded };
  return { set: { ...set, migrations }, count, head, notices, empty };
}

/**
 * The fold of a goose chain in which every statement parses (`folded`), else how many leading
 * migrations the fold got past (`parsed`) before a statement PostgreSQL rejects (0 for any other
 * error): the statement-by-statement check then runs on the rest and reports as before. The fold
 * parses each statement goose sends (the same split as {@link checkMigration}), so what it got past
 * needs no check, and its result is the head model {@link foldChain} gives. Prisma Migrate folders,
 * which the fold parses file by file, are left to the check.
 */
async function foldIfParsed(
  set: MigrationSet,
  defaultSchema: string,
  cache: ResultCache | undefined,
): Promise<{ readonly folded?: FoldResult; readonly parsed: number }> {
  if (set.migrations.some((m) => m.kind === 'sql' && m.text !== undefined && m.format !== 'goose'))
    return { parsed: 0 };
  try {
    return { folded: await foldCached(set, defaultSchema, cache), parsed: set.migrations.length };
  } catch (error) {
    if (!isGanderError(error)) throw error;
    const at =
      error.code === 'SQL_SYNTAX' ? set.migrations.findIndex((m) => m.file === error.source?.file) : -1;
    return { parsed: Math.max(at, 0) };
  }
}

/**
 * The fold of `chain`: the one reading the side already made when `chain` is its whole set, else
 * a new one.
 */
export async function foldChain(
  side: MigrationsSide,
  chain: MigrationSet,
  defaultSchema: string,
  cache?: ResultCache,
): Promise<FoldResult> {
  if (side.folded && chain === side.set) return side.folded;
  return foldCached(chain, defaultSchema, cache);
}

/** What the fold and the check of a chain depend on: each migration as read (text included). */
function chainInputs(chain: MigrationSet): unknown {
  return chain.migrations.map((m) => [m.version, m.name, m.file, m.kind, m.format, m.text ?? null]);
}

/**
 * `foldMigrationSet(chain)`, stored in `cache` by the chain's content.
 * @throws GanderError as `foldMigrationSet` does (nothing is stored then).
 */
async function foldCached(
  chain: MigrationSet,
  defaultSchema: string,
  cache: ResultCache | undefined,
): Promise<FoldResult> {
  const inputs = cache ? [defaultSchema, chainInputs(chain)] : undefined;
  const stored = inputs && cache?.read<FoldResult>('fold', inputs);
  if (stored) return stored;
  const { foldMigrationSet } = await import('@gander/goose');
  await loadParser();
  const result = foldMigrationSet(chain, { defaultSchema });
  if (inputs) cache?.write('fold', inputs, result);
  return result;
}

/** What {@link readMigrationsSide} stores of a chain's check (migrations by index in the chain). */
interface StoredChecks {
  readonly notices: Notice[];
  readonly empty: { readonly index: number; readonly span: SourceSpan }[];
  readonly rewritten: (readonly [number, Migration])[];
  /** The whole chain folded (its fold is stored under `fold`). */
  readonly folded: boolean;
}

const STATEMENT_BEGIN_HINT =
  'goose ends a statement at every line ending in ";" outside "-- +goose StatementBegin" / "-- +goose StatementEnd"; wrap the $$ body in them';

/**
 * Parses each statement goose would send. Returns the migration to fold (itself when every statement
 * parses) and, for a migration whose statements are all plain `SELECT`s or none, the span of its Up section.
 */
async function checkMigration(
  migration: Migration,
  notices: Notice[],
): Promise<{ migration: Migration; empty?: SourceSpan }> {
  if (migration.kind !== 'sql' || migration.text === undefined) return { migration };
  const { migrationStatements } = await import('@gander/goose');
  const { statements } = migrationStatements(migration, 'up');
  const failed: { span: SourceSpan; sql: string; message: string }[] = [];
  let builds = false;
  for (const statement of statements) {
    try {
      const parsed = parseSql(statement.sql, { source: statement.span });
      for (const raw of parsed.stmts ?? []) {
        const stmt = raw.stmt as Record<string, { fromClause?: unknown }> | undefined;
        const type = stmt ? Object.keys(stmt)[0] : undefined;
        if (type !== 'SelectStmt' || stmt?.SelectStmt?.fromClause) builds = true;
      }
    } catch (error) {
      if (!isGanderError(error) || error.code !== 'SQL_SYNTAX') throw error;
      failed.push({ span: statement.span, sql: statement.sql, message: error.message });
      builds = true;
    }
  }
  const upSpan = statements[0]?.span ?? { file: migration.file, line: 1, column: 1 };
  if (failed.length === 0) return builds ? { migration } : { migration, empty: upSpan };
  const first = failed[0] as (typeof failed)[number];
  notices.push({
    code: 'migration-invalid',
    severity: 'error',
    message: `${basename(migration.file)}: goose sends ${failed.length === 1 ? 'a statement' : `${failed.length} statements`} PostgreSQL rejects, so \`goose up\` stops at version ${migration.version}: ${first.message.replace(/^.*?:\d+:\d+: /, '')}`,
    location: first.span,
    hint: STATEMENT_BEGIN_HINT,
  });
  return { migration: asAuthorMeant(migration, failed) };
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
