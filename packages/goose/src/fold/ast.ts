/**
 * Small readers of libpg_query's JSON AST (PostgreSQL 18 grammar, `@pgsql/types`). A `Node` is an
 * object with one key, the node type; fields equal to their zero value are omitted.
 */
import type { Node, RangeVar, TypeName } from 'libpg-query';

/** The node type of a `Node` (`'CreateStmt'`, `'String'`, ...). */
export function nodeType(node: Node): string {
  for (const k in node) return k;
  return '';
}

/** The payload of a `Node` whose type is `type`, or undefined. */
export function as<T>(node: Node | undefined, type: string): T | undefined {
  if (!node) return undefined;
  return (node as Record<string, unknown>)[type] as T | undefined;
}

/** The string of a `String` node (`sval`), or undefined for any other node. */
export function str(node: Node | undefined): string | undefined {
  const s = as<{ sval?: string }>(node, 'String');
  return s ? (s.sval ?? '') : undefined;
}

/** The strings of a list of `String` nodes (other nodes skipped). */
export function strs(nodes: readonly Node[] | undefined): string[] {
  const out: string[] = [];
  for (const n of nodes ?? []) {
    const s = str(n);
    if (s !== undefined) out.push(s);
  }
  return out;
}

/** A possibly qualified name from a name list (`[schema, name]` or `[name]`; a catalog prefix is ignored). */
export function qualified(nodes: readonly Node[] | undefined): { schema?: string; name: string } {
  const parts = strs(nodes);
  const name = parts[parts.length - 1] ?? '';
  const schema = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  return schema === undefined ? { name } : { schema, name };
}

/** `{ schema?, name }` of a `RangeVar`. */
export function rangeVar(rv: RangeVar | undefined): { schema?: string; name: string } {
  const name = rv?.relname ?? '';
  return rv?.schemaname ? { schema: rv.schemaname, name } : { name };
}

/** The last name of a `TypeName` (`int4` for `pg_catalog.int4`). */
export function typeBaseName(type: TypeName | undefined): string {
  const parts = strs(type?.names);
  return parts[parts.length - 1] ?? '';
}

/** The integer of an `Integer` node or an `A_Const` holding one, as a decimal string. */
export function numberText(node: Node | undefined): string | undefined {
  const i = as<{ ival?: number }>(node, 'Integer');
  if (i) return String(i.ival ?? 0);
  const f = as<{ fval?: string }>(node, 'Float');
  if (f) return f.fval ?? '0';
  const c = as<{ ival?: { ival?: number }; fval?: { fval?: string } }>(node, 'A_Const');
  if (c?.ival) return String(c.ival.ival ?? 0);
  if (c?.fval) return c.fval.fval;
  const tc = as<{ arg?: Node }>(node, 'TypeCast');
  if (tc) return numberText(tc.arg);
  const ex = as<{ kind?: string; name?: Node[]; lexpr?: Node; rexpr?: Node }>(node, 'A_Expr');
  if (ex && !ex.lexpr && strs(ex.name)[0] === '-') {
    const inner = numberText(ex.rexpr);
    return inner === undefined ? undefined : inner.startsWith('-') ? inner.slice(1) : `-${inner}`;
  }
  return undefined;
}

/**
 * Walks every node below `node` (objects and arrays), calling `visit(type, payload)`; a visit that
 * returns `false` skips that node's children.
 */
export function walk(
  node: unknown,
  visit: (type: string, payload: Record<string, unknown>) => unknown,
): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && /^[A-Z]/.test(k)) {
      if (visit(k, v as Record<string, unknown>) === false) continue;
    }
    walk(v, visit);
  }
}
