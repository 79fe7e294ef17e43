import type { Constraint } from '@gander/schema';
import { type FoldState, key, type TableState, type ViewState } from './state.js';

/** Whether a canonical expression mentions a column name as an identifier. */
export function mentions(expression: string | undefined, column: string): boolean {
  if (expression === undefined) return false;
  const quoted = `"${column.replace(/"/g, '""')}"`;
  if (expression.includes(quoted)) return true;
  return new RegExp(`(^|[^A-Za-z0-9_$".])${column.replace(/[$]/g, '\\$')}($|[^A-Za-z0-9_$"(])`).test(
    expression,
  );
}

function constraintUses(c: Constraint, column: string): boolean {
  switch (c.kind) {
    case 'primary key':
    case 'unique':
      return c.columns.includes(column) || c.include.includes(column);
    case 'foreign key':
      return c.columns.includes(column);
    case 'check':
      return mentions(c.expression, column);
    case 'exclusion':
      return (
        c.elements.some((e) => e.key.column === column || mentions(e.key.expression, column)) ||
        mentions(c.predicate, column)
      );
  }
}

/**
 * `DROP COLUMN`: removes the column, the indexes and constraints that use it, foreign keys of other
 * tables that reference it, the sequence it owns, its triggers' `UPDATE OF` entries and the views
 * that read it (by name, so a view reading a same-named column of another relation goes too).
 */
export function dropColumn(state: FoldState, table: TableState, column: string): void {
  if (!table.columns.some((c) => c.name === column)) return;
  table.columns = table.columns.filter((c) => c.name !== column);
  const dropped = table.constraints.filter((c) => constraintUses(c, column));
  table.constraints = table.constraints.filter((c) => !dropped.includes(c));
  table.indexes = table.indexes.filter(
    (i) =>
      !i.keys.some((k) => k.column === column || mentions(k.expression, column)) &&
      !i.include.includes(column) &&
      !mentions(i.predicate, column),
  );
  for (const c of dropped) dropReferencingForeignKeys(state, table, c);
  for (const other of state.tables.values()) {
    other.constraints = other.constraints.filter(
      (c) =>
        !(
          c.kind === 'foreign key' &&
          c.references.schema === table.schema &&
          c.references.name === table.name &&
          c.references.columns.includes(column)
        ),
    );
  }
  dropOwnedSequences(state, table, column);
  table.triggers = table.triggers.filter((t) => !t.updateColumns?.includes(column));
  const relation = key(table.schema, table.name);
  for (const [k, deps] of state.viewDependencies) {
    const view = state.views.get(k);
    if (view && deps.has(relation) && state.viewColumns.get(k)?.has(column)) dropView(state, view);
  }
}

/** Drops foreign keys that depend on a dropped primary key / unique constraint of `table`. */
function dropReferencingForeignKeys(state: FoldState, table: TableState, c: Constraint): void {
  if (c.kind !== 'primary key' && c.kind !== 'unique') return;
  const cols = [...c.columns].sort().join('\u0000');
  for (const other of state.tables.values()) {
    other.constraints = other.constraints.filter(
      (fk) =>
        !(
          fk.kind === 'foreign key' &&
          fk.references.schema === table.schema &&
          fk.references.name === table.name &&
          [...fk.references.columns].sort().join('\u0000') === cols
        ),
    );
  }
}

/** `DROP CONSTRAINT`: removes it (and, for a key, the foreign keys that reference it). */
export function dropConstraint(state: FoldState, table: TableState, name: string): void {
  const c = table.constraints.find((x) => x.name === name);
  if (!c) return;
  table.constraints = table.constraints.filter((x) => x !== c);
  dropReferencingForeignKeys(state, table, c);
}

function dropOwnedSequences(state: FoldState, table: TableState, column?: string): void {
  for (const [k, seq] of state.sequences) {
    if (
      seq.ownedBy?.schema === table.schema &&
      seq.ownedBy.table === table.name &&
      (column === undefined || seq.ownedBy.column === column)
    ) {
      state.sequences.delete(k);
    }
  }
}

/** `DROP IDENTITY`: the identity sequence goes with it. */
export function dropIdentitySequence(state: FoldState, table: TableState, column: string): void {
  dropOwnedSequences(state, table, column);
}

/**
 * `DROP TABLE`: the table, its owned sequences, its partitions, foreign keys of other tables that
 * reference it, and views that read it (what `CASCADE` removes; without it PostgreSQL would refuse).
 */
export function dropTable(state: FoldState, table: TableState): void {
  state.tables.delete(key(table.schema, table.name));
  dropOwnedSequences(state, table);
  for (const other of [...state.tables.values()]) {
    if (other.partitionOf?.schema === table.schema && other.partitionOf.name === table.name)
      dropTable(state, other);
  }
  for (const other of state.tables.values()) {
    other.constraints = other.constraints.filter(
      (c) =>
        !(
          c.kind === 'foreign key' &&
          c.references.schema === table.schema &&
          c.references.name === table.name
        ),
    );
    other.inherits = other.inherits.filter((p) => !(p.schema === table.schema && p.name === table.name));
  }
  dropDependentViews(state, key(table.schema, table.name));
}

/** Drops the views that read a relation, recursively. */
export function dropDependentViews(state: FoldState, relation: string): void {
  for (const [k, deps] of state.viewDependencies) {
    if (deps.has(relation) && state.views.has(k)) dropView(state, state.views.get(k) as ViewState);
  }
}

/** Drops a view and whatever views read it. */
export function dropView(state: FoldState, view: ViewState): void {
  const k = key(view.schema, view.name);
  state.views.delete(k);
  state.viewDependencies.delete(k);
  state.viewColumns.delete(k);
  dropDependentViews(state, k);
}
