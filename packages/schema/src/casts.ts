/**
 * Cast rules of the expression normaliser: which casts PostgreSQL adds by itself (and prints) and
 * which casts of literals add nothing, so that both sides drop them.
 */
import type { Node } from 'libpg-query';
import { type AstObject, bodyOf, stringList, wrap } from './ast.js';
import { dropLiteralCast } from './literals.js';
import { canonicalTypeName, type NormalizeOptions } from './normalize-type.js';

/** Canonical string types whose values compare and convert to `text` without change. */
const stringTypes = /^(?:text|character varying(?:\(\d+\))?|character\(\d+\)|bpchar|name)$/;

/**
 * A cast node after the cast rules:
 * - a literal's cast that adds nothing is dropped (`dropLiteralCast`);
 * - a cast to `text` or `character varying` of a column reference, or of a cast to a string type,
 *   is dropped: PostgreSQL adds it when a `varchar`/`char` column meets a text operator or function
 *   (`(code)::text`, `((name)::character varying(5))::text`).
 */
export function rewriteCast(body: AstObject, options: NormalizeOptions): Node {
  const arg = body.arg as Node;
  const type = canonicalTypeName(body.typeName as never, options);
  const dropped = dropLiteralCast(arg, type);
  if (dropped) return dropped;
  if (type === 'text' || type === 'character varying') {
    if (bodyOf(arg, 'ColumnRef')) return arg;
    const inner = bodyOf(arg, 'TypeCast');
    if (inner && stringTypes.test(canonicalTypeName(inner.typeName as never, options))) return arg;
  }
  return wrap('TypeCast', body);
}

/**
 * A binary operator's operands without the cast PostgreSQL adds to make one operand match the
 * other: `price * (qty)::numeric` -> `price * qty` when `options.columns` says `price` is `numeric`
 * (and `ratio > (qty)::double precision` when `ratio` is `double precision`). Needs the column
 * types; without `options.columns` such casts are kept.
 *
 * NOTE: a cast the user wrote for the same purpose (`price * qty::numeric`) also goes, which is
 * right: it does not change the meaning. Against a number literal the cast goes when the literal has
 * the cast's type (`(qty)::numeric > 1.5`, which PostgreSQL prints for `qty > 1.5`), and is kept
 * otherwise (`qty::numeric / 2` is numeric, not integer, division).
 */
export function dropOperandCasts(b: AstObject, options: NormalizeOptions): AstObject {
  if (!options.columns || b.kind !== 'AEXPR_OP' || !b.lexpr || !b.rexpr) return b;
  const l = castOfColumn(b.lexpr, options);
  const r = castOfColumn(b.rexpr, options);
  const lType = l?.type ?? typeOf(b.lexpr, options);
  const rType = r?.type ?? typeOf(b.rexpr, options);
  return {
    ...b,
    lexpr: l && sameBaseType(rType, l.type) ? l.column : b.lexpr,
    rexpr: r && sameBaseType(lType, r.type) ? r.column : b.rexpr,
  };
}

/** Whether two canonical types are the same type, typmods aside (`character(3)` and `bpchar`). */
function sameBaseType(a: string | undefined, b: string): boolean {
  return a !== undefined && withoutTypmod(a) === withoutTypmod(b);
}

function withoutTypmod(type: string): string {
  const bare = type.replace(/\(-?\d+(?:,-?\d+)?\)/, '');
  return bare === 'character' ? 'bpchar' : bare === 'bit' ? '"bit"' : bare;
}

function castOfColumn(node: unknown, options: NormalizeOptions): { column: Node; type: string } | undefined {
  const cast = bodyOf(node, 'TypeCast');
  if (!cast || !bodyOf(cast.arg, 'ColumnRef')) return undefined;
  return { column: cast.arg as Node, type: canonicalTypeName(cast.typeName as never, options) };
}

/**
 * The canonical type of a column reference (from `options.columns`), a cast, or a number literal
 * (`1.5` is `numeric`, `2` is `integer`, as the parser types them); `undefined` otherwise.
 */
function typeOf(node: unknown, options: NormalizeOptions): string | undefined {
  const ref = bodyOf(node, 'ColumnRef');
  if (ref) {
    const name = stringList(ref.fields)?.at(-1);
    return name !== undefined && Object.hasOwn(options.columns ?? {}, name)
      ? options.columns?.[name]
      : undefined;
  }
  const cast = bodyOf(node, 'TypeCast');
  if (cast) return canonicalTypeName(cast.typeName as never, options);
  const literal = bodyOf(node, 'A_Const');
  if (literal?.fval !== undefined) return 'numeric';
  return literal?.ival !== undefined ? 'integer' : undefined;
}

/** Implicit casts (`pg_cast.castcontext = 'i'`) PostgreSQL adds to fit a column to a function's parameter: from -> to. */
const implicitCasts: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['date', new Set(['timestamp without time zone', 'timestamp with time zone'])],
  ['timestamp without time zone', new Set(['timestamp with time zone'])],
  ['smallint', new Set(['integer', 'bigint', 'numeric', 'real', 'double precision'])],
  ['integer', new Set(['bigint', 'numeric', 'real', 'double precision'])],
  ['bigint', new Set(['numeric', 'real', 'double precision'])],
  ['numeric', new Set(['real', 'double precision'])],
  ['real', new Set(['double precision'])],
]);

/**
 * A function argument without the implicit cast PostgreSQL adds to fit a column to the parameter
 * type: `to_char((d)::timestamp with time zone, 'yyyy')` -> `to_char(d, 'yyyy')` when
 * `options.columns` says `d` is a `date`. Only casts PostgreSQL could have added by itself (an
 * implicit cast from the column's type) are dropped; without `options.columns` all casts stay.
 *
 * NOTE: a user's explicit cast of that kind goes as well; it can only pick an overload when the
 * function has one for each type (`f(x::bigint)` vs `f(x)` with both `f(integer)` and `f(bigint)`).
 */
export function dropArgumentCast(arg: unknown, options: NormalizeOptions): unknown {
  const cast = castOfColumn(arg, options);
  if (!cast) return arg;
  const from = typeOf(cast.column, options);
  if (from === undefined) return arg;
  const allowed = implicitCasts.get(withoutTypmod(from));
  return allowed?.has(withoutTypmod(cast.type)) ? cast.column : arg;
}
