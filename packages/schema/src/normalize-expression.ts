/**
 * Canonical text of SQL expressions (column defaults, generated columns, CHECK constraints, index
 * expressions and predicates), so that what a migration writes and what PostgreSQL prints back
 * (`pg_get_expr`, `pg_get_constraintdef`, `pg_get_indexdef`) compare equal.
 *
 * The text is parsed by the real PostgreSQL parser (libpg_query 18), the AST is rewritten by the
 * rules below, and the result is printed by `pgsql-deparser` (single line), with every type name
 * printed canonically (`normalizeType`).
 *
 * Rules (each makes two spellings of one meaning print the same):
 * 1. Locations and redundant parentheses are irrelevant (they are not in the AST).
 * 2. Type names in casts are canonical: `x::int4` == `x::integer` == `CAST(x AS INT)`.
 * 3. Casts of literals that add nothing are dropped (see `dropLiteralCast`): `NULL::t` -> `NULL`;
 *    a string literal cast to any type -> the literal (`'light'::character varying` == `'light'`,
 *    `'{}'::jsonb` == `'{}'`, `'1 day'::interval` == `'1 day'`); a number cast to a number type ->
 *    the number (`(0)::numeric` == `0`); `'t'::boolean` == `true`; `ARRAY[<literals>]::t[]` ->
 *    the array.
 * 4. `'0'` == `0`: a string literal whose text is a number as PostgreSQL prints numbers
 *    (`-?digits[.digits]`) is that number; `'01'`, `'1e3'`, `'+1'` stay strings.
 * 5. Casts to `text` or `character varying` of a column reference (or of a cast to a string type)
 *    are dropped: PostgreSQL adds them when a `varchar`/`char` column meets a text operator or
 *    function (`(code)::text`, `lower((code)::text)`, `((name)::character varying(5))::text`).
 *    With `options.columns` (the table's column types), a cast PostgreSQL adds to make one operand
 *    of a binary operator match the other is dropped too: `price * (qty)::numeric` == `price * qty`
 *    when `price` is `numeric`, `((code)::bpchar = c)` == `code = c` when `c` is `character(3)`,
 *    and the implicit cast PostgreSQL adds to fit a column to a function argument is dropped:
 *    `to_char((d)::timestamp with time zone, 'yyyy')` == `to_char(d, 'yyyy')` for a `date` `d`.
 * 6. `x IN (a, b)` == `x = ANY (ARRAY[a, b])` and `x NOT IN (a, b)` == `x <> ALL (ARRAY[a, b])`,
 *    `x IN (a)` == `x = a` (as PostgreSQL rewrites lists without column references).
 * 7. `x BETWEEN a AND b` == `x >= a AND x <= b` (`NOT BETWEEN`: `x < a OR x > b`); `LIKE`/`ILIKE`
 *    == `~~`/`~~*`; nested `AND`/`OR` are flattened.
 * 8. `CASE ... ELSE NULL END` == `CASE ... END` (PostgreSQL prints the implicit `ELSE NULL`).
 * 9. Function and operator names lose a `pg_catalog.` or `<defaultSchema>.` qualification
 *    (`pg_catalog.lower(x)` == `lower(x)`, `public.uuid_generate_v7()` == `uuid_generate_v7()`);
 *    unquoted names are already lower-case (PostgreSQL folds them), quoted names keep their case.
 *
 * NOTE: what stays different (false differences, reported as changes):
 * - literals PostgreSQL rewrites when it converts them to the column type: `'2020-1-1'` vs
 *   `'2020-01-01'::date`, `1e3` vs `1000`, `'true'` vs `true`, `'{a, b}'` vs `'{a,b}'::text[]`;
 * - casts of non-literals other than rule 5: `(price)::numeric` vs `price`, and without
 *   `options.columns` the operand casts (`price * (qty)::numeric` vs `price * qty`); casts
 *   PostgreSQL adds to function arguments (`round((qty)::double precision)` vs `round(qty)`);
 * - `IN` lists containing column references (PostgreSQL splits them into `OR`s);
 * - function-style casts (`int4(x)`) vs `x::integer`, `a AND (b AND c)` grouping of `=` chains.
 * And what compares equal although it may differ in meaning (false equalities, all contrived):
 * - `'1'::integer / 2` vs `'1'::numeric / 2` (rule 3 drops the casts, losing the operand type);
 * - `(created_at)::text = '...'` vs `created_at = '...'` (rule 5; comparing as text, not time);
 * - `(status)::text < 'b'` vs `status < 'b'` for an enum `status` (text order, not enum order).
 */
import type { Node } from 'libpg-query';
import { deparseSync } from 'pgsql-deparser';
import {
  type AstObject,
  bodyOf,
  isObject,
  locationFields,
  makeStringList,
  stringList,
  unwrap,
  wrap,
} from './ast.js';
import { dropArgumentCast, dropOperandCasts, rewriteCast } from './casts.js';
import { GanderError } from './errors.js';
import { canonicalConst } from './literals.js';
import { canonicalTypeName, type NormalizeOptions } from './normalize-type.js';
import { parseWrapped } from './parser.js';

export type { NormalizeOptions } from './normalize-type.js';

/** Prefix of the placeholder identifiers that stand for canonical type names while deparsing. */
const placeholderPrefix = 'gander_tp_';
const placeholderPattern = /gander_tp_([0-9]+)_/g;

/**
 * Canonical text of one SQL expression (see the module doc for the rules and what stays
 * different). Sync; requires `loadParser()` to have resolved.
 *
 * @throws GanderError `SQL_SYNTAX` when `sql` is not exactly one expression.
 */
export function normalizeExpression(sql: string, options: NormalizeOptions = {}): string {
  return canonicalExpression(parseExpression(sql), options);
}

/**
 * Canonical text of an expression AST node from libpg-query (a `ColumnDef`'s `raw_default`, a
 * `Constraint`'s `raw_expr`, an `IndexElem`'s `expr`, a `whereClause`); the same rules as
 * {@link normalizeExpression}. The node is not modified.
 */
export function canonicalExpression(node: Node, options: NormalizeOptions = {}): string {
  return deparseCanonical(rewriteExpression(node, options), options);
}

/**
 * The expression AST with the rules of this module applied (locations dropped, casts canonical,
 * ...), for callers that rewrite it further before {@link deparseCanonical}. Returns a new tree.
 */
export function rewriteExpression(node: Node, options: NormalizeOptions = {}): Node {
  return rewrite(node, options) as Node;
}

/** Prints a rewritten expression AST on one line, type names in canonical form. */
export function deparseCanonical(node: Node, options: NormalizeOptions = {}): string {
  const types: string[] = [];
  if (JSON.stringify(node).includes(placeholderPrefix)) {
    throw new GanderError(
      'UNSUPPORTED',
      `expression uses the reserved identifier prefix ${placeholderPrefix}`,
    );
  }
  const withPlaceholders = replaceTypeNames(node, types, options);
  const text = deparseSync(withPlaceholders as Node, { pretty: false });
  return text.replace(placeholderPattern, (_, i: string) => types[Number(i)] ?? '');
}

/** Parses `sql` as exactly one expression. @throws GanderError `SQL_SYNTAX` otherwise. */
export function parseExpression(sql: string): Node {
  const result = parseWrapped('SELECT ', sql, 'expression');
  const stmt = result.stmts?.length === 1 ? result.stmts[0]?.stmt : undefined;
  const select = bodyOf(stmt, 'SelectStmt');
  const extra = select
    ? Object.keys(select).filter((k) => !['targetList', 'limitOption', 'op'].includes(k))
    : [];
  const targets = select?.targetList as unknown[] | undefined;
  const target = targets?.length === 1 ? bodyOf(targets[0], 'ResTarget') : undefined;
  if (!target?.val || target.name !== undefined || extra.length > 0) {
    throw new GanderError('SQL_SYNTAX', `expected one expression, found ${JSON.stringify(sql)}`);
  }
  return target.val as Node;
}

/** Copies `value` bottom-up without its location fields (as `withoutLocations`), applying the rules. */
function rewrite(value: unknown, options: NormalizeOptions): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, options));
  if (!isObject(value)) return value;
  const out: AstObject = {};
  for (const key in value) if (!locationFields.has(key)) out[key] = rewrite(value[key], options);
  const u = unwrap(out);
  return u ? rewriteNode(u[0], u[1], options) : out;
}

/** One rule application on a node whose children are already rewritten. */
function rewriteNode(kind: string, body: AstObject, options: NormalizeOptions): Node {
  switch (kind) {
    case 'A_Const':
      return canonicalConst(wrap(kind, body));
    case 'TypeCast':
      return rewriteCast(body, options);
    case 'A_Expr':
      return rewriteAExpr(body, options);
    case 'BoolExpr':
      return flattenBool(body);
    case 'CaseExpr':
      return bodyOf(body.defresult, 'A_Const')?.isnull
        ? wrap(kind, Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'defresult')))
        : wrap(kind, body);
    case 'FuncCall':
      return wrap(kind, {
        ...body,
        funcname: makeStringList(unqualified(stringList(body.funcname) ?? [], options)),
        ...(Array.isArray(body.args) ? { args: body.args.map((a) => dropArgumentCast(a, options)) } : {}),
      });
    default:
      return wrap(kind, body);
  }
}

function rewriteAExpr(body: AstObject, options: NormalizeOptions): Node {
  const name = stringList(body.name);
  const op = name ? unqualified(name, options) : undefined;
  const b: AstObject = dropOperandCasts(op ? { ...body, name: makeStringList(op) } : body, options);
  switch (b.kind) {
    case 'AEXPR_IN':
      return rewriteIn(b);
    case 'AEXPR_LIKE':
    case 'AEXPR_ILIKE':
      return wrap('A_Expr', { ...b, kind: 'AEXPR_OP' });
    case 'AEXPR_BETWEEN':
    case 'AEXPR_NOT_BETWEEN': {
      const bounds = bodyOf(b.rexpr, 'List')?.items as Node[] | undefined;
      if (bounds?.length !== 2) return wrap('A_Expr', b);
      const not = b.kind === 'AEXPR_NOT_BETWEEN';
      const compare = (o: string, bound: Node) =>
        wrap('A_Expr', { kind: 'AEXPR_OP', name: makeStringList([o]), lexpr: b.lexpr, rexpr: bound });
      const args = [
        compare(not ? '<' : '>=', bounds[0] as Node),
        compare(not ? '>' : '<=', bounds[1] as Node),
      ];
      return wrap('BoolExpr', { boolop: not ? 'OR_EXPR' : 'AND_EXPR', args });
    }
    default:
      return wrap('A_Expr', b);
  }
}

/** `x IN (consts)` as PostgreSQL's `transformAExprIn` turns it: `= ANY (ARRAY[...])`, or `=` for one item. */
function rewriteIn(b: AstObject): Node {
  const items = bodyOf(b.rexpr, 'List')?.items as Node[] | undefined;
  if (!items || items.some(mentionsColumn)) return wrap('A_Expr', b);
  const op = stringList(b.name)?.[0] === '<>' ? '<>' : '=';
  if (items.length === 1) {
    return wrap('A_Expr', { kind: 'AEXPR_OP', name: makeStringList([op]), lexpr: b.lexpr, rexpr: items[0] });
  }
  return wrap('A_Expr', {
    kind: op === '=' ? 'AEXPR_OP_ANY' : 'AEXPR_OP_ALL',
    name: makeStringList([op]),
    lexpr: b.lexpr,
    rexpr: wrap('A_ArrayExpr', { elements: items }),
  });
}

function mentionsColumn(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsColumn);
  if (!isObject(value)) return false;
  if ('ColumnRef' in value) return true;
  return Object.values(value).some(mentionsColumn);
}

function flattenBool(body: AstObject): Node {
  if (body.boolop === 'NOT_EXPR') return wrap('BoolExpr', body);
  const args: unknown[] = [];
  for (const arg of (body.args as unknown[] | undefined) ?? []) {
    const inner = bodyOf(arg, 'BoolExpr');
    if (inner && inner.boolop === body.boolop) args.push(...((inner.args as unknown[] | undefined) ?? []));
    else args.push(arg);
  }
  return wrap('BoolExpr', { ...body, args });
}

/** A function or operator name without a `pg_catalog.` or `<defaultSchema>.` qualification. */
function unqualified(name: readonly string[], options: NormalizeOptions): string[] {
  const schema = options.defaultSchema ?? 'public';
  if (name.length === 2 && (name[0] === 'pg_catalog' || name[0] === schema)) return [name[1] as string];
  return [...name];
}

/** Replaces every `TypeName` under a cast with a placeholder identifier; `types[i]` is the canonical text. */
function replaceTypeNames(value: unknown, types: string[], options: NormalizeOptions): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceTypeNames(v, types, options));
  if (!isObject(value)) return value;
  const out: AstObject = {};
  for (const key in value) {
    const v = value[key];
    if (key === 'typeName' && isObject(v) && Array.isArray(v.names)) {
      types.push(canonicalTypeName(v as never, options));
      out[key] = { names: makeStringList([`${placeholderPrefix}${types.length - 1}_`]), typemod: -1 };
    } else {
      out[key] = replaceTypeNames(v, types, options);
    }
  }
  return out;
}
