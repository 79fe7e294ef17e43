import {
  type Domain,
  type EnumType,
  GanderError,
  type Model,
  type NormalizeQueryOptions,
  type QueryRelation,
  type Routine,
  type RoutineArgument,
  routineDigest,
  type Sequence,
  sortModel,
  type Table,
  type View,
  viewDigest,
} from '@gander/schema';
import type { CatalogRows, DomainRow, EnumRow, RoutineRow, SequenceRow, ViewRow } from './catalog-rows.js';
import { type ExpressionContext, liveDefault, liveExpression } from './expressions.js';
import { indexFromRow } from './indexes.js';
import { tableFromRow } from './tables.js';

/** Options of {@link rowsToModel}. */
export interface RowsToModelOptions {
  /**
   * Schema whose qualification `normalizeExpression` drops from function names: the first schema of
   * the `search_path` the migrations were written for (default `public`).
   */
  readonly defaultSchema?: string;
}

/**
 * The pure core of the live reader: turns the one row of `sql/catalog.sql` into a sorted `Model`
 * (see `model.ts` for every convention). JSON columns may arrive parsed (pg, PGlite) or as text.
 * Sync; requires `loadParser()` from `@gander/schema` to have resolved (expressions are normalised).
 *
 * @throws GanderError `DB_QUERY` when a row holds a catalog code this reader does not know or an
 *   expression that does not normalise.
 */
export function rowsToModel(rows: CatalogRows, options: RowsToModelOptions = {}): Model {
  const context: ExpressionContext = { defaultSchema: options.defaultSchema ?? 'public' };
  const schemaRows = json(rows.schemas) ?? [];
  const tables = (json(rows.tables) ?? []).map((t) => tableFromRow(t, context.defaultSchema));
  const viewRows = json(rows.views) ?? [];
  const relation = liveRelations(tables, viewRows);
  const comments = Object.fromEntries(
    schemaRows.filter((s) => s.comment !== null).map((s) => [s.name, s.comment as string]),
  );
  return sortModel({
    schemas: schemaRows.map((s) => s.name),
    extensions: (json(rows.extensions) ?? []).map((x) => ({ name: x.name, schema: x.schema })),
    enums: (json(rows.enums) ?? []).map(enumFromRow),
    domains: (json(rows.domains) ?? []).map((d) => domainFromRow(d, context)),
    sequences: (json(rows.sequences) ?? []).map(sequenceFromRow),
    tables,
    views: viewRows.map((v) => viewFromRow(v, context, relation)),
    routines: (json(rows.routines) ?? []).map(routineFromRow),
    ...(Object.keys(comments).length > 0 ? { schemaComments: comments } : {}),
  });
}

function json<T>(value: T | string | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function enumFromRow(row: EnumRow): EnumType {
  return {
    schema: row.schema,
    name: row.name,
    values: row.values ?? [],
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}

function domainFromRow(row: DomainRow, context: ExpressionContext): Domain {
  const where = `domain "${row.schema}"."${row.name}"`;
  return {
    schema: row.schema,
    name: row.name,
    type: row.type,
    notNull: row.notnull,
    ...(row.default !== null ? { default: liveDefault(row.default, `default of ${where}`, context) } : {}),
    ...(row.collation !== null ? { collation: row.collation } : {}),
    checks: (row.checks ?? []).map((c) => ({
      name: c.name,
      expression: liveExpression(c.expression, `check "${c.name}" of ${where}`, context),
    })),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}

function sequenceFromRow(row: SequenceRow): Sequence {
  return {
    schema: row.schema,
    name: row.name,
    type: row.type,
    start: row.start,
    increment: row.increment,
    min: row.min,
    max: row.max,
    cache: row.cache,
    cycle: row.cycle,
    ...(row.owned_by !== null ? { ownedBy: { ...row.owned_by } } : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}

/** The relations a printed view query names (always schema-qualified), for `normalizeQuery`. */
function liveRelations(
  tables: readonly Table[],
  views: readonly ViewRow[],
): NormalizeQueryOptions['relation'] {
  const byName = new Map<string, QueryRelation>();
  for (const t of tables) byName.set(`${t.schema}.${t.name}`, t);
  for (const v of views)
    byName.set(`${v.schema}.${v.name}`, { ...v, columns: (v.columns ?? []).map((name) => ({ name })) });
  return (schema, name) => byName.get(`${schema ?? 'pg_catalog'}.${name}`);
}

function viewFromRow(
  row: ViewRow,
  context: ExpressionContext,
  relation: NormalizeQueryOptions['relation'],
): View {
  const where = `view "${row.schema}"."${row.name}"`;
  let digest: string;
  try {
    digest = viewDigest(row.definition, {
      defaultSchema: context.defaultSchema,
      ...(relation ? { relation } : {}),
    });
  } catch (error) {
    throw new GanderError(
      'DB_QUERY',
      `introspect: ${where}: cannot normalise its query: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return {
    schema: row.schema,
    name: row.name,
    materialized: row.relkind === 'm',
    digest,
    columns: row.columns ?? [],
    indexes: (row.indexes ?? []).map((i) => indexFromRow(i, where, context)),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}

const MODES: Record<string, RoutineArgument['mode']> = {
  i: 'in',
  o: 'out',
  b: 'inout',
  v: 'variadic',
  t: 'table',
};
const VOLATILITY: Record<string, 'immutable' | 'stable' | 'volatile'> = {
  i: 'immutable',
  s: 'stable',
  v: 'volatile',
};

/**
 * Maps one `pg_proc` row. `returns` is `SETOF <type>` for set-returning functions and `record` for
 * `RETURNS TABLE(...)` (model.ts); the digest covers what `routineDigestText` lists.
 */
function routineFromRow(row: RoutineRow): Routine {
  const where = `introspect: routine "${row.schema}"."${row.name}"`;
  const kind = row.prokind === 'p' ? 'procedure' : 'function';
  const types = row.arg_types ?? [];
  const args: RoutineArgument[] = types.map((type, i) => {
    const code = row.arg_modes?.[i] ?? 'i';
    const mode = MODES[code];
    if (!mode) throw new GanderError('DB_QUERY', `${where}: unknown argument mode '${code}'`);
    const name = row.arg_names?.[i] ?? '';
    return { mode, name: name === '' ? null : name, type };
  });
  const volatility = VOLATILITY[row.volatility];
  if (!volatility) throw new GanderError('DB_QUERY', `${where}: unknown volatility '${row.volatility}'`);
  const declaredReturn = row.retset ? `SETOF ${row.rettype}` : row.rettype;
  const returnsTable = args.some((a) => a.mode === 'table');
  const digest = routineDigest({
    kind,
    language: row.language,
    arguments: args,
    returns: kind === 'procedure' ? null : declaredReturn,
    volatility,
    strict: row.strict,
    securityDefiner: row.security_definer,
    body: row.src,
  });
  return {
    schema: row.schema,
    name: row.name,
    kind,
    argumentTypes: row.identity_args ?? [],
    ...(kind === 'function' ? { returns: returnsTable ? 'record' : declaredReturn } : {}),
    language: row.language,
    digest,
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
