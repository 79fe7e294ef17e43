/**
 * Interval literals as PostgreSQL prints them (`IntervalStyle = postgres`, the default), so that
 * `interval '10 minutes'` and the `'00:10:00'::interval` that `pg_get_expr` prints compare equal.
 *
 * @see https://www.postgresql.org/docs/16/datatype-datetime.html#DATATYPE-INTERVAL-INPUT
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/utils/adt/datetime.c (DecodeInterval, EncodeInterval)
 */

/** Unit spellings `DecodeInterval` accepts, as months, days or microseconds per unit. */
interface Unit {
  readonly months?: number;
  readonly days?: number;
  readonly micros?: number;
}

const spell = (names: readonly string[], unit: Unit): [string, Unit][] => names.map((n) => [n, unit]);

const units: ReadonlyMap<string, Unit> = new Map([
  ...spell(['microsecond', 'microseconds', 'usec', 'usecs', 'us', 'microsecon'], { micros: 1 }),
  ...spell(['millisecond', 'milliseconds', 'msec', 'msecs', 'ms', 'millisecon'], { micros: 1e3 }),
  ...spell(['second', 'seconds', 'sec', 'secs', 's'], { micros: 1e6 }),
  ...spell(['minute', 'minutes', 'min', 'mins', 'm'], { micros: 60e6 }),
  ...spell(['hour', 'hours', 'hr', 'hrs', 'h'], { micros: 3600e6 }),
  ...spell(['day', 'days', 'd'], { days: 1 }),
  ...spell(['week', 'weeks', 'w'], { days: 7 }),
  ...spell(['month', 'months', 'mon', 'mons'], { months: 1 }),
  ...spell(['year', 'years', 'yr', 'yrs', 'y'], { months: 12 }),
  ...spell(['decade', 'decades', 'dec', 'decs'], { months: 120 }),
  ...spell(['century', 'centuries', 'c', 'cent'], { months: 1200 }),
  ...spell(['millennium', 'millennia', 'mil', 'mils'], { months: 12000 }),
]);

const number = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const clock = /^([+-]?)(\d+):(\d+)(?::(\d+(?:\.\d*)?))?$/;

/**
 * The text PostgreSQL prints for an interval literal (`'90 minutes'` -> `'01:30:00'`,
 * `'2 weeks'` -> `'14 days'`, `'1 year 2 months'` -> `'1 year 2 mons'`, `'1 day 36 hours'` ->
 * `'1 day 36:00:00'`), or `undefined` for input this reader does not decode exactly (ISO 8601
 * `P...`, SQL-standard `1-2`, fractional months or years, `ago` with mixed signs): such literals
 * are kept as written.
 */
export function canonicalIntervalText(text: string): string | undefined {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/^@\s*/, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return undefined;
  let months = 0;
  let days = 0;
  let micros = 0;
  let ago = false;
  const tokens: string[] = [];
  for (const [i, word] of words.entries()) {
    if (word === 'ago' && i === words.length - 1) {
      ago = true;
      continue;
    }
    if (clock.test(word)) {
      tokens.push(word);
      continue;
    }
    const pieces = word.match(/[+-]?(?:\d+\.?\d*|\.\d+)|[a-z]+/g) ?? [];
    if (pieces.join('') !== word || pieces.slice(1).some((p) => /^[+-]/.test(p))) return undefined;
    tokens.push(...pieces);
  }
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as string;
    const time = clock.exec(token);
    if (time) {
      const sign = time[1] === '-' ? -1 : 1;
      const seconds = Number(time[4] ?? '0');
      micros += sign * (Number(time[2]) * 3600e6 + Number(time[3]) * 60e6 + Math.round(seconds * 1e6));
      continue;
    }
    if (!number.test(token)) return undefined;
    const next = tokens[i + 1];
    let unit: Unit = { micros: 1e6 };
    if (next !== undefined && !number.test(next) && !clock.test(next)) {
      const found = units.get(next);
      if (!found) return undefined;
      unit = found;
      i += 1;
    }
    const n = Number(token);
    if (unit.months !== undefined) {
      if (!Number.isInteger(n)) return undefined;
      months += n * unit.months;
    } else if (unit.days !== undefined) {
      const whole = Math.trunc(n * unit.days);
      days += whole;
      micros += Math.round((n * unit.days - whole) * 86400e6);
    } else {
      micros += Math.round(n * (unit.micros ?? 0));
    }
  }
  if (ago) [months, days, micros] = [-months, -days, -micros];
  return encodeInterval(months, days, micros);
}

/** `EncodeInterval` with `INTSTYLE_POSTGRES`. */
function encodeInterval(months: number, days: number, micros: number): string {
  const parts: string[] = [];
  let before = false;
  const add = (value: number, unit: string) => {
    if (value === 0) return;
    parts.push(
      `${parts.length > 0 && before && value > 0 ? '+' : ''}${value} ${unit}${value !== 1 ? 's' : ''}`,
    );
    before = value < 0;
  };
  add(Math.trunc(months / 12), 'year');
  add(months % 12, 'mon');
  add(days, 'day');
  if (micros !== 0 || parts.length === 0) {
    const minus = micros < 0;
    const abs = Math.abs(micros);
    const hours = Math.floor(abs / 3600e6);
    const minutes = Math.floor((abs % 3600e6) / 60e6);
    const secondsMicros = abs % 60e6;
    const whole = Math.floor(secondsMicros / 1e6);
    const fraction = secondsMicros % 1e6;
    const pad = (n: number) => String(n).padStart(2, '0');
    const frac = fraction === 0 ? '' : `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
    const sign = minus ? '-' : parts.length > 0 && before ? '+' : '';
    parts.push(`${sign}${pad(hours)}:${pad(minutes)}:${pad(whole)}${frac}`);
  }
  return parts.join(' ');
}
