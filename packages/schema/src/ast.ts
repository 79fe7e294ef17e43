/**
 * Small helpers to read and build libpg-query AST nodes as plain JSON (`{ Kind: { ...fields } }`),
 * shared by the expression normalisers.
 */
import type { Node } from 'libpg-query';

/** A JSON object of the AST (a node body or a wrapped node). */
export type AstObject = { [key: string]: unknown };

/** Fields that only say where a node was in the text; dropped before comparison. */
export const locationFields: ReadonlySet<string> = new Set([
  'location',
  'stmt_location',
  'stmt_len',
  'list_start',
  'list_end',
  'rexpr_list_start',
  'rexpr_list_end',
]);

export function isObject(value: unknown): value is AstObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The kind and body of a wrapped node (`{ A_Const: {...} }` -> `['A_Const', {...}]`). */
export function unwrap(node: unknown): [string, AstObject] | undefined {
  if (!isObject(node)) return undefined;
  // The one key, without building `Object.keys` (this runs for every node the normalisers visit).
  let kind: string | undefined;
  for (const key in node) {
    if (kind !== undefined) return undefined;
    kind = key;
  }
  if (kind === undefined) return undefined;
  const first = kind.charCodeAt(0);
  const body = node[kind];
  return first >= 0x41 && first <= 0x5a && isObject(body) ? [kind, body] : undefined;
}

/** The body of `node` when it is of `kind`. */
export function bodyOf(node: unknown, kind: string): AstObject | undefined {
  const u = unwrap(node);
  return u && u[0] === kind ? u[1] : undefined;
}

/** Wraps a body as a node of `kind`. */
export function wrap(kind: string, body: AstObject): Node {
  return { [kind]: body } as unknown as Node;
}

/** The `sval`s of a list of `String` nodes (names, operator names); `undefined` if any is not one. */
export function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const item of value) {
    const s = bodyOf(item, 'String');
    if (!s) return undefined;
    out.push(typeof s.sval === 'string' ? s.sval : '');
  }
  return out;
}

/** A list of `String` nodes. */
export function makeStringList(names: readonly string[]): Node[] {
  return names.map((sval) => wrap('String', { sval }));
}

/** Deep copy of an AST value without the location fields. */
export function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (!isObject(value)) return value;
  const out: AstObject = {};
  for (const key in value) {
    if (!locationFields.has(key)) out[key] = withoutLocations(value[key]);
  }
  return out;
}
