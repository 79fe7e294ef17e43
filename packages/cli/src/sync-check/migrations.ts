/**
 * The migrations side of a service: reads the folder, puts a configured baseline first, checks that
 * goose can send every statement as it splits them, and finds migrations that build nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FoldResult, Migration, MigrationSet } from '@gander/goose';
import { GanderError, isGanderError, loadParser, type SourceSpan } from '@gander/schema';
import type { ServiceConfig } from '../config.js';
import type { ResultCache } from './cache.js';
import type { Notice } from './report.js';
import { checkMigration, emptyUpSection, type MigrationCheck, splitsDollarQuote } from './statement-check.js';

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
  const checks = new Map<number, MigrationCheck>();
  const check = async (index: number): Promise<MigrationCheck> => {
    let result = checks.get(index);
    if (!result) {
      result = await checkMigration(set.migrations[index] as Migration);
      checks.set(index, result);
    }
    return result;
  };
  const { chain, attempt } = service.baseline
    ? { chain: set, attempt: { parsed: 0 } }
    : await foldRepaired(set, service.defaultSchema, cache, check);
  const folded = attempt.folded;
  if (folded) {
    // The fold parsed every statement goose sends of the migrations not checked already: only the
    // leading migrations that build nothing are left to find.
    checked.push(...chain.migrations);
    for (const [index, migration] of set.migrations.entries()) {
      const span = checks.has(index) ? (await check(index)).empty : await emptyUpSection(migration);
      if (!span) break;
      empty.push({ migration, span });
    }
    for (const [, result] of [...checks].sort(([a], [b]) => a - b))
      if (result.notice) notices.push(result.notice);
  } else {
    for (const [index, migration] of set.migrations.entries()) {
      if (index < attempt.parsed && checked.length > empty.length && !checks.has(index)) {
        checked.push(migration); // parsed by the fold, and past the leading migrations that build nothing
        continue;
      }
      const result = await check(index);
      if (result.notice) notices.push(result.notice);
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
      folded: folded !== undefined && chain === set,
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
  if (folded) return { set: chain, count, head, notices, empty, folded };
  return { set: { ...set, migrations }, count, head, notices, empty };
}

/** A fold of a whole chain, or how far it got (see {@link foldAttempt}). */
interface FoldAttempt {
  readonly folded?: FoldResult;
  /** Leading migrations the fold got past. */
  readonly parsed: number;
  /** The migration (index) holding the statement PostgreSQL rejected, when that stopped the fold. */
  readonly stopped?: number;
}

/**
 * The fold of a goose chain in which every statement parses (`folded`), else how many leading
 * migrations the fold got past (`parsed`) before a statement PostgreSQL rejects (0 for any other
 * error): the statement-by-statement check then runs on the rest and reports as before. The fold
 * parses each statement goose sends (the same split as {@link checkMigration}), so what it got past
 * needs no check, and its result is the head model {@link foldChain} gives.
 */
async function foldAttempt(
  set: MigrationSet,
  defaultSchema: string,
  cache: ResultCache | undefined,
): Promise<FoldAttempt> {
  try {
    return { folded: await foldCached(set, defaultSchema, cache), parsed: set.migrations.length };
  } catch (error) {
    if (!isGanderError(error)) throw error;
    const at =
      error.code === 'SQL_SYNTAX' ? set.migrations.findIndex((m) => m.file === error.source?.file) : -1;
    return { parsed: Math.max(at, 0), ...(at >= 0 ? { stopped: at } : {}) };
  }
}

/**
 * {@link foldAttempt} of the chain with the migrations goose splits wrongly read as their authors
 * meant them: those whose split leaves a dollar quote open ({@link splitsDollarQuote}), checked
 * first (`check`, by index, remembered for the caller). When a statement of a migration not checked
 * yet stops that fold, the migration is checked too and the chain folded once more; when that fold
 * stops too, the caller checks the rest statement by statement. A function body goose splits is
 * the common way a chain fails to parse: checking those few migrations first costs less than a fold
 * that stops at the first of them, the check of every statement after it and a second whole fold.
 * Prisma Migrate folders, which the fold parses file by file, are left to the check.
 */
async function foldRepaired(
  set: MigrationSet,
  defaultSchema: string,
  cache: ResultCache | undefined,
  check: (index: number) => Promise<MigrationCheck>,
): Promise<{ readonly chain: MigrationSet; readonly attempt: FoldAttempt }> {
  if (set.migrations.some((m) => m.kind === 'sql' && m.text !== undefined && m.format !== 'goose'))
    return { chain: set, attempt: { parsed: 0 } };
  const repairs = new Map<number, Migration>();
  const repair = async (index: number) => {
    const { migration } = await check(index);
    if (migration !== set.migrations[index]) repairs.set(index, migration);
  };
  for (const [index, migration] of set.migrations.entries())
    if (await splitsDollarQuote(migration)) await repair(index);
  const repaired = () => ({ ...set, migrations: set.migrations.map((m, index) => repairs.get(index) ?? m) });
  let chain = repairs.size > 0 ? repaired() : set;
  let attempt = await foldAttempt(chain, defaultSchema, cache);
  const stopped = attempt.stopped;
  if (attempt.folded || stopped === undefined || repairs.has(stopped)) return { chain, attempt };
  await repair(stopped);
  if (!repairs.has(stopped)) return { chain, attempt };
  chain = repaired();
  attempt = await foldAttempt(chain, defaultSchema, cache);
  return { chain, attempt };
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
