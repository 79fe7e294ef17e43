import { type Constraint, quoteIdentifier } from '@gander/schema';
import type { Node, RenameStmt } from 'libpg-query';
import { as, qualified, rangeVar } from './ast.js';
import { renameInExpressions } from './rename-expressions.js';
import { updateRoutines } from './routines.js';
import { type FoldState, key, type TableState } from './state.js';
import { triggerPartsOf } from './triggers.js';
import { updateTypeObject } from './type-objects.js';

/**
 * `ALTER ... RENAME`: tables, views, sequences, indexes (and the constraint an index backs),
 * columns, constraints, triggers, types, domains, schemas and routines. References to the renamed
 * object (foreign keys, owned-by, partition parents, index keys) follow it.
 *
 * A renamed column is renamed inside its table's expressions too (`renameInExpressions`: checks,
 * generated columns, index expressions and predicates, trigger `WHEN` conditions and `UPDATE OF`).
 */
export function rename(state: FoldState, stmt: RenameStmt): void {
  const newName = stmt.newname ?? '';
  switch (stmt.renameType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE': {
      const ref = rangeVar(stmt.relation);
      const table = state.table(ref.schema, ref.name);
      if (table) renameTable(state, table, newName);
      return;
    }
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_SEQUENCE': {
      const ref = rangeVar(stmt.relation);
      const map = stmt.renameType === 'OBJECT_SEQUENCE' ? state.sequences : state.views;
      const found = state.resolve(ref.schema, ref.name, (k) => map.has(k));
      if (!found) {
        const table = state.table(ref.schema, ref.name);
        if (table) renameTable(state, table, newName);
        return;
      }
      const value = map.get(key(found.schema, found.name));
      map.delete(key(found.schema, found.name));
      (map as Map<string, unknown>).set(key(found.schema, newName), {
        ...(value as object),
        name: newName,
        span: state.span,
      });
      return;
    }
    case 'OBJECT_INDEX': {
      const ref = rangeVar(stmt.relation);
      const found = state.resolveIndex(ref.schema, ref.name);
      if (!found) return;
      const owner = found.owner;
      if (found.constraint && 'constraints' in owner) {
        owner.constraints = owner.constraints.map((c) =>
          c.name === ref.name ? { ...c, name: newName, span: state.span } : c,
        );
      } else {
        owner.indexes = owner.indexes.map((i) =>
          i.name === ref.name ? { ...i, name: newName, span: state.span } : i,
        );
      }
      return;
    }
    case 'OBJECT_COLUMN': {
      const ref = rangeVar(stmt.relation);
      const table = state.table(ref.schema, ref.name);
      if (table && stmt.subname) renameColumn(state, table, stmt.subname, newName);
      if (!table && stmt.subname) {
        const found = state.resolve(ref.schema, ref.name, (k) => state.views.has(k));
        const view = found ? state.views.get(key(found.schema, found.name)) : undefined;
        if (view) view.columns = view.columns.map((c) => (c === stmt.subname ? newName : c));
      }
      return;
    }
    case 'OBJECT_TABCONSTRAINT': {
      const ref = rangeVar(stmt.relation);
      const table = state.table(ref.schema, ref.name);
      if (table)
        table.constraints = table.constraints.map((c) =>
          c.name === stmt.subname ? { ...c, name: newName, span: state.span } : c,
        );
      return;
    }
    case 'OBJECT_TRIGGER': {
      const ref = rangeVar(stmt.relation);
      const table = state.table(ref.schema, ref.name);
      if (!table || !stmt.subname) return;
      table.triggers = table.triggers.map((t) =>
        t.name === stmt.subname ? { ...t, name: newName, span: state.span } : t,
      );
      const parts = triggerPartsOf(state, table);
      const renamed = parts.get(stmt.subname);
      if (renamed) {
        parts.delete(stmt.subname);
        parts.set(newName, renamed);
      }
      return;
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const q = qualified(as<{ items?: Node[] }>(stmt.object, 'List')?.items);
      const found = updateTypeObject(state, q.schema, q.name, (value) => ({
        ...value,
        name: newName,
        span: state.span,
      }));
      if (found) retypeColumns(state, found.schema, found.name, newName);
      return;
    }
    case 'OBJECT_SCHEMA': {
      const old = stmt.subname ?? '';
      const value = state.schemas.get(old);
      if (value === undefined) return;
      state.schemas.delete(old);
      state.schemas.set(newName, { ...value, span: state.span });
      return;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      updateRoutines(state, as(stmt.object, 'ObjectWithArgs'), (r) => ({
        ...r,
        name: newName,
        span: state.span,
      }));
      return;
    default:
      return;
  }
}

function renameTable(state: FoldState, table: TableState, newName: string): void {
  const old = table.name;
  state.tables.delete(key(table.schema, old));
  table.name = newName;
  table.span = state.span;
  state.tables.set(key(table.schema, newName), table);
  for (const other of state.tables.values()) {
    other.constraints = other.constraints.map((c) =>
      c.kind === 'foreign key' && c.references.schema === table.schema && c.references.name === old
        ? { ...c, references: { ...c.references, name: newName } }
        : c,
    );
    if (other.partitionOf?.schema === table.schema && other.partitionOf.name === old)
      other.partitionOf = { ...other.partitionOf, name: newName };
    other.inherits = other.inherits.map((p) =>
      p.schema === table.schema && p.name === old ? { ...p, name: newName } : p,
    );
  }
  for (const [k, seq] of state.sequences) {
    if (seq.ownedBy?.schema === table.schema && seq.ownedBy.table === old)
      state.sequences.set(k, { ...seq, ownedBy: { ...seq.ownedBy, table: newName } });
  }
  retypeColumns(state, table.schema, old, newName);
}

function renameColumn(state: FoldState, table: TableState, old: string, newName: string): void {
  const swap = (names: readonly string[]) => names.map((n) => (n === old ? newName : n));
  table.columns = table.columns.map((c) => (c.name === old ? { ...c, name: newName, span: state.span } : c));
  table.constraints = table.constraints.map((c): Constraint => {
    switch (c.kind) {
      case 'primary key':
      case 'unique':
        return { ...c, columns: swap(c.columns), include: swap(c.include) };
      case 'foreign key':
        return { ...c, columns: swap(c.columns) };
      case 'exclusion':
        return {
          ...c,
          elements: c.elements.map((e) =>
            e.key.column === old ? { ...e, key: { ...e.key, column: newName } } : e,
          ),
        };
      default:
        return c;
    }
  });
  table.indexes = table.indexes.map((i) => ({
    ...i,
    keys: i.keys.map((k) => (k.column === old ? { ...k, column: newName } : k)),
    include: swap(i.include),
  }));
  renameInExpressions(state, table, old, newName);
  for (const other of state.tables.values()) {
    other.constraints = other.constraints.map((c) =>
      c.kind === 'foreign key' && c.references.schema === table.schema && c.references.name === table.name
        ? { ...c, references: { ...c.references, columns: swap(c.references.columns) } }
        : c,
    );
  }
  for (const [k, seq] of state.sequences) {
    if (
      seq.ownedBy?.schema === table.schema &&
      seq.ownedBy.table === table.name &&
      seq.ownedBy.column === old
    ) {
      state.sequences.set(k, { ...seq, ownedBy: { ...seq.ownedBy, column: newName } });
    }
  }
  for (const child of state.tables.values()) {
    const inherits = child.inherits.some((p) => p.schema === table.schema && p.name === table.name);
    if (inherits || (child.partitionOf?.schema === table.schema && child.partitionOf.name === table.name))
      renameColumn(state, child, old, newName);
  }
}

/** Column types naming a renamed type (`schema.old`, `schema.old[]`) follow the rename. */
function retypeColumns(state: FoldState, schema: string, old: string, newName: string): void {
  const q = quoteIdentifier;
  const from = `${q(schema)}.${q(old)}`;
  const to = `${q(schema)}.${q(newName)}`;
  const fix = (type: string) => (type === from ? to : type === `${from}[]` ? `${to}[]` : type);
  for (const t of state.tables.values())
    t.columns = t.columns.map((c) => (fix(c.type) !== c.type ? { ...c, type: fix(c.type) } : c));
  for (const [k, d] of state.domains)
    if (fix(d.type) !== d.type) state.domains.set(k, { ...d, type: fix(d.type) });
}
