import type { CommentStmt, Node } from 'libpg-query';
import { as, qualified, str, strs } from './ast.js';
import { updateRoutines } from './routines.js';
import { type FoldState, key } from './state.js';
import { updateTypeObject } from './type-objects.js';

/** `comment` field set, or removed for `IS NULL` / `IS ''` (PostgreSQL deletes an empty comment). */
function withComment<T extends { comment?: string }>(value: T, comment: string | undefined): T {
  const { comment: _old, ...rest } = value;
  return (comment ? { ...rest, comment } : rest) as T;
}

function listNames(node: Node | undefined): string[] {
  return strs(as<{ items?: Node[] }>(node, 'List')?.items);
}

/**
 * `COMMENT ON <object> IS '...' | NULL` for schemas, tables, columns, views, materialized views,
 * sequences, indexes, constraints, triggers, types, domains and routines.
 *
 * @see https://www.postgresql.org/docs/16/sql-comment.html
 */
export function comment(state: FoldState, stmt: CommentStmt): void {
  const text = stmt.comment;
  const parts = listNames(stmt.object);
  const last = parts[parts.length - 1] ?? '';
  const prefix = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  switch (stmt.objtype) {
    case 'OBJECT_SCHEMA': {
      const name = str(stmt.object) ?? '';
      const s = state.schemas.get(name);
      if (s) state.schemas.set(name, withComment(s, text));
      return;
    }
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE': {
      const table = state.table(prefix, last);
      if (table && text) table.comment = text;
      else if (table) delete table.comment;
      return;
    }
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW': {
      const found = state.resolve(prefix, last, (k) => state.views.has(k));
      const view = found ? state.views.get(key(found.schema, found.name)) : undefined;
      if (view) {
        if (text) view.comment = text;
        else delete view.comment;
      }
      return;
    }
    case 'OBJECT_COLUMN': {
      const column = parts[parts.length - 1] ?? '';
      const tableName = parts[parts.length - 2] ?? '';
      const schema = parts.length >= 3 ? parts[parts.length - 3] : undefined;
      const table = state.table(schema, tableName);
      if (table) table.columns = table.columns.map((c) => (c.name === column ? withComment(c, text) : c));
      return;
    }
    case 'OBJECT_SEQUENCE': {
      const found = state.resolve(prefix, last, (k) => state.sequences.has(k));
      const k = found ? key(found.schema, found.name) : '';
      const seq = state.sequences.get(k);
      if (seq) state.sequences.set(k, withComment(seq, text));
      return;
    }
    case 'OBJECT_INDEX': {
      const found = state.resolveIndex(prefix, last);
      if (found && !found.constraint)
        found.owner.indexes = found.owner.indexes.map((i) => (i.name === last ? withComment(i, text) : i));
      return;
    }
    case 'OBJECT_TABCONSTRAINT':
    case 'OBJECT_TRIGGER': {
      const tableName = parts[parts.length - 2] ?? '';
      const schema = parts.length >= 3 ? parts[parts.length - 3] : undefined;
      const table = state.table(schema, tableName);
      if (!table) return;
      if (stmt.objtype === 'OBJECT_TRIGGER')
        table.triggers = table.triggers.map((t) => (t.name === last ? withComment(t, text) : t));
      else table.constraints = table.constraints.map((c) => (c.name === last ? withComment(c, text) : c));
      return;
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const type = as<{ names?: Node[] }>(stmt.object, 'TypeName');
      const q = qualified(type?.names);
      updateTypeObject(state, q.schema, q.name, (value) => withComment(value, text));
      return;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      updateRoutines(state, as(stmt.object, 'ObjectWithArgs'), (r) => withComment(r, text));
      return;
    default:
      return;
  }
}
