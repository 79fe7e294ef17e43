import type { Column, SourceSpan } from '@gander/schema';
import type { ColumnDef, Constraint, Node } from 'libpg-query';
import { as, strs } from './ast.js';
import { canonicalDefault, canonicalExpr, canonicalType, nextvalDefault, serialType } from './canonical.js';
import type { PendingConstraint } from './constraints.js';
import { chooseRelationName } from './names.js';
import { buildSequence, readSequenceOptions } from './sequences.js';
import { type FoldState, key, type TableState } from './state.js';

const ATTRIBUTE_KINDS = new Set([
  'CONSTR_ATTR_DEFERRABLE',
  'CONSTR_ATTR_NOT_DEFERRABLE',
  'CONSTR_ATTR_DEFERRED',
  'CONSTR_ATTR_IMMEDIATE',
]);

/**
 * Builds a column from its definition, creating the sequence of a serial or identity column, and
 * returns its table-level constraint clauses (PRIMARY KEY, UNIQUE, CHECK, REFERENCES) for
 * `addConstraints`. `DEFERRABLE`/`INITIALLY ...` clauses are folded into the constraint before them.
 */
export function buildColumn(
  state: FoldState,
  table: TableState,
  def: ColumnDef,
): { column: Column; pending: PendingConstraint[] } {
  const name = def.colname ?? '';
  const serial = serialType(def.typeName);
  const span = state.at(def.location);
  let column: Column = {
    name,
    type: serial ? serial : def.typeName ? canonicalType(state, def.typeName) : 'unknown',
    notNull: false,
    ...(def.collClause ? { collation: lastName(def.collClause.collname) } : {}),
    span,
  };
  if (serial) {
    const seqName = chooseRelationName(state, table.schema, table.name, name, 'seq', false);
    state.sequences.set(key(table.schema, seqName), {
      ...buildSequence(table.schema, seqName, { type: column.type }),
      ownedBy: { schema: table.schema, table: table.name, column: name },
      span,
    });
    column = { ...column, notNull: true, default: nextvalDefault(state, table.schema, seqName) };
  }
  const pending: PendingConstraint[] = [];
  for (const node of def.constraints ?? []) {
    const c = as<Constraint>(node, 'Constraint');
    if (!c) continue;
    if (ATTRIBUTE_KINDS.has(c.contype ?? '')) {
      const last = pending[pending.length - 1];
      if (last) pending[pending.length - 1] = { ...last, node: withAttribute(last.node, c.contype ?? '') };
      continue;
    }
    column = applyColumnConstraint(state, table, column, c, pending);
  }
  if (def.raw_default) column = withDefault(column, canonicalDefault(state, def.raw_default));
  return { column, pending };
}

/**
 * The column with `text` (canonical) as its default. `NULL` (also `NULL::t`) removes the default,
 * as PostgreSQL stores no `pg_attrdef` row for a null constant (`AddRelationNewConstraints`).
 *
 * NOTE: PostgreSQL does store `DEFAULT NULL` of a column of a domain type (the expression is a
 * `CoerceToDomain` there); the fold drops it too.
 */
export function withDefault(column: Column, text: string): Column {
  const { default: _old, ...rest } = column;
  return text === 'NULL' ? rest : { ...rest, default: text };
}

function lastName(names: readonly Node[] | undefined): string {
  const parts = strs(names);
  return parts[parts.length - 1] ?? '';
}

function withAttribute(c: Constraint, attribute: string): Constraint {
  switch (attribute) {
    case 'CONSTR_ATTR_DEFERRABLE':
      return { ...c, deferrable: true };
    case 'CONSTR_ATTR_NOT_DEFERRABLE':
      return { ...c, deferrable: false };
    case 'CONSTR_ATTR_DEFERRED':
      return { ...c, initdeferred: true, deferrable: true };
    default:
      return { ...c, initdeferred: false };
  }
}

/** Applies one column constraint clause to the column (or queues it as a table constraint). */
export function applyColumnConstraint(
  state: FoldState,
  table: TableState,
  column: Column,
  c: Constraint,
  pending: PendingConstraint[],
): Column {
  switch (c.contype) {
    case 'CONSTR_NOTNULL':
      return { ...column, notNull: true };
    case 'CONSTR_NULL':
      return { ...column, notNull: false };
    case 'CONSTR_DEFAULT':
      return c.raw_expr ? withDefault(column, canonicalDefault(state, c.raw_expr)) : column;
    case 'CONSTR_GENERATED':
      return c.raw_expr ? { ...column, generated: canonicalExpr(state, c.raw_expr) } : column;
    case 'CONSTR_IDENTITY':
      return addIdentity(state, table, column, c, column.span ?? state.span);
    case 'CONSTR_PRIMARY':
      pending.push({ node: c, column: column.name });
      return { ...column, notNull: true };
    case 'CONSTR_UNIQUE':
    case 'CONSTR_CHECK':
    case 'CONSTR_FOREIGN':
    case 'CONSTR_EXCLUSION':
      pending.push({ node: c, column: column.name });
      return column;
    default:
      return column;
  }
}

/**
 * Makes a column an identity column, creating its sequence (`<table>_<column>_seq` unless named)
 * with `span` (the text that made it: the column definition, the `LIKE`, the `ALTER` action).
 */
export function addIdentity(
  state: FoldState,
  table: TableState,
  column: Column,
  c: Constraint,
  span: SourceSpan,
): Column {
  const options = readSequenceOptions(state, c.options);
  const schema = options.name?.schema ?? table.schema;
  const seqName =
    options.name?.name ?? chooseRelationName(state, table.schema, table.name, column.name, 'seq', false);
  state.sequences.set(key(schema, seqName), {
    ...buildSequence(schema, seqName, { ...options, type: column.type }),
    ownedBy: { schema: table.schema, table: table.name, column: column.name },
    span,
  });
  const { default: _none, ...rest } = column;
  return { ...rest, notNull: true, identity: c.generated_when === 'a' ? 'always' : 'by default' };
}
