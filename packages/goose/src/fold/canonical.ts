/**
 * The fold's bridge to `@gander/schema` normalisation: canonical types and expressions, with
 * unqualified user type names resolved through the fold's `search_path` first.
 */
import { canonicalDefault as schemaDefault, canonicalExpression, canonicalTypeName, normalizeDefault, quoteIdentifier, serialInfoOf } from '@gander/schema';
import type { Node, TypeName } from 'libpg-query';
import { strs } from './ast.js';
import { type FoldState, key } from './state.js';

/** The integer type a `serial`-family column stands for, if it is declared with one. */
export function serialType(type: TypeName | undefined): string | undefined {
  return type ? serialInfoOf(type)?.type : undefined;
}

/** Schema of a user-defined type (enum, domain, table row type) visible under that name, if any. */
function userTypeSchema(state: FoldState, name: string): string | undefined {
  for (const s of state.pathSchemas()) {
    const k = key(s, name);
    if (state.enums.has(k) || state.domains.has(k) || state.tables.has(k) || state.views.has(k) || state.otherTypes.has(k)) return s;
  }
  return undefined;
}

/** Canonical spelling of a declared type (`format_type` form, non-catalog types schema-qualified). */
export function canonicalType(state: FoldState, type: TypeName): string {
  const names = strs(type.names);
  if (names.length === 1) {
    const schema = userTypeSchema(state, names[0] as string);
    return canonicalTypeName(type, { defaultSchema: schema ?? state.creationSchema() });
  }
  return canonicalTypeName(type, { defaultSchema: state.defaultSchema });
}

/** Canonical text of an expression (checks, generated columns, index keys and predicates). */
export function canonicalExpr(state: FoldState, node: Node): string {
  return canonicalExpression(node, { defaultSchema: state.defaultSchema });
}

/** Canonical text of a column default (adds the default-only equivalences of `normalizeDefault`). */
export function canonicalDefault(state: FoldState, node: Node): string {
  return schemaDefault(node, { defaultSchema: state.defaultSchema });
}

/** The default PostgreSQL gives a serial column: `nextval('<sequence>'::regclass)`, canonical. */
export function nextvalDefault(state: FoldState, schema: string, sequence: string): string {
  const literal = `${quoteIdentifier(schema)}.${quoteIdentifier(sequence)}`.replace(/'/g, "''");
  return normalizeDefault(`nextval('${literal}'::regclass)`, { defaultSchema: state.defaultSchema });
}
