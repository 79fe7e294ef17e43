import type {
  AlterObjectSchemaStmt,
  CreateExtensionStmt,
  CreateSchemaStmt,
  DefElem,
  Node,
} from 'libpg-query';
import { as, qualified, rangeVar, str } from './ast.js';
import { updateRoutines } from './routines.js';
import { type FoldState, key } from './state.js';
import { updateTypeObject } from './type-objects.js';

/** Extensions every database has; the live reader leaves them out too. */
const BUILT_IN_EXTENSIONS = new Set(['plpgsql']);

/**
 * `CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION r] [elements]`; the elements are folded by
 * `foldElement` with the new schema as the creation schema.
 */
export function createSchema(
  state: FoldState,
  stmt: CreateSchemaStmt,
  foldElement: (node: Node) => void,
): void {
  const name = stmt.schemaname ?? stmt.authrole?.rolename ?? '';
  if (!state.schemas.has(name)) state.schemas.set(name, { span: state.span });
  if (!stmt.schemaElts?.length) return;
  const saved = state.searchPath;
  state.searchPath = [name];
  try {
    for (const element of stmt.schemaElts) foldElement(element);
  } finally {
    state.searchPath = saved;
  }
}

/**
 * `CREATE EXTENSION [IF NOT EXISTS] name [WITH SCHEMA s]`: records the extension and its schema
 * only; the objects it installs belong to it (the live reader skips extension-owned objects).
 */
export function createExtension(state: FoldState, stmt: CreateExtensionStmt): void {
  const name = stmt.extname ?? '';
  if (BUILT_IN_EXTENSIONS.has(name) || state.extensions.has(name)) return;
  let schema = state.creationSchema();
  for (const node of stmt.options ?? []) {
    const d = as<DefElem>(node, 'DefElem');
    if (d?.defname === 'schema') schema = str(d.arg) ?? schema;
  }
  state.extensions.set(name, { name, schema, span: state.span });
}

/** `ALTER ... SET SCHEMA s` for tables (with their indexes and owned sequences), views, sequences, types, routines. */
export function setSchema(state: FoldState, stmt: AlterObjectSchemaStmt): void {
  const to = stmt.newschema ?? '';
  switch (stmt.objectType) {
    case 'OBJECT_TABLE': {
      const ref = rangeVar(stmt.relation);
      const table = state.table(ref.schema, ref.name);
      if (!table) return;
      const from = table.schema;
      state.tables.delete(key(from, table.name));
      table.schema = to;
      table.span = state.span;
      state.tables.set(key(to, table.name), table);
      for (const [k, seq] of [...state.sequences]) {
        if (seq.ownedBy?.schema === from && seq.ownedBy.table === table.name) {
          state.sequences.delete(k);
          state.sequences.set(key(to, seq.name), {
            ...seq,
            schema: to,
            ownedBy: { ...seq.ownedBy, schema: to },
          });
        }
      }
      for (const other of state.tables.values()) {
        other.constraints = other.constraints.map((c) =>
          c.kind === 'foreign key' && c.references.schema === from && c.references.name === table.name
            ? { ...c, references: { ...c.references, schema: to } }
            : c,
        );
      }
      return;
    }
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_SEQUENCE': {
      const ref = rangeVar(stmt.relation);
      const map = stmt.objectType === 'OBJECT_SEQUENCE' ? state.sequences : state.views;
      const found = state.resolve(ref.schema, ref.name, (k) => map.has(k));
      if (!found) return;
      const value = map.get(key(found.schema, found.name));
      map.delete(key(found.schema, found.name));
      (map as Map<string, unknown>).set(key(to, found.name), {
        ...(value as object),
        schema: to,
        span: state.span,
      });
      return;
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const q = qualified(as<{ items?: Node[] }>(stmt.object, 'List')?.items);
      updateTypeObject(state, q.schema, q.name, (value) => ({ ...value, schema: to, span: state.span }));
      return;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      updateRoutines(state, as(stmt.object, 'ObjectWithArgs'), (r) => ({
        ...r,
        schema: to,
        span: state.span,
      }));
      return;
    default:
      return;
  }
}
