/**
 * The fold's bridge to `@gander/schema` normalisation: canonical types and expressions, with
 * unqualified user type names resolved through the fold's `search_path` first.
 *
 * Results are memoised per fold: a canonical text is a pure function of the AST node (locations
 * aside: the normalisers drop them) and the normaliser options, and migration chains repeat the
 * same types and defaults (`text`, `now()`, `false`) hundreds of times.
 */
import {
  canonicalExpression,
  canonicalTypeName,
  normalizeDefault,
  quoteIdentifier,
  canonicalDefault as schemaDefault,
  serialInfoOf,
} from '@gander/schema';
import type { Node, TypeName } from 'libpg-query';
import { strs } from './ast.js';
import { type FoldState, key } from './state.js';

const memos = new WeakMap<FoldState, Map<string, string>>();

/** A JSON-like text of an AST value without its `location` fields: equal keys, equal canonical text. */
function astKey(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object' || value === null) return String(value);
  let text = Array.isArray(value) ? '[' : '{';
  if (Array.isArray(value)) for (const item of value) text += `${astKey(item)},`;
  else {
    for (const field in value) {
      if (field !== 'location') text += `${field}:${astKey((value as Record<string, unknown>)[field])},`;
    }
  }
  return `${text}${Array.isArray(value) ? ']' : '}'}`;
}

/** `compute()` once per fold for each (what, schema option, node or text); errors are not memoised. */
function memo(state: FoldState, what: string, schema: string, node: unknown, compute: () => string): string {
  let cache = memos.get(state);
  if (!cache) {
    cache = new Map();
    memos.set(state, cache);
  }
  const k = `${what}\u0000${schema}\u0000${typeof node === 'string' ? node : astKey(node)}`;
  let text = cache.get(k);
  if (text === undefined) {
    text = compute();
    cache.set(k, text);
  }
  return text;
}

/** The integer type a `serial`-family column stands for, if it is declared with one. */
export function serialType(type: TypeName | undefined): string | undefined {
  return type ? serialInfoOf(type)?.type : undefined;
}

/** Schema of a user-defined type (enum, domain, table row type) visible under that name, if any. */
function userTypeSchema(state: FoldState, name: string): string | undefined {
  for (const s of state.pathSchemas()) {
    const k = key(s, name);
    if (
      state.enums.has(k) ||
      state.domains.has(k) ||
      state.tables.has(k) ||
      state.views.has(k) ||
      state.otherTypes.has(k)
    )
      return s;
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
  return memo(state, 'expression', state.defaultSchema, node, () =>
    canonicalExpression(node, { defaultSchema: state.defaultSchema }),
  );
}

/** Canonical text of a column default (adds the default-only equivalences of `normalizeDefault`). */
export function canonicalDefault(state: FoldState, node: Node): string {
  return memo(state, 'default', state.defaultSchema, node, () =>
    schemaDefault(node, { defaultSchema: state.defaultSchema }),
  );
}

/** The default PostgreSQL gives a serial column: `nextval('<sequence>'::regclass)`, canonical. */
export function nextvalDefault(state: FoldState, schema: string, sequence: string): string {
  const literal = `${quoteIdentifier(schema)}.${quoteIdentifier(sequence)}`.replace(/'/g, "''");
  const sql = `nextval('${literal}'::regclass)`;
  return memo(state, 'default text', state.defaultSchema, sql, () =>
    normalizeDefault(sql, { defaultSchema: state.defaultSchema }),
  );
}
