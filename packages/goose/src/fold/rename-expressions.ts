/**
 * A renamed column inside the canonical expressions of its table, as PostgreSQL shows it: the
 * catalogs store expressions by attribute number, so after `RENAME COLUMN` checks, generated
 * columns, index expressions and predicates, and triggers' `WHEN` conditions print the new name.
 */
import {
  type Constraint,
  canonicalExpression,
  compare,
  type Index,
  parseExpression,
  type TriggerDigestParts,
  triggerDigest,
} from '@gander/schema';
import type { Node } from 'libpg-query';
import type { FoldState, TableState } from './state.js';
import { triggerPartsOf } from './triggers.js';

/** Qualifiers of a trigger `WHEN` condition's column references (`NEW.status`, `OLD.status`). */
const ROW_QUALIFIERS: ReadonlySet<string> = new Set(['new', 'old']);

/**
 * Deep copy of an expression AST with every reference to column `old` renamed: unqualified ones,
 * and those qualified by one of `qualifiers` (the rows of a trigger's `WHEN`).
 */
function renameRefs(value: unknown, old: string, newName: string, qualifiers?: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, old, newName, qualifiers));
  if (typeof value !== 'object' || value === null) return value;
  const ref = (value as { ColumnRef?: { fields?: { String?: { sval?: string } }[] } }).ColumnRef;
  const fields = ref?.fields;
  if (ref && fields?.length === 1 && fields[0]?.String?.sval === old) {
    return { ColumnRef: { ...ref, fields: [{ String: { sval: newName } }] } };
  }
  const qualifier = fields?.[0]?.String?.sval;
  if (
    ref &&
    fields?.length === 2 &&
    qualifier !== undefined &&
    qualifiers?.has(qualifier) &&
    fields[1]?.String?.sval === old
  ) {
    return { ColumnRef: { ...ref, fields: [fields[0], { String: { sval: newName } }] } };
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, renameRefs(v, old, newName, qualifiers)]),
  );
}

/** The canonical `text` with column `old` renamed (unchanged when it does not mention it). */
function renamed(
  state: FoldState,
  text: string,
  old: string,
  newName: string,
  options: {
    readonly qualifiers?: ReadonlySet<string>;
    readonly columns?: Readonly<Record<string, string>>;
  } = {},
): string {
  if (!text.includes(old)) return text;
  const node = renameRefs(parseExpression(text), old, newName, options.qualifiers) as Node;
  return canonicalExpression(node, {
    defaultSchema: state.defaultSchema,
    ...(options.columns ? { columns: options.columns } : {}),
  });
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
 * expressions and predicates of `table`, and in its triggers' `WHEN` conditions (`NEW.old`,
 * `OLD.old`) and `UPDATE OF` lists, digesting them again. Call it once the table's columns carry
 * the new name (the `WHEN` is normalised with their types, as `CREATE TRIGGER` does).
 */
export function renameInExpressions(state: FoldState, table: TableState, old: string, newName: string): void {
  table.columns = table.columns.map((c) =>
    c.generated !== undefined ? { ...c, generated: renamed(state, c.generated, old, newName) } : c,
  );
  table.constraints = table.constraints.map((c) => renamedConstraint(state, c, old, newName));
  table.indexes = table.indexes.map((i) => renamedIndex(state, i, old, newName));
  renameInTriggers(state, table, old, newName);
}

/** The trigger half of {@link renameInExpressions}: PostgreSQL stores `WHEN` and `UPDATE OF` by attribute number. */
function renameInTriggers(state: FoldState, table: TableState, old: string, newName: string): void {
  const all = triggerPartsOf(state, table);
  const columns = Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
  table.triggers = table.triggers.map((t) => {
    const parts = all.get(t.name);
    const updateColumns = (t.updateColumns ?? []).map((n) => (n === old ? newName : n)).sort(compare);
    if (!parts) return t.updateColumns ? { ...t, updateColumns } : t;
    const when =
      parts.when === null
        ? null
        : renamed(state, parts.when, old, newName, { qualifiers: ROW_QUALIFIERS, columns });
    const next: TriggerDigestParts = { ...parts, when, updateColumns };
    all.set(t.name, next);
    return { ...t, ...(t.updateColumns ? { updateColumns } : {}), digest: triggerDigest(next) };
  });
}
