/**
 * Canonical text of a view's query, so that the query a migration writes (`CREATE VIEW v AS
 * SELECT ...`) and what PostgreSQL prints back (`pg_get_viewdef`) compare equal.
 *
 * PostgreSQL stores the analysed query and prints it back expanded, qualified and with the casts
 * its analyser added. The rules below undo those differences on both texts:
 * 1. `*` and `t.*` in a select list are expanded to the columns of the FROM items, in order (as
 *    `pg_get_viewdef` prints them). The columns of tables and views come from
 *    `options.relation`; a star over a relation it does not know stays a star.
 * 2. Relation names are schema-qualified by `options.relation` (the caller resolves an unqualified
 *    name through its `search_path`); CTE names stay as written; `pg_catalog.` is dropped.
 * 3. Column references lose their qualification (`u.id` -> `id`): PostgreSQL qualifies every column
 *    of a query with more than one range-table entry, a source rarely does. Relation aliases without
 *    column names go too (PostgreSQL invents `n_1` for a second reference to `n`).
 * 4. Output names: `SELECT count(*)` and `SELECT count(*) AS count` are one query (PostgreSQL adds
 *    the name `FigureColname` gives); a name equal to the one the expression would get is dropped,
 *    and so are the names in the later arms of `UNION` / `INTERSECT` / `EXCEPT` (the first arm's count).
 *    `options.columnNames` (`CREATE VIEW v (a, b) AS ...`) renames the outer select list first.
 * 5. `ORDER BY 2` / `GROUP BY 2` name the second output column's expression, as PostgreSQL prints it.
 * 6. `ORDER BY x ASC` == `ORDER BY x`, and `NULLS LAST` (ascending) / `NULLS FIRST` (descending) are dropped.
 * 7. Every expression is canonical by the rules of `normalizeExpression` (casts of literals, casts
 *    PostgreSQL adds to `varchar` columns, `IN` lists, `LIKE`, ...), with the column types of every
 *    relation the query reads as `columns` (a name two relations type differently is left out).
 *
 * NOTE: rule 3 makes `a.id = b.id` and `b.id = a.id` of a self-join, or a swap of two relations'
 * same-named columns, compare equal; the digest is a change detector, not a proof of equality.
 * Queries PostgreSQL rewrites further (`SELECT ... FROM a, b WHERE` join order, views over
 * functions returning records, `INSERT ... RETURNING` rules) stay different.
 *
 * @see https://www.postgresql.org/docs/16/functions-info.html#FUNCTIONS-INFO-CATALOG (pg_get_viewdef)
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/parser/parse_target.c (FigureColname)
 */
import type { Node } from 'libpg-query';
import {
  type AstObject,
  bodyOf,
  isObject,
  makeStringList,
  stringList,
  withoutLocations,
  wrap,
} from './ast.js';
import { GanderError } from './errors.js';
import { deparseCanonical, rewriteExpression } from './normalize-expression.js';
import type { NormalizeOptions } from './normalize-type.js';
import { parseSql } from './parser.js';
import { figureColname } from './query-names.js';

/** A relation a query reads, as `options.relation` describes it. */
export interface QueryRelation {
  readonly schema: string;
  readonly name: string;
  /** Columns in attnum order, with canonical types when known. */
  readonly columns: readonly { readonly name: string; readonly type?: string }[];
}

/** Options of {@link normalizeQuery}. */
export interface NormalizeQueryOptions extends Omit<NormalizeOptions, 'columns'> {
  /**
   * Finds a table or view named in a FROM clause: `schema` as written (`undefined` when
   * unqualified, to be resolved through the caller's `search_path`). Without it stars stay stars
   * and names stay as written.
   */
  readonly relation?: (schema: string | undefined, name: string) => QueryRelation | undefined;
  /** Output column names given to the view (`CREATE VIEW v (a, b)`), for the outer select list. */
  readonly columnNames?: readonly string[];
}

interface Scope {
  readonly ctes: ReadonlyMap<string, readonly string[] | undefined>;
  readonly options: NormalizeQueryOptions;
  /** Column types of every relation read (name -> type, `null` when two relations disagree). */
  readonly types: Map<string, string | null>;
}

interface FromItem {
  readonly alias: string;
  /** Output column names, `undefined` when unknown. */
  readonly columns: readonly string[] | undefined;
}

/**
 * Canonical text of a query (`SELECT`, `VALUES`, set operations, `WITH`) on one line; see the module
 * doc for the rules. `sql` is the query text (a trailing `;` allowed) or its libpg-query node (the
 * `query` of a `ViewStmt` or `CreateTableAsStmt`). Sync; requires `loadParser()` to have resolved.
 *
 * @throws GanderError `SQL_SYNTAX` when `sql` is not exactly one query.
 */
export function normalizeQuery(sql: string | Node, options: NormalizeQueryOptions = {}): string {
  const node = typeof sql === 'string' ? parseQuery(sql) : sql;
  const select = bodyOf(withoutLocations(node), 'SelectStmt');
  if (!select)
    throw new GanderError('SQL_SYNTAX', 'normalizeQuery: expected a SELECT, VALUES or set operation');
  const scope: Scope = { ctes: new Map(), options, types: new Map() };
  const structural = rewriteSelect(select, scope, options.columnNames);
  const columns = Object.fromEntries([...scope.types].filter((e): e is [string, string] => e[1] !== null));
  const exprOptions = {
    ...(options.defaultSchema !== undefined ? { defaultSchema: options.defaultSchema } : {}),
    columns,
  };
  const rewritten = rewriteExpression(wrap('SelectStmt', structural), exprOptions);
  return deparseCanonical(dropFiguredNames(rewritten) as Node, exprOptions);
}

function parseQuery(sql: string): Node {
  const stmts = parseSql(sql).stmts ?? [];
  const stmt = stmts.length === 1 ? stmts[0]?.stmt : undefined;
  if (!stmt || !bodyOf(stmt, 'SelectStmt')) {
    throw new GanderError('SQL_SYNTAX', `expected one query, found ${JSON.stringify(sql.slice(0, 80))}`);
  }
  return stmt;
}

/** Rules 1-5 on one SELECT level and, through {@link visit}, on every query nested in it. */
function rewriteSelect(select: AstObject, outer: Scope, columnNames?: readonly string[]): AstObject {
  const ctes = new Map(outer.ctes);
  const scope: Scope = { ...outer, ctes };
  const out: AstObject = { ...select };
  const withClause = select.withClause as AstObject | undefined;
  if (withClause && Array.isArray(withClause.ctes)) {
    const rewrittenCtes = withClause.ctes.map((cte) => {
      const body = bodyOf(cte, 'CommonTableExpr');
      if (!body) return cte;
      const name = body.ctename as string;
      if (withClause.recursive) ctes.set(name, undefined);
      const query = bodyOf(body.ctequery, 'SelectStmt');
      const rewritten = query ? rewriteSelect(query, scope) : undefined;
      const aliases = stringList(body.aliascolnames);
      ctes.set(name, aliases?.length ? aliases : rewritten ? outputNames(rewritten) : undefined);
      return wrap('CommonTableExpr', {
        ...body,
        ...(rewritten ? { ctequery: wrap('SelectStmt', rewritten) } : {}),
      });
    });
    out.withClause = { ...withClause, ctes: rewrittenCtes };
  }
  if (select.op && select.op !== 'SETOP_NONE') {
    out.larg = rewriteSelect(select.larg as AstObject, scope, columnNames);
    out.rarg = withoutNames(rewriteSelect(select.rarg as AstObject, scope));
    if (select.sortClause) out.sortClause = visit(select.sortClause, scope);
    return out;
  }
  const from = ((select.fromClause as unknown[] | undefined) ?? []).flatMap((item) => fromItems(item, scope));
  if (Array.isArray(select.targetList)) {
    const targets = expandTargets(select.targetList, from).map((target, i) => {
      const body = bodyOf(target, 'ResTarget') ?? {};
      const name =
        columnNames?.[i] ?? (body.name as string | undefined) ?? figureColname(body.val) ?? '?column?';
      return wrap('ResTarget', { ...body, name });
    });
    out.targetList = targets;
    if (select.sortClause)
      out.sortClause = (select.sortClause as unknown[]).map((s) => ordinalSort(s, targets));
    if (select.groupClause)
      out.groupClause = (select.groupClause as unknown[]).map((g) => ordinal(g, targets));
  }
  for (const key of Object.keys(out)) {
    if (key !== 'withClause' && key !== 'larg' && key !== 'rarg') out[key] = visit(out[key], scope);
  }
  return out;
}

/** A set operation's later arm: its output names are the first arm's, whatever it says (PostgreSQL prints them). */
function withoutNames(select: AstObject): AstObject {
  if (select.op && select.op !== 'SETOP_NONE') {
    return {
      ...select,
      larg: withoutNames(select.larg as AstObject),
      rarg: withoutNames(select.rarg as AstObject),
    };
  }
  if (!Array.isArray(select.targetList)) return select;
  const targetList = select.targetList.map((t) => {
    const body = bodyOf(t, 'ResTarget') ?? {};
    return wrap('ResTarget', without(body, 'name'));
  });
  return { ...select, targetList };
}

/** The output names of a rewritten SELECT (every target carries its name after {@link rewriteSelect}). */
function outputNames(select: AstObject): string[] {
  if (select.op && select.op !== 'SETOP_NONE') return outputNames(select.larg as AstObject);
  if (Array.isArray(select.valuesLists)) {
    const first = bodyOf(select.valuesLists[0], 'List')?.items as unknown[] | undefined;
    return (first ?? []).map((_, i) => `column${i + 1}`);
  }
  return ((select.targetList as unknown[] | undefined) ?? []).map(
    (t) => (bodyOf(t, 'ResTarget')?.name as string) ?? '?column?',
  );
}

/** Rules 2 and 3 everywhere, and {@link rewriteSelect} on nested queries (sub-links, FROM subqueries). */
function visit(value: unknown, scope: Scope): unknown {
  if (Array.isArray(value)) return value.map((v) => visit(v, scope));
  if (!isObject(value)) return value;
  const select = bodyOf(value, 'SelectStmt');
  if (select) return wrap('SelectStmt', rewriteSelect(select, scope));
  const ref = bodyOf(value, 'ColumnRef');
  if (ref && Array.isArray(ref.fields) && ref.fields.length > 1 && !bodyOf(ref.fields.at(-1), 'A_Star')) {
    return wrap('ColumnRef', { ...ref, fields: [ref.fields.at(-1)] });
  }
  const rv = bodyOf(value, 'RangeVar');
  if (rv) return wrap('RangeVar', canonicalRangeVar(rv, scope));
  const sort = bodyOf(value, 'SortBy');
  if (sort) return wrap('SortBy', { ...canonicalSort(sort), node: visit(sort.node, scope) });
  const out: AstObject = {};
  for (const [key, v] of Object.entries(value)) out[key] = visit(v, scope);
  return out;
}

/** Rule 2, and a relation's alias without column names dropped (rule 3 left nothing that uses it). */
function canonicalRangeVar(written: AstObject, scope: Scope): AstObject {
  const alias = written.alias as AstObject | undefined;
  const rv = alias && !alias.colnames ? without(written, 'alias') : written;
  const schema = rv.schemaname as string | undefined;
  const name = rv.relname as string;
  if (schema === undefined && scope.ctes.has(name)) return rv;
  const found = scope.options.relation?.(schema, name);
  if (found) return { ...rv, schemaname: found.schema, relname: found.name };
  return schema === 'pg_catalog' ? without(rv, 'schemaname') : rv;
}

/** Rule 6: `ASC` and the default `NULLS` placement (`LAST` for ascending, `FIRST` for descending) are the defaults. */
function canonicalSort(sort: AstObject): AstObject {
  const descending = sort.sortby_dir === 'SORTBY_DESC';
  const dir = sort.sortby_dir === 'SORTBY_ASC' ? 'SORTBY_DEFAULT' : sort.sortby_dir;
  const nullsDefault = sort.sortby_nulls === (descending ? 'SORTBY_NULLS_FIRST' : 'SORTBY_NULLS_LAST');
  return {
    ...sort,
    sortby_dir: dir,
    sortby_nulls: nullsDefault ? 'SORTBY_NULLS_DEFAULT' : sort.sortby_nulls,
  };
}

function without(body: AstObject, key: string): AstObject {
  return Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
}

/** Columns of one FROM item, recording the column types the relation brings. */
function fromItems(item: unknown, scope: Scope): FromItem[] {
  const rv = bodyOf(item, 'RangeVar');
  if (rv) {
    const name = rv.relname as string;
    const alias = rv.alias as AstObject | undefined;
    const aliasColumns = stringList(alias?.colnames) ?? [];
    let columns: readonly string[] | undefined;
    if (rv.schemaname === undefined && scope.ctes.has(name)) columns = scope.ctes.get(name);
    else {
      const found = scope.options.relation?.(rv.schemaname as string | undefined, name);
      for (const c of found?.columns ?? []) {
        if (c.type === undefined) continue;
        const seen = scope.types.get(c.name);
        scope.types.set(c.name, seen === undefined || seen === c.type ? c.type : null);
      }
      columns = found?.columns.map((c) => c.name);
    }
    return [
      {
        alias: (alias?.aliasname as string | undefined) ?? name,
        columns: columns?.map((c, i) => aliasColumns[i] ?? c),
      },
    ];
  }
  const sub = bodyOf(item, 'RangeSubselect');
  if (sub) {
    const alias = sub.alias as AstObject | undefined;
    const aliasColumns = stringList(alias?.colnames) ?? [];
    const query = bodyOf(sub.subquery, 'SelectStmt');
    const columns = query ? outputNames(rewriteSelect(query, scope)) : undefined;
    return [
      {
        alias: (alias?.aliasname as string | undefined) ?? '',
        columns: columns?.map((c, i) => aliasColumns[i] ?? c),
      },
    ];
  }
  const join = bodyOf(item, 'JoinExpr');
  if (join) {
    const left = fromItems(join.larg, scope);
    const right = fromItems(join.rarg, scope);
    const using = stringList(join.usingClause) ?? [];
    if (using.length === 0 && !join.isNatural) return [...left, ...right];
    const strip = (x: FromItem): FromItem => ({
      ...x,
      columns: x.columns?.filter((c) => !using.includes(c)),
    });
    return [{ alias: '', columns: using }, ...left.map(strip), ...right.map(strip)];
  }
  const other = isObject(item) ? Object.values(item)[0] : undefined;
  const alias =
    isObject(other) && isObject(other.alias) ? (other.alias.aliasname as string | undefined) : undefined;
  return [{ alias: alias ?? '', columns: undefined }];
}

/** Rule 1: `*` and `t.*` replaced by one target per column, when the columns are known. */
function expandTargets(targets: readonly unknown[], from: readonly FromItem[]): unknown[] {
  const out: unknown[] = [];
  for (const target of targets) {
    const ref = bodyOf(bodyOf(target, 'ResTarget')?.val, 'ColumnRef');
    const fields = ref?.fields as unknown[] | undefined;
    if (!fields || !bodyOf(fields.at(-1), 'A_Star')) {
      out.push(target);
      continue;
    }
    const qualifier = fields.length > 1 ? stringList(fields.slice(0, -1))?.at(-1) : undefined;
    const items = from.filter((f) => qualifier === undefined || f.alias === qualifier);
    if (items.length === 0 || items.some((f) => f.columns === undefined)) {
      out.push(target);
      continue;
    }
    for (const item of items) {
      for (const column of item.columns ?? []) {
        out.push(
          wrap('ResTarget', { name: column, val: wrap('ColumnRef', { fields: makeStringList([column]) }) }),
        );
      }
    }
  }
  return out;
}

/** Rule 5 for one `GROUP BY` item: an integer constant is the expression of that output column. */
function ordinal(item: unknown, targets: readonly unknown[]): unknown {
  const ival = bodyOf(item, 'A_Const')?.ival as AstObject | undefined;
  if (!ival) return item;
  const n = typeof ival.ival === 'number' ? ival.ival : 0;
  const target = bodyOf(targets[n - 1], 'ResTarget');
  return target?.val ?? item;
}

function ordinalSort(item: unknown, targets: readonly unknown[]): unknown {
  const sort = bodyOf(item, 'SortBy');
  return sort ? wrap('SortBy', { ...sort, node: ordinal(sort.node, targets) }) : item;
}

/** Rule 4: drops every output name equal to the name PostgreSQL would figure for the canonical expression. */
function dropFiguredNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropFiguredNames);
  if (!isObject(value)) return value;
  const out: AstObject = {};
  for (const [key, v] of Object.entries(value)) out[key] = dropFiguredNames(v);
  const target = bodyOf(out, 'ResTarget');
  if (
    target &&
    target.val !== undefined &&
    target.name !== undefined &&
    target.name === (figureColname(target.val) ?? '?column?')
  ) {
    return wrap('ResTarget', without(target, 'name'));
  }
  return out;
}
