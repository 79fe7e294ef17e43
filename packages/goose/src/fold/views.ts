import { figureColname, type QueryRelation, viewDigest } from '@gander/schema';
import type { CreateTableAsStmt, Node, RangeVar, ResTarget, SelectStmt, ViewStmt } from 'libpg-query';
import { as, nodeType, rangeVar, strs, walk } from './ast.js';
import { type FoldState, key, type ViewState } from './state.js';

/**
 * `CREATE [OR REPLACE] VIEW` and `CREATE MATERIALIZED VIEW`: name, output column names (aliases,
 * or the select list with `*` expanded from the folded tables), the relations it reads (for
 * `DROP ... CASCADE`) and the digest of the canonical query (`viewDigest`, the same on every side).
 *
 * @see https://www.postgresql.org/docs/16/sql-createview.html
 */
export function createView(state: FoldState, stmt: ViewStmt, text: string): void {
  if (stmt.view?.relpersistence === 't') return;
  const target = rangeVar(stmt.view);
  define(state, target, stmt.query, strs(stmt.aliases), false, text);
}

/** `CREATE MATERIALIZED VIEW [IF NOT EXISTS] name [(cols)] AS query [WITH [NO] DATA]`. */
export function createMaterializedView(state: FoldState, stmt: CreateTableAsStmt, text: string): void {
  const target = rangeVar(stmt.into?.rel);
  const schema = target.schema ?? state.creationSchema();
  if (stmt.if_not_exists && state.views.has(key(schema, target.name))) return;
  define(state, target, stmt.query, strs(stmt.into?.colNames), true, text);
}

function define(
  state: FoldState,
  target: { schema?: string; name: string },
  query: Node | undefined,
  aliases: string[],
  materialized: boolean,
  text: string,
): void {
  const schema = target.schema ?? state.creationSchema();
  const k = key(schema, target.name);
  const derived = outputColumns(state, query, new Map());
  const columns = derived.map((c, i) => aliases[i] ?? c);
  const previous = state.views.get(k);
  const view: ViewState = {
    schema,
    name: target.name,
    materialized,
    digest: query ? queryDigest(state, query, aliases) : viewDigest(text),
    columns,
    indexes: previous?.indexes ?? [],
    ...(previous?.comment !== undefined ? { comment: previous.comment } : {}),
    span: state.span,
  };
  state.views.set(k, view);
  const deps = new Set<string>();
  const mentioned = new Set<string>();
  let star = false;
  walk(query, (type, payload) => {
    if (type === 'ColumnRef') {
      const fields = (payload as { fields?: Node[] }).fields ?? [];
      const last = fields[fields.length - 1];
      if (last && nodeType(last) === 'A_Star') star = true;
      else mentioned.add(strs(fields).pop() ?? '');
    }
    if (type !== 'RangeVar') return;
    const ref = rangeVar(payload as RangeVar);
    const found = state.resolve(ref.schema, ref.name, (x) => state.tables.has(x) || state.views.has(x));
    if (found) deps.add(key(found.schema, found.name));
  });
  if (star) for (const d of deps) for (const c of state.tables.get(d)?.columns ?? []) mentioned.add(c.name);
  state.viewDependencies.set(k, deps);
  state.viewColumns.set(k, mentioned);
}

/**
 * The view digest of `@gander/schema` (`normalizeQuery` with the folded relations' columns, so `*`
 * expands as PostgreSQL expands it when the view is created).
 */
function queryDigest(state: FoldState, query: Node, aliases: readonly string[]): string {
  const relation = (schema: string | undefined, name: string): QueryRelation | undefined => {
    const table = state.table(schema, name);
    if (table) return { schema: table.schema, name: table.name, columns: table.columns };
    const found = state.resolve(schema, name, (x) => state.views.has(x));
    const view = found ? state.views.get(key(found.schema, found.name)) : undefined;
    return view
      ? { schema: view.schema, name: view.name, columns: view.columns.map((c) => ({ name: c })) }
      : undefined;
  };
  return viewDigest(query, {
    defaultSchema: state.defaultSchema,
    relation,
    ...(aliases.length > 0 ? { columnNames: aliases } : {}),
  });
}

/** Columns of a relation by name (table or view), through the search path. */
function relationColumns(state: FoldState, rv: RangeVar): string[] {
  const ref = rangeVar(rv);
  const table = state.table(ref.schema, ref.name);
  if (table) return table.columns.map((c) => c.name);
  const found = state.resolve(ref.schema, ref.name, (x) => state.views.has(x));
  return found ? (state.views.get(key(found.schema, found.name))?.columns ?? []) : [];
}

/** Output column names of a query (`*` and `t.*` expanded from FROM items). */
export function outputColumns(
  state: FoldState,
  query: Node | undefined,
  ctes: Map<string, string[]>,
): string[] {
  const select = as<SelectStmt>(query, 'SelectStmt');
  if (!select) return [];
  const scope = new Map(ctes);
  for (const cte of select.withClause?.ctes ?? []) {
    const c = as<{ ctename?: string; aliascolnames?: Node[]; ctequery?: Node }>(cte, 'CommonTableExpr');
    if (c?.ctename)
      scope.set(
        c.ctename,
        c.aliascolnames?.length ? strs(c.aliascolnames) : outputColumns(state, c.ctequery, scope),
      );
  }
  if (select.op && select.op !== 'SETOP_NONE')
    return outputColumns(state, { SelectStmt: select.larg ?? {} } as Node, scope);
  if (select.valuesLists?.length) {
    const first = as<{ items?: Node[] }>(select.valuesLists[0], 'List')?.items ?? [];
    return first.map((_, i) => `column${i + 1}`);
  }
  const from = fromItems(state, select.fromClause ?? [], scope);
  const out: string[] = [];
  for (const node of select.targetList ?? []) {
    const target = as<ResTarget>(node, 'ResTarget');
    if (!target) continue;
    const ref = as<{ fields?: Node[] }>(target.val, 'ColumnRef');
    const last = ref?.fields?.[ref.fields.length - 1];
    if (ref && last && nodeType(last) === 'A_Star') {
      const qualifier = strs(ref.fields).pop();
      for (const item of from)
        if (qualifier === undefined || item.alias === qualifier) out.push(...item.columns);
      continue;
    }
    out.push(target.name ?? figureColname(target.val) ?? '?column?');
  }
  return out;
}

function fromItems(
  state: FoldState,
  items: readonly Node[],
  ctes: Map<string, string[]>,
): { alias: string; columns: string[] }[] {
  const out: { alias: string; columns: string[] }[] = [];
  for (const item of items) {
    const rv = as<RangeVar>(item, 'RangeVar');
    if (rv) {
      const aliasCols = strs(rv.alias?.colnames);
      const base =
        !rv.schemaname && ctes.has(rv.relname ?? '')
          ? (ctes.get(rv.relname ?? '') as string[])
          : relationColumns(state, rv);
      out.push({
        alias: rv.alias?.aliasname ?? rv.relname ?? '',
        columns: base.map((c, i) => aliasCols[i] ?? c),
      });
      continue;
    }
    const sub = as<{ subquery?: Node; alias?: { aliasname?: string; colnames?: Node[] } }>(
      item,
      'RangeSubselect',
    );
    if (sub) {
      const aliasCols = strs(sub.alias?.colnames);
      const cols = outputColumns(state, sub.subquery, ctes);
      out.push({ alias: sub.alias?.aliasname ?? '', columns: cols.map((c, i) => aliasCols[i] ?? c) });
      continue;
    }
    const join = as<{ larg?: Node; rarg?: Node; usingClause?: Node[] }>(item, 'JoinExpr');
    if (join) {
      const left = fromItems(state, join.larg ? [join.larg] : [], ctes);
      const right = fromItems(state, join.rarg ? [join.rarg] : [], ctes);
      const using = strs(join.usingClause);
      if (using.length) {
        const strip = (x: { alias: string; columns: string[] }) => ({
          ...x,
          columns: x.columns.filter((c) => !using.includes(c)),
        });
        out.push({ alias: '', columns: using }, ...left.map(strip), ...right.map(strip));
      } else out.push(...left, ...right);
      continue;
    }
    const fn = as<{ alias?: { aliasname?: string; colnames?: Node[] }; functions?: Node[] }>(
      item,
      'RangeFunction',
    );
    if (fn) {
      const named = strs(fn.alias?.colnames);
      out.push({
        alias: fn.alias?.aliasname ?? '',
        columns: named.length ? named : [fn.alias?.aliasname ?? 'unknown'],
      });
    }
  }
  return out;
}
