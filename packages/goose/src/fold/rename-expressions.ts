/**
 * A renamed column inside the canonical expressions of its table, as PostgreSQL shows it: the
 * catalogs store expressions by attribute number, so after `RENAME COLUMN` checks, generated
 * columns, index expressions and predicates print the new name.
 */
import { type Constraint, canonicalExpression, type Index, parseExpression } from '@gander/schema';
import type { Node } from 'libpg-query';
import type { FoldState, TableState } from './state.js';

/** Deep copy of an expression AST with every unqualified reference to column `old` renamed. */
function renameRefs(value: unknown, old: string, newName: string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, old, newName));
  if (typeof value !== 'object' || value === null) return value;
  const ref = (value as { ColumnRef?: { fields?: { String?: { sval?: string } }[] } }).ColumnRef;
  const fields = ref?.fields;
  if (ref && fields?.length === 1 && fields[0]?.String?.sval === old) {
    return { ColumnRef: { ...ref, fields: [{ String: { sval: newName } }] } };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameRefs(v, old, newName)]));
}

/** The canonical `text` with column `old` renamed (unchanged when it does not mention it). */
function renamed(state: FoldState, text: string, old: string, newName: string): string {
  if (!text.includes(old)) return text;
  const node = renameRefs(parseExpression(text), old, newName) as Node;
  return canonicalExpression(node, { defaultSchema: state.defaultSchema });
}

function renamedIndex(state: FoldState, index: Index, old: string, newName: string): Index {
  return {
    ...index,
    keys: index.keys.map((k) =>
      k.expression !== undefined ? { ...k, expression: renamed(state, k.expression, old, newName) } : k,
    ),
    ...(index.predicate !== undefined ? { predicate: renamed(state, index.predicate, old, newName) } : {}),
  };
}

function renamedConstraint(state: FoldState, c: Constraint, old: string, newName: string): Constraint {
  if (c.kind === 'check') return { ...c, expression: renamed(state, c.expression, old, newName) };
  if (c.kind !== 'exclusion') return c;
  return {
    ...c,
    elements: c.elements.map((e) =>
      e.key.expression !== undefined
        ? { ...e, key: { ...e.key, expression: renamed(state, e.key.expression, old, newName) } }
        : e,
    ),
    ...(c.predicate !== undefined ? { predicate: renamed(state, c.predicate, old, newName) } : {}),
  };
}

/**
 * Renames column `old` to `newName` in the generated columns, checks, exclusion constraints, index
 * expressions and predicates of `table`.
 *
 * NOTE: a trigger's `WHEN` condition is held only as part of its digest, which keeps the old name.
 */
export function renameInExpressions(state: FoldState, table: TableState, old: string, newName: string): void {
  table.columns = table.columns.map((c) =>
    c.generated !== undefined ? { ...c, generated: renamed(state, c.generated, old, newName) } : c,
  );
  table.constraints = table.constraints.map((c) => renamedConstraint(state, c, old, newName));
  table.indexes = table.indexes.map((i) => renamedIndex(state, i, old, newName));
}
