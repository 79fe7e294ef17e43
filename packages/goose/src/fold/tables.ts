import type { Column, Index, Constraint as ModelConstraint } from '@gander/schema';
import { quoteIdentifier as quoteIdent } from '@gander/schema';
import type {
  ColumnDef,
  Constraint,
  CreateStmt,
  Node,
  PartitionBoundSpec,
  PartitionElem,
  RangeVar,
  TableLikeClause,
} from 'libpg-query';
import { as, nodeType, numberText, rangeVar, strs } from './ast.js';
import { canonicalExpr } from './canonical.js';
import { addIdentity, buildColumn } from './columns.js';
import { addConstraints, type PendingConstraint } from './constraints.js';
import { chooseRelationName, indexColumnNames, nameAddition } from './names.js';
import { boundLiteral, keyColumns } from './partition-bounds.js';
import { cloneIndexesToPartition } from './partitions.js';
import { type FoldState, key, type TableState } from './state.js';

const LIKE_COMMENTS = 1 << 0;
const LIKE_CONSTRAINTS = 1 << 2;
const LIKE_DEFAULTS = 1 << 3;
const LIKE_GENERATED = 1 << 4;
const LIKE_IDENTITY = 1 << 5;
const LIKE_INDEXES = 1 << 6;

/**
 * `CREATE TABLE`: columns (serial, identity, generated), every column and table constraint form,
 * `LIKE`, `INHERITS`, `PARTITION BY` and `PARTITION OF`. Temporary tables are ignored; an existing
 * table with `IF NOT EXISTS` is left as it is.
 *
 * @see https://www.postgresql.org/docs/16/sql-createtable.html
 */
export function createTable(state: FoldState, stmt: CreateStmt): void {
  if (stmt.relation?.relpersistence === 't') return;
  const target = rangeVar(stmt.relation);
  const schema = target.schema ?? state.creationSchema();
  const k = key(schema, target.name);
  if (state.tables.has(k) || state.views.has(k)) return;
  const table: TableState = {
    schema,
    name: target.name,
    kind: stmt.partspec ? 'partitioned table' : 'table',
    inherits: [],
    columns: [],
    constraints: [],
    indexes: [],
    triggers: [],
    span: state.span,
  };
  const pending: PendingConstraint[] = [];
  let parentForPartition: TableState | undefined;
  if (stmt.partbound && stmt.inhRelations?.length) {
    const parentNode = as<RangeVar>(stmt.inhRelations[0], 'RangeVar');
    const parentRef = rangeVar(parentNode);
    parentForPartition = state.table(parentRef.schema, parentRef.name);
    if (parentForPartition) {
      table.partitionOf = {
        schema: parentForPartition.schema,
        name: parentForPartition.name,
        bound: partitionBound(state, stmt.partbound, parentForPartition),
      };
      // the parent's columns, placed at the parent's name after PARTITION OF
      const span = state.at(parentNode?.location);
      table.columns = parentForPartition.columns.map(({ identity: _i, comment: _c, ...c }) => ({
        ...c,
        span,
      }));
      table.constraints = inheritedChecks(parentForPartition).concat(
        parentForPartition.constraints.filter((c) => c.kind === 'foreign key'),
      );
    }
  } else {
    for (const node of stmt.inhRelations ?? []) {
      const parentNode = as<RangeVar>(node, 'RangeVar');
      const parentRef = rangeVar(parentNode);
      const parent = state.table(parentRef.schema, parentRef.name);
      if (!parent) continue;
      // inherited columns are placed at the parent's name in INHERITS (...)
      const span = state.at(parentNode?.location);
      table.inherits.push({ schema: parent.schema, name: parent.name });
      for (const c of parent.columns) {
        const same = table.columns.findIndex((x) => x.name === c.name);
        if (same >= 0) {
          // MergeAttributes: a column several parents share is NOT NULL when any parent's is.
          const merged = table.columns[same] as Column;
          if (c.notNull && !merged.notNull) table.columns[same] = { ...merged, notNull: true };
          continue;
        }
        const { identity: _i, comment: _c, ...rest } = c;
        table.columns.push({ ...rest, span });
      }
      for (const c of inheritedChecks(parent))
        if (!table.constraints.some((x) => x.name === c.name)) table.constraints.push(c);
    }
  }
  state.tables.set(k, table);
  for (const element of stmt.tableElts ?? []) {
    const def = as<ColumnDef>(element, 'ColumnDef');
    if (def) {
      addColumn(state, table, def, pending);
      continue;
    }
    const constraint = as<Constraint>(element, 'Constraint');
    if (constraint) {
      pending.push({ node: constraint });
      continue;
    }
    const like = as<TableLikeClause>(element, 'TableLikeClause');
    if (like) copyLike(state, table, like);
  }
  if (stmt.partspec)
    table.partitionKey = partitionKey(state, stmt.partspec.strategy, stmt.partspec.partParams);
  addConstraints(state, table, pending, { creating: true });
  if (parentForPartition) cloneIndexesToPartition(state, parentForPartition, table);
}

function inheritedChecks(parent: TableState): ModelConstraint[] {
  return parent.constraints.filter((c) => c.kind === 'check' && !c.noInherit);
}

function addColumn(state: FoldState, table: TableState, def: ColumnDef, pending: PendingConstraint[]): void {
  const { column, pending: own } = buildColumn(state, table, def);
  pending.push(...own);
  const existing = table.columns.findIndex((c) => c.name === column.name);
  if (existing < 0) {
    table.columns.push(column);
    return;
  }
  const merged: Column = {
    ...(table.columns[existing] as Column),
    notNull: (table.columns[existing] as Column).notNull || column.notNull,
    ...(column.default !== undefined ? { default: column.default } : {}),
    ...(column.generated !== undefined ? { generated: column.generated } : {}),
    ...(column.identity !== undefined ? { identity: column.identity } : {}),
    ...(column.span !== undefined ? { span: column.span } : {}),
  };
  table.columns[existing] = merged;
}

function copyLike(state: FoldState, table: TableState, like: TableLikeClause): void {
  const ref = rangeVar(like.relation);
  const source = state.table(ref.schema, ref.name);
  if (!source) return;
  const options = like.options ?? 0;
  // what LIKE copies is placed at the source table's name in the LIKE clause
  const span = state.at(like.relation?.location);
  for (const c of source.columns) {
    let column: Column = { name: c.name, type: c.type, notNull: c.notNull, span };
    if (c.collation !== undefined) column = { ...column, collation: c.collation };
    if (options & LIKE_DEFAULTS && c.default !== undefined) column = { ...column, default: c.default };
    if (options & LIKE_GENERATED && c.generated !== undefined) column = { ...column, generated: c.generated };
    if (options & LIKE_COMMENTS && c.comment !== undefined) column = { ...column, comment: c.comment };
    if (options & LIKE_IDENTITY && c.identity !== undefined) {
      column = addIdentity(
        state,
        table,
        column,
        { contype: 'CONSTR_IDENTITY', generated_when: c.identity === 'always' ? 'a' : 'd' },
        span,
      );
    }
    table.columns.push(column);
  }
  if (options & LIKE_CONSTRAINTS) {
    for (const c of source.constraints) if (c.kind === 'check') table.constraints.push({ ...c, span });
  }
  if (options & LIKE_INDEXES) {
    for (const c of source.constraints) {
      if (c.kind === 'primary key') {
        table.constraints.push({
          ...c,
          name: chooseRelationName(state, table.schema, table.name, undefined, 'pkey', true),
          span,
        });
      } else if (c.kind === 'unique') {
        const name = chooseRelationName(
          state,
          table.schema,
          table.name,
          nameAddition(indexColumnNames(c.columns)),
          'key',
          true,
        );
        table.constraints.push({ ...c, name, span });
      } else if (c.kind === 'exclusion') {
        const cols = c.elements.map((e) => e.key.column ?? 'expr');
        const name = chooseRelationName(
          state,
          table.schema,
          table.name,
          nameAddition(indexColumnNames(cols)),
          'excl',
          true,
        );
        table.constraints.push({ ...c, name, span });
      }
    }
    for (const index of source.indexes) {
      const cols = index.keys.map((k) => k.column ?? 'expr');
      const name = chooseRelationName(
        state,
        table.schema,
        table.name,
        nameAddition(indexColumnNames(cols)),
        'idx',
        false,
      );
      const copy: Index = { ...index, name, span };
      if (options & LIKE_COMMENTS) table.indexes.push(copy);
      else {
        const { comment: _c, ...rest } = copy;
        table.indexes.push(rest);
      }
    }
  }
}

/**
 * An expression of a partition key as `pg_get_partkeydef` prints it: in parentheses unless it looks
 * like a function call (`looks_like_function` in ruleutils.c: `lower(x)`, `coalesce(a, b)`).
 */
function keyExpression(state: FoldState, expr: Node): string {
  const text = canonicalExpr(state, expr);
  const type = nodeType(expr);
  return ['FuncCall', 'CoalesceExpr', 'MinMaxExpr', 'SQLValueFunction'].includes(type) ? text : `(${text})`;
}

/** `pg_get_partkeydef` text of a partition key: `RANGE (created_at)`, `LIST (lower(x))`, `RANGE ((a + 1))`. */
export function partitionKey(
  state: FoldState,
  strategy: string | undefined,
  params: readonly Node[] | undefined,
): string {
  const kind = (strategy ?? '').replace('PARTITION_STRATEGY_', '');
  const elems = (params ?? []).map((n) => {
    const p = as<PartitionElem>(n, 'PartitionElem') ?? {};
    let text = p.name !== undefined ? quoteIdent(p.name) : p.expr ? keyExpression(state, p.expr) : '';
    const collation = strs(p.collation);
    if (collation.length) text += ` COLLATE ${quoteIdent(collation[collation.length - 1] as string)}`;
    const opclass = strs(p.opclass);
    if (opclass.length) text += ` ${opclass[opclass.length - 1]}`;
    return text;
  });
  return `${kind} (${elems.join(', ')})`;
}

/** `pg_get_expr(relpartbound)` text of a partition bound, string values printed for the key column's type (`boundLiteral`). */
export function partitionBound(state: FoldState, bound: PartitionBoundSpec, parent: TableState): string {
  if (bound.is_default) return 'DEFAULT';
  const keyTypes = keyColumns(parent.partitionKey).map(
    (name) => parent.columns.find((c) => c.name === name)?.type,
  );
  const value = (n: Node, i?: number): string => {
    const c = as<{ sval?: { sval?: string }; isnull?: boolean }>(n, 'A_Const');
    if (c?.sval) return boundLiteral(c.sval.sval ?? '', keyTypes[i ?? 0]);
    if (c?.isnull) return 'NULL';
    const num = numberText(n);
    if (num !== undefined) return num;
    const ref = strs(as<{ fields?: Node[] }>(n, 'ColumnRef')?.fields);
    if (ref.length === 1 && (ref[0] === 'minvalue' || ref[0] === 'maxvalue'))
      return (ref[0] as string).toUpperCase();
    return canonicalExpr(state, n);
  };
  switch (bound.strategy) {
    case 'l':
      return `FOR VALUES IN (${(bound.listdatums ?? []).map((n) => value(n, 0)).join(', ')})`;
    case 'h':
      return `FOR VALUES WITH (modulus ${bound.modulus ?? 0}, remainder ${bound.remainder ?? 0})`;
    default:
      return `FOR VALUES FROM (${(bound.lowerdatums ?? []).map((n, i) => value(n, i)).join(', ')}) TO (${(bound.upperdatums ?? []).map((n, i) => value(n, i)).join(', ')})`;
  }
}
