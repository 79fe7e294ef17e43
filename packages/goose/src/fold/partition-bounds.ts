/**
 * Partition bound values as `pg_get_expr(relpartbound)` prints them: each value goes through the
 * partition key column's type input and output, so `'2024-01-01'` bounding a `timestamptz` key prints
 * as `'2024-01-01 00:00:00+00'` and `'10'` bounding an `integer` key as `10`.
 *
 * `timestamp with time zone` values are printed in UTC, as `introspect` reads them (its catalog
 * statement sets `TimeZone` to UTC).
 *
 * NOTE: a value written without an offset is read as UTC; PostgreSQL reads it in the `TimeZone` of the
 * session that ran the migration, so on a server whose zone is not UTC the bound differs by the offset.
 *
 * @see https://www.postgresql.org/docs/16/datatype-datetime.html
 */

const dateTime =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(z|utc|[+-]\d{1,2}(?::?\d{2})?)?$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The type's printed form of a bound written as the string `text`, quoted; `undefined` when not known. */
function printed(text: string, type: string): string | undefined {
  const base = type.replace(/\(\d+\)/, '');
  if (/^(smallint|integer|bigint)$/.test(base))
    return /^\s*[+-]?\d+\s*$/.test(text) ? String(Number(text)) : undefined;
  if (base !== 'date' && base !== 'timestamp without time zone' && base !== 'timestamp with time zone')
    return undefined;
  const m = dateTime.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = m;
  const day = `${y}-${pad(Number(mo))}-${pad(Number(d))}`;
  if (base === 'date') return `'${day}'`;
  const frac = fraction.replace(/0+$/, '').replace(/^\.$/, '');
  if (base === 'timestamp without time zone')
    return `'${day} ${pad(Number(h))}:${pad(Number(mi))}:${pad(Number(s))}${frac}'`;
  let offsetMinutes = 0;
  if (zone && !/^(z|utc)$/i.test(zone)) {
    const z = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
    if (!z) return undefined;
    offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? '0'));
  }
  const utc = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi) - offsetMinutes, Number(s)),
  );
  const date = `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
  return `'${date} ${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}:${pad(utc.getUTCSeconds())}${frac}+00'`;
}

/** A string bound value, printed for the key column's canonical `type` (as written when not known). */
export function boundLiteral(text: string, type: string | undefined): string {
  return (type !== undefined ? printed(text, type) : undefined) ?? `'${text.replace(/'/g, "''")}'`;
}

/**
 * The columns of a `pg_get_partkeydef` text by position (`RANGE (a, lower(b))` -> `['a', undefined]`),
 * unquoted; expressions give `undefined`.
 */
export function keyColumns(partitionKey: string | undefined): (string | undefined)[] {
  const inner = /^\w+ \((.*)\)$/.exec(partitionKey ?? '')?.[1];
  if (inner === undefined) return [];
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of inner) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth += 1;
    if (!quoted && ch === ')') depth -= 1;
    if (!quoted && depth === 0 && ch === ',') {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  return parts.map((p) => {
    const m = /^(?:"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*))(?: COLLATE \S+)?(?: \S+)?$/.exec(p);
    return m ? (m[1]?.replace(/""/g, '"') ?? m[2]) : undefined;
  });
}
