/**
 * Canonical constants for the expression normaliser: which literals compare equal, and which
 * casts of a literal say nothing the context does not already say.
 */
import type { Node } from 'libpg-query';
import { type AstObject, bodyOf, unwrap, wrap } from './ast.js';
import { canonicalIntervalText } from './intervals.js';

/** A decimal number exactly as PostgreSQL prints one (`0`, `-12`, `1.50`), no exponent or `+`. */
const canonicalNumber = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/** Spellings `boolin` accepts (lower-cased, trimmed), for `'t'::boolean` and the like. */
const booleanTexts: ReadonlyMap<string, boolean> = new Map([
  ['t', true],
  ['tr', true],
  ['tru', true],
  ['true', true],
  ['y', true],
  ['ye', true],
  ['yes', true],
  ['on', true],
  ['1', true],
  ['f', false],
  ['fa', false],
  ['fal', false],
  ['fals', false],
  ['false', false],
  ['n', false],
  ['no', false],
  ['of', false],
  ['off', false],
  ['0', false],
]);

/** A number constant node for canonical decimal text (an `ival` when it fits 32 bits). */
export function numberConst(text: string): Node {
  const n = Number(text);
  if (/^-?[0-9]+$/.test(text) && Number.isSafeInteger(n) && n >= -2147483648 && n <= 2147483647) {
    return n === 0 ? wrap('A_Const', { ival: {} }) : wrap('A_Const', { ival: { ival: n } });
  }
  return wrap('A_Const', { fval: { fval: text } });
}

/** The text of a number constant (`ival` or `fval`), or `undefined`. */
export function numberText(constBody: AstObject): string | undefined {
  const ival = constBody.ival;
  if (ival !== undefined) {
    const v = (ival as AstObject).ival;
    return String(typeof v === 'number' ? v : 0);
  }
  const fval = constBody.fval as AstObject | undefined;
  return typeof fval?.fval === 'string' ? fval.fval : undefined;
}

/**
 * A constant in canonical form: a string whose text is a canonical decimal number becomes that
 * number (`'0'` == `0`, `'-1'` == `-1`), and number constants are stored one way (`ival` when the
 * value fits 32 bits, `fval` otherwise) whatever the parser chose.
 */
export function canonicalConst(node: Node): Node {
  const c = bodyOf(node, 'A_Const');
  if (!c || c.isnull) return node;
  const sval = (c.sval as AstObject | undefined)?.sval;
  if (c.sval !== undefined) {
    const text = typeof sval === 'string' ? sval : '';
    return canonicalNumber.test(text) && text !== '-0' ? numberConst(text) : node;
  }
  const num = numberText(c);
  return num !== undefined && canonicalNumber.test(num) ? numberConst(num) : node;
}

/**
 * What remains of `arg::type` (`type` canonical) when the cast adds nothing the context does not:
 * the literal alone, or `undefined` to keep the cast.
 *
 * - `NULL::t` -> `NULL`.
 * - A string literal cast to any type -> the literal (`'light'::character varying`, `'{}'::jsonb`,
 *   `'active'::public.status`), since PostgreSQL prints every string constant with its resolved type
 *   and an untyped literal takes the type of its context. A string cast to a number type becomes
 *   the number when its text is one, to `boolean` the boolean, to `interval` the text PostgreSQL
 *   prints for it (`interval '10 minutes'` -> `'00:10:00'`, see `canonicalIntervalText`).
 * - A number literal cast to any type but `boolean` -> the number (`(0)::numeric`, `'-1'::integer`,
 *   `'0'::text`, which rule `canonicalConst` has already made a number).
 * - A boolean literal cast to `boolean` -> the boolean.
 * - An `ARRAY[...]` of literals cast to an array type -> the array (`ARRAY['a'::varchar]::text[]`).
 */
export function dropLiteralCast(arg: Node, type: string): Node | undefined {
  const u = unwrap(arg);
  if (!u) return undefined;
  const [kind, body] = u;
  if (kind === 'A_Const') {
    if (body.isnull) return arg;
    if (body.sval !== undefined) {
      const text = String((body.sval as AstObject).sval ?? '');
      if (type === 'boolean') {
        const b = booleanTexts.get(text.trim().toLowerCase());
        return b === undefined ? arg : wrap('A_Const', { boolval: b ? { boolval: true } : {} });
      }
      if (type === 'interval') {
        const canonical = canonicalIntervalText(text);
        return canonical === undefined ? arg : wrap('A_Const', { sval: { sval: canonical } });
      }
      return arg;
    }
    if (body.boolval !== undefined) return type === 'boolean' ? arg : undefined;
    if (type === 'interval') {
      const canonical = canonicalIntervalText(numberText(body) ?? '');
      return canonical === undefined ? undefined : wrap('A_Const', { sval: { sval: canonical } });
    }
    if (type === 'boolean') {
      const b = booleanTexts.get(numberText(body) ?? '');
      return b === undefined ? undefined : wrap('A_Const', { boolval: b ? { boolval: true } : {} });
    }
    return arg;
  }
  if (kind === 'A_ArrayExpr' && type.endsWith('[]')) {
    const elements = (body.elements as unknown[] | undefined) ?? [];
    return elements.every(isLiteral) ? arg : undefined;
  }
  return undefined;
}

/** Whether `node` is a constant or an `ARRAY[...]` of constants. */
export function isLiteral(node: unknown): boolean {
  const u = unwrap(node);
  if (!u) return false;
  if (u[0] === 'A_Const') return true;
  if (u[0] === 'A_ArrayExpr') return ((u[1].elements as unknown[] | undefined) ?? []).every(isLiteral);
  return false;
}
