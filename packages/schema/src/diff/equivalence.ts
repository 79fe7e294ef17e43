/**
 * The equivalences the diff applies on top of canonical text: what two sources may spell
 * differently while PostgreSQL treats them the same.
 *
 * - A time type without precision is the time type with precision 6, the largest PostgreSQL
 *   keeps (`timestamp with time zone` == `timestamp(6) with time zone`; the same for `timestamp`,
 *   `time`, `time with time zone` and `interval`, arrays included).
 * - A unique constraint that is not deferrable is the unique index that backs it (`asIndex`).
 *
 * @see https://www.postgresql.org/docs/16/datatype-datetime.html ("p ... allowed range of p is from 0 to 6")
 */
import type { Index, IndexKey } from '../model.js';
import type { IndexLike } from './changes.js';

const PRECISION_SIX = [
  /^(timestamp|time)\(6\)( with(?:out)? time zone)/,
  /^(interval(?: [a-z]+(?: to [a-z]+)?)?)\(6\)()/,
];

/**
 * The comparison key of a canonical type: the type itself, with a precision of 6 on a time type
 * removed (see the module doc).
 *
 * @example typeKey('timestamp(6) with time zone[]') === 'timestamp with time zone[]'
 */
export function typeKey(type: string): string {
  if (!type.includes('(6)')) return type; // what both patterns need
  for (const pattern of PRECISION_SIX) {
    if (pattern.test(type)) return type.replace(pattern, (_match, head: string, tail: string) => head + tail);
  }
  return type;
}

/** True when two canonical types are the same type (see `typeKey`). */
export function sameType(a: string, b: string): boolean {
  return typeKey(a) === typeKey(b);
}

/** A plain ascending column key, as a unique constraint has. */
function columnKey(column: string): IndexKey {
  return { column, order: 'asc', nulls: 'last' };
}

/**
 * A unique constraint as the unique index PostgreSQL builds for it (btree, ascending, default
 * operator classes); an index is returned as it is.
 */
export function asIndex(object: IndexLike): Index {
  if (!('kind' in object)) return object;
  return {
    name: object.name,
    unique: true,
    method: 'btree',
    keys: object.columns.map(columnKey),
    include: object.include,
    nullsNotDistinct: object.nullsNotDistinct,
    ...(object.comment !== undefined ? { comment: object.comment } : {}),
    ...(object.span ? { span: object.span } : {}),
  };
}

/** True for a unique constraint that may stand for an index (deferrable ones cannot). */
export function isIndexLike(object: { readonly kind: string; readonly deferrable?: boolean }): boolean {
  return object.kind === 'unique' && object.deferrable !== true;
}

/**
 * A possibly schema-qualified name kept unquoted in the model (`C`, `public.german`), each part
 * spelled by `quote`; the first `.` separates the schema.
 */
export function qualifiedText(name: string, quote: (part: string) => string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? quote(name) : `${quote(name.slice(0, dot))}.${quote(name.slice(dot + 1))}`;
}

/**
 * Text of one index key, for signatures, messages and SQL: `(lower(email)) DESC`, `name gin_trgm_ops`;
 * `quote` spells a column or collation name (SQL passes its identifier quoting).
 */
export function keyText(key: IndexKey, quote: (name: string) => string = (name) => name): string {
  let text = key.column !== undefined ? quote(key.column) : `(${key.expression ?? ''})`;
  if (key.collation) text += ` COLLATE ${qualifiedText(key.collation, quote)}`;
  if (key.opclass) text += ` ${key.opclass}`;
  if (key.order === 'desc') text += ' DESC';
  if (key.nulls !== (key.order === 'desc' ? 'first' : 'last')) text += ` NULLS ${key.nulls.toUpperCase()}`;
  return text;
}

/** The key columns / expressions only, e.g. `(email, (lower(name)))`: what a name rename keeps. */
export function keyColumnsSignature(index: Index): string {
  return index.keys.map((key) => key.column ?? `(${key.expression ?? ''})`).join(', ');
}

/** Everything that defines an index except its name and comment. */
export function indexSignature(index: Index): string {
  return JSON.stringify([
    index.unique,
    index.method,
    index.keys.map((key) => keyText(key)),
    index.include,
    index.predicate ?? null,
    index.nullsNotDistinct,
  ]);
}

/** True when an index is only plain columns in default order: what Prisma's `@@index` can say. */
export function isPlainIndex(index: Index): boolean {
  return (
    index.predicate === undefined &&
    index.keys.every((key) => key.column !== undefined && !key.opclass && !key.collation)
  );
}

/** Compares two values by JSON; model values are plain data, so this is deep equality. */
export function same(a: unknown, b: unknown): boolean {
  // Two strings or two booleans have the same JSON exactly when they are equal: no text is built.
  if ((typeof a === 'string' && typeof b === 'string') || (typeof a === 'boolean' && typeof b === 'boolean'))
    return a === b;
  if (a === undefined && b === undefined) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The aspects among `fields` whose values differ between `a` and `b` (deep equality), in the
 * order of `fields`.
 */
export function differingAspects<T, A extends string & keyof T>(a: T, b: T, fields: readonly A[]): A[] {
  return fields.filter((field) => !same(a[field], b[field]));
}

/** Elements of a one-dimensional array default, `'{a,"b c"}'` or `ARRAY['a', 'b c']` (casts dropped); undefined for anything else. */
function arrayElements(expression: string): string[] | undefined {
  const text = expression.replace(/::[a-z_ ."()0-9]+(\[\])?$/i, '');
  const literal = /^'\{(.*)\}'$/s.exec(text);
  if (literal) {
    const body = (literal[1] as string).replace(/''/g, "'");
    if (body === '') return [];
    const out: string[] = [];
    for (const match of body.matchAll(/"((?:[^"\\]|\\.)*)"|([^,{}"]+)/g))
      out.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] as string).trim());
    return out;
  }
  const array = /^ARRAY\[(.*)\]$/s.exec(text);
  if (!array) return undefined;
  const body = (array[1] as string).trim();
  if (body === '') return [];
  const out: string[] = [];
  for (const match of body.matchAll(/\s*'((?:[^']|'')*)'(?:::[a-z_ ."()0-9]+)?|([^,\s][^,]*)/gi))
    out.push(match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] as string).trim());
  return out;
}

/**
 * A `time` literal as `time_out` prints it after `time_in` read it into a column of `type`
 * (`'9:00'` -> `'09:00:00'`, `'18:30:00.500'` -> `'18:30:00.5'`); undefined for other types, other
 * spellings (`'allballs'`, `'9am'`) and fractions the column's precision would round.
 *
 * @see https://www.postgresql.org/docs/16/datatype-datetime.html#DATATYPE-DATETIME-INPUT-TIMES
 */
function timeLiteral(expression: string, type: string): string | undefined {
  const precision = /^time(?:\((\d)\))? without time zone$/.exec(type);
  const match = /^'\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*'$/.exec(expression);
  if (!precision || !match) return undefined;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  const fraction = (match[4] ?? '').replace(/0+$/, '');
  if (minute > 59 || second > 59 || hour > 24 || (hour === 24 && (minute > 0 || second > 0 || fraction)))
    return undefined;
  if (fraction.length > Number(precision[1] ?? 6)) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return `'${two(hour)}:${two(minute)}:${two(second)}${fraction ? `.${fraction}` : ''}'`;
}

/**
 * Two canonical column defaults that give the same value: equal text, the same one-dimensional
 * array written as an array literal and as an `ARRAY[...]` constructor (`'{7,1}'` == `ARRAY[7, 1]`,
 * `'{}'` == `ARRAY[]`, what a migration and Prisma's `@default([7, 1])` write), or, given the column's
 * canonical `type`, the same `time` value in two spellings (`'09:00'` == `'09:00:00'`: a migration's
 * `TIME DEFAULT '09:00'` is stored as the `'09:00:00'::time` that Prisma's `dbgenerated` and
 * `pg_get_expr` print). The column types are compared separately.
 */
export function sameDefault(a: string | undefined, b: string | undefined, type?: string): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (type !== undefined) {
    const t = timeLiteral(a, type);
    if (t !== undefined && t === timeLiteral(b, type)) return true;
  }
  const x = arrayElements(a);
  const y = arrayElements(b);
  return x !== undefined && y !== undefined && same(x, y);
}
