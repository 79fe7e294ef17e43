import type { DropStmt, Node, TypeName } from 'libpg-query';
import { as, qualified, str, strs } from './ast.js';
import { canonicalType } from './canonical.js';
import { dropColumn, dropTable, dropView } from './drop-dependents.js';
import { findRoutines } from './routines.js';
import { type FoldState, key } from './state.js';

function names(node: Node): { schema?: string; name: string } {
  const list = as<{ items?: Node[] }>(node, 'List');
  if (list) return qualified(list.items);
  return { name: str(node) ?? '' };
}

/**
 * `DROP <kind> [IF EXISTS] name [, ...] [CASCADE | RESTRICT]` for tables, views, materialized
 * views, indexes, sequences, types, domains, schemas, extensions, functions, procedures and
 * triggers. What depends on a dropped object goes with it (foreign keys, owned sequences,
 * partitions, views reading a table, columns of a dropped type, triggers of a dropped function): a
 * migration that applies without error either said `CASCADE` or had no dependents.
 *
 * @see https://www.postgresql.org/docs/16/sql-droptable.html
 */
export function drop(state: FoldState, stmt: DropStmt): void {
  const cascade = stmt.behavior === 'DROP_CASCADE';
  for (const object of stmt.objects ?? []) dropOne(state, stmt.removeType ?? '', object, cascade);
}

/**
 * `DROP TABLE [IF EXISTS] t CASCADE` for a table the model lacks (created outside the migrations,
 * e.g. by a no-op baseline) still removes the foreign keys the model has to `t`: in the database the
 * migrations ran on, `t` existed and CASCADE dropped them.
 */
function dropForeignKeysTo(state: FoldState, schema: string, name: string): void {
  for (const table of state.tables.values()) {
    const kept = table.constraints.filter(
      (c) => c.kind !== 'foreign key' || c.references.schema !== schema || c.references.name !== name,
    );
    if (kept.length !== table.constraints.length) table.constraints = kept;
  }
}

function dropOne(state: FoldState, kind: string, object: Node, cascade: boolean): void {
  switch (kind) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE': {
      const q = names(object);
      const table = state.table(q.schema, q.name);
      if (table) dropTable(state, table);
      else if (cascade) dropForeignKeysTo(state, q.schema ?? state.creationSchema(), q.name);
      return;
    }
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW': {
      const q = names(object);
      const found = state.resolve(q.schema, q.name, (k) => state.views.has(k));
      if (found)
        dropView(
          state,
          state.views.get(key(found.schema, found.name)) as NonNullable<ReturnType<typeof state.views.get>>,
        );
      return;
    }
    case 'OBJECT_INDEX': {
      const q = names(object);
      const found = state.resolveIndex(q.schema, q.name);
      if (found && !found.constraint)
        found.owner.indexes = found.owner.indexes.filter((i) => i.name !== q.name);
      return;
    }
    case 'OBJECT_SEQUENCE': {
      const q = names(object);
      const found = state.resolve(q.schema, q.name, (k) => state.sequences.has(k));
      if (!found) return;
      state.sequences.delete(key(found.schema, found.name));
      dropSequenceDefaults(state, found.schema, found.name);
      return;
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const type = as<TypeName>(object, 'TypeName');
      const q = qualified(type?.names);
      const found = state.resolve(
        q.schema,
        q.name,
        (k) => state.enums.has(k) || state.domains.has(k) || state.otherTypes.has(k),
      );
      if (!found || !type) return;
      const canonical = canonicalType(state, type);
      const k = key(found.schema, found.name);
      state.enums.delete(k);
      state.domains.delete(k);
      state.otherTypes.delete(k);
      for (const table of [...state.tables.values()]) {
        for (const c of table.columns)
          if (c.type === canonical || c.type === `${canonical}[]`) dropColumn(state, table, c.name);
      }
      return;
    }
    case 'OBJECT_SCHEMA': {
      const name = str(object) ?? '';
      if (!state.schemas.has(name)) return;
      state.schemas.delete(name);
      for (const table of [...state.tables.values()])
        if (table.schema === name && state.tables.has(key(name, table.name))) dropTable(state, table);
      for (const map of [state.views, state.sequences, state.enums, state.domains, state.routines] as Map<
        string,
        { schema: string }
      >[]) {
        for (const [k, v] of [...map]) if (v.schema === name) map.delete(k);
      }
      for (const k of [...state.otherTypes]) if (k.startsWith(`${name}\u0000`)) state.otherTypes.delete(k);
      return;
    }
    case 'OBJECT_EXTENSION':
      state.extensions.delete(str(object) ?? '');
      return;
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      for (const k of findRoutines(state, as(object, 'ObjectWithArgs'))) {
        const r = state.routines.get(k);
        state.routines.delete(k);
        if (!r) continue;
        for (const table of state.tables.values()) {
          table.triggers = table.triggers.filter(
            (t) => !(t.function.schema === r.schema && t.function.name === r.name),
          );
        }
      }
      return;
    case 'OBJECT_TRIGGER': {
      const parts = strs(as<{ items?: Node[] }>(object, 'List')?.items);
      const trigger = parts[parts.length - 1] ?? '';
      const table = state.table(
        parts.length >= 3 ? parts[parts.length - 3] : undefined,
        parts[parts.length - 2] ?? '',
      );
      if (table) table.triggers = table.triggers.filter((t) => t.name !== trigger);
      return;
    }
    default:
      return;
  }
}

/** Dropping a sequence with CASCADE drops the defaults that call `nextval` on it. */
function dropSequenceDefaults(state: FoldState, schema: string, name: string): void {
  const pattern = new RegExp(`^nextval\\('(${schema}\\.)?"?${name}"?'`);
  for (const table of state.tables.values()) {
    table.columns = table.columns.map((c) => {
      if (c.default === undefined || !pattern.test(c.default)) return c;
      const { default: _d, ...rest } = c;
      return rest;
    });
  }
}
