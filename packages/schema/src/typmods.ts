/**
 * Type modifiers (`varchar(20)`, `numeric(14,2)`, `timestamp(3)`, `interval day to second(3)`)
 * printed as `format_type` prints them: each built-in type's `typmodin` (how the written numbers
 * become the stored typmod) followed by its `typmodout`.
 *
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/utils/adt/format_type.c
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/utils/adt/timestamp.c (intervaltypmodout)
 */
import type { Node } from 'libpg-query';
import { GanderError } from './errors.js';

/** `MAX_TIME_PRECISION`, `MAX_TIMESTAMP_PRECISION` and `MAX_INTERVAL_PRECISION`: larger values are clamped. */
const maxFractionalPrecision = 6;

/** Field bits of an interval typmod (`INTERVAL_MASK` of `datetime.h`). */
const YEAR = 1 << 2;
const MONTH = 1 << 1;
const DAY = 1 << 3;
const HOUR = 1 << 10;
const MINUTE = 1 << 11;
const SECOND = 1 << 12;
const INTERVAL_FULL_RANGE = 0x7fff;

const intervalFields: ReadonlyMap<number, string> = new Map([
  [YEAR, ' year'],
  [MONTH, ' month'],
  [DAY, ' day'],
  [HOUR, ' hour'],
  [MINUTE, ' minute'],
  [SECOND, ' second'],
  [YEAR | MONTH, ' year to month'],
  [DAY | HOUR, ' day to hour'],
  [DAY | HOUR | MINUTE, ' day to minute'],
  [DAY | HOUR | MINUTE | SECOND, ' day to second'],
  [HOUR | MINUTE, ' hour to minute'],
  [HOUR | MINUTE | SECOND, ' hour to second'],
  [MINUTE | SECOND, ' minute to second'],
  [INTERVAL_FULL_RANGE, ''],
]);

/**
 * `spelled` (the type's `format_type` name without modifiers) with the modifiers `typmods` applied.
 * `builtin` is the `pg_catalog` type name (`varchar`, `numeric`, ...) or `undefined` for other
 * types, whose modifiers are printed as written.
 *
 * @throws GanderError `UNSUPPORTED` for a modifier that is not a constant.
 */
export function formatTypmod(builtin: string | undefined, spelled: string, typmods: readonly Node[]): string {
  if (typmods.length === 0) return spelled;
  const values = typmods.map(typmodValue);
  const ints = values.map((v) => (typeof v === 'number' ? v : Number.NaN));
  const [first = 0, second] = ints;
  switch (builtin) {
    case 'varchar':
      return `character varying(${first})`;
    case 'bpchar':
      return `character(${first})`;
    case 'bit':
      return `bit(${first})`;
    case 'varbit':
      return `bit varying(${first})`;
    case 'numeric':
      return `numeric(${first},${second ?? 0})`;
    case 'time':
    case 'timetz':
    case 'timestamp':
    case 'timestamptz': {
      const [word, zone] = spelled.split(/ (?=with)/);
      return `${word}(${Math.min(first, maxFractionalPrecision)}) ${zone}`;
    }
    case 'interval':
      return formatInterval(ints);
    default:
      return `${spelled}(${values.join(',')})`;
  }
}

/** `intervaltypmodout` applied to the modifiers the grammar produces (`[range]` or `[range, precision]`). */
function formatInterval(ints: readonly number[]): string {
  const [range = INTERVAL_FULL_RANGE, precision] = ints;
  const fields = intervalFields.get(range);
  if (fields === undefined) throw new GanderError('UNSUPPORTED', `invalid interval field mask ${range}`);
  const digits = precision === undefined ? '' : `(${Math.min(precision, maxFractionalPrecision)})`;
  return `interval${fields}${digits}`;
}

function typmodValue(node: Node): number | string {
  if ('A_Const' in node) {
    const c = node.A_Const;
    if (c.ival) return c.ival.ival ?? 0;
    if ('ival' in c) return 0;
    if (c.fval?.fval !== undefined) return c.fval.fval;
    if (c.sval?.sval !== undefined) return `'${c.sval.sval.replaceAll("'", "''")}'`;
  }
  if ('ColumnRef' in node) {
    const fields = node.ColumnRef.fields ?? [];
    return fields.map((f) => ('String' in f ? f.String.sval : '*')).join('.');
  }
  throw new GanderError('UNSUPPORTED', `type modifier is not a constant: ${Object.keys(node).join(',')}`);
}
