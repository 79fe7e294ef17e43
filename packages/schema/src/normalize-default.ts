/**
 * Canonical text of column default expressions: `normalizeExpression` plus equivalences that hold
 * for defaults.
 *
 * Extra rules:
 * 1. `now()` == `CURRENT_TIMESTAMP` == `transaction_timestamp()` (all the start time of the
 *    transaction); the canonical spelling is `CURRENT_TIMESTAMP`.
 * 2. `nextval('t_id_seq'::regclass)` == `nextval('t_id_seq')` == `nextval('public.t_id_seq'::regclass)`
 *    == `nextval('"public"."t_id_seq"')`: the sequence name is parsed as `regclass` input does
 *    (unquoted parts folded to lower case), `<defaultSchema>.` dropped, and printed with
 *    `quote_identifier` (`nextval('t_id_seq')`, `nextval('app.s')`, `nextval('"Seq"')`).
 *
 * NOTE: what stays different: `now()` vs `statement_timestamp()` vs `clock_timestamp()` (other
 * instants), `CURRENT_TIMESTAMP` vs `CURRENT_TIMESTAMP(3)` (precision) vs `LOCALTIMESTAMP` (no time
 * zone), `CURRENT_DATE` vs `now()`, `'now'` (a literal evaluated when the default is created).
 */
import type { Node } from 'libpg-query';
import { type AstObject, bodyOf, isObject, stringList, wrap } from './ast.js';
import { deparseCanonical, parseExpression, rewriteExpression } from './normalize-expression.js';
import { type NormalizeOptions, quoteIdentifier } from './normalize-type.js';

/** Functions that return the transaction start time, like `CURRENT_TIMESTAMP`. */
const transactionTimestampFunctions: ReadonlySet<string> = new Set(['now', 'transaction_timestamp']);

/**
 * Canonical text of a column default: {@link normalizeExpression} plus the default rules of this
 * module. Sync; requires `loadParser()` to have resolved.
 *
 * @throws GanderError `SQL_SYNTAX` when `sql` is not exactly one expression.
 */
export function normalizeDefault(sql: string, options: NormalizeOptions = {}): string {
  return canonicalDefault(parseExpression(sql), options);
}

/** {@link normalizeDefault} of an expression AST node (a `ColumnDef`'s `raw_default`). */
export function canonicalDefault(node: Node, options: NormalizeOptions = {}): string {
  return deparseCanonical(rewriteDefault(rewriteExpression(node, options), options) as Node, options);
}

function rewriteDefault(value: unknown, options: NormalizeOptions): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteDefault(v, options));
  if (!isObject(value)) return value;
  const out: AstObject = {};
  for (const [key, v] of Object.entries(value)) out[key] = rewriteDefault(v, options);
  const call = bodyOf(out, 'FuncCall');
  if (!call) return out;
  const name = stringList(call.funcname) ?? [];
  const args = (call.args as Node[] | undefined) ?? [];
  if (
    name.length === 1 &&
    transactionTimestampFunctions.has(name[0] as string) &&
    args.length === 0 &&
    !call.agg_star
  ) {
    return wrap('SQLValueFunction', { op: 'SVFOP_CURRENT_TIMESTAMP', typmod: -1 });
  }
  if (name.length === 1 && name[0] === 'nextval' && args.length === 1) {
    const literal = bodyOf(args[0], 'A_Const')?.sval as AstObject | undefined;
    if (typeof literal?.sval === 'string') {
      const sequence = canonicalRelationName(literal.sval, options);
      if (sequence !== undefined)
        return wrap('FuncCall', { ...call, args: [wrap('A_Const', { sval: { sval: sequence } })] });
    }
  }
  return out;
}

/**
 * A relation name as `regclassin` reads it (`a.b`, `"A"."b"`, unquoted parts folded to lower
 * case), printed canonically without `<defaultSchema>.`; `undefined` if it is not a name.
 */
export function canonicalRelationName(text: string, options: NormalizeOptions = {}): string | undefined {
  const parts: string[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^".\s]+))\s*(\.|$)/y;
  let pos = 0;
  let separator: string | undefined = '.';
  while (pos < text.length && separator === '.') {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m || m[0].length === 0) return undefined;
    parts.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] as string).toLowerCase());
    pos = re.lastIndex;
    separator = m[3];
  }
  if (pos < text.length || separator === '.' || parts.length > 3) return undefined;
  const names = parts.slice(-2);
  if (names.length === 2 && names[0] === (options.defaultSchema ?? 'public')) names.shift();
  return names.map(quoteIdentifier).join('.');
}
