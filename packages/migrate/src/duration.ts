/**
 * Durations the way goose prints and reads them (Go's `time.Duration`).
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/migration.go (`truncateDuration`)
 * @see https://pkg.go.dev/time#Duration.String and https://pkg.go.dev/time#ParseDuration
 */
import { GanderError } from '@gander/schema';

const NS_PER_US = 1_000;
const NS_PER_MS = 1_000_000;
const NS_PER_S = 1_000_000_000;

/** Go's `Duration.Round(m)`: half away from zero. */
function round(ns: number, multiple: number): number {
  return Math.round(ns / multiple) * multiple;
}

/**
 * goose's `truncateDuration`: rounds to 2 decimals of the leading unit (over 1 s to 10 ms, over
 * 1 ms to 10 µs, over 1 µs to 10 ns). Input and output in integer nanoseconds.
 */
export function truncateDuration(ns: number): number {
  for (const unit of [NS_PER_S, NS_PER_MS, NS_PER_US]) {
    if (ns > unit) return round(ns, unit / 100);
  }
  return ns;
}

function fraction(value: number, unit: number, digits: number): string {
  const whole = Math.floor(value / unit);
  const rest = value - whole * unit;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

/**
 * Go's `time.Duration.String()` for a non-negative integer number of nanoseconds:
 * `850ns`, `607.83µs` (U+00B5), `6.82ms`, `1.23s`, `1m1.23s`, `2h0m0s`, `0s`.
 */
export function formatGoDuration(nanoseconds: number): string {
  const ns = Math.max(0, Math.round(nanoseconds));
  if (ns === 0) return '0s';
  if (ns < NS_PER_US) return `${ns}ns`;
  if (ns < NS_PER_MS) return `${fraction(ns, NS_PER_US, 3)}µs`;
  if (ns < NS_PER_S) return `${fraction(ns, NS_PER_MS, 6)}ms`;
  const hours = Math.floor(ns / (3600 * NS_PER_S));
  const minutes = Math.floor((ns - hours * 3600 * NS_PER_S) / (60 * NS_PER_S));
  const seconds = ns - hours * 3600 * NS_PER_S - minutes * 60 * NS_PER_S;
  const s = `${fraction(seconds, NS_PER_S, 9)}s`;
  if (hours > 0) return `${hours}h${minutes}m${s}`;
  if (minutes > 0) return `${minutes}m${s}`;
  return s;
}

/** The duration column of goose's `OK   <file> (<dur>)` line, from nanoseconds. */
export function gooseDuration(nanoseconds: number): string {
  return formatGoDuration(truncateDuration(nanoseconds));
}

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: NS_PER_US,
  µs: NS_PER_US,
  μs: NS_PER_US,
  ms: NS_PER_MS,
  s: NS_PER_S,
  m: 60 * NS_PER_S,
  h: 3600 * NS_PER_S,
};

/**
 * Parses a Go duration (`30s`, `1h13m`, `1.5s`, `500ms`, `0`) into integer milliseconds, as goose's
 * `-timeout` flag reads it. A bare number is taken as milliseconds (PostgreSQL's default unit for
 * `statement_timeout`).
 *
 * @throws GanderError `USAGE` when the text is not a duration.
 */
export function parseDurationMs(text: string, flag: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let index = 0;
  while (index < trimmed.length) {
    part.lastIndex = index;
    const match = part.exec(trimmed);
    if (!match) break;
    total += Number(match[1]) * (UNIT_NS[match[2] as string] as number);
    index = part.lastIndex;
  }
  if (trimmed.length === 0 || index !== trimmed.length) {
    throw new GanderError(
      'USAGE',
      `invalid value "${text}" for flag -${flag}: expected a duration such as 30s, 5m or 1h30m`,
    );
  }
  return Math.round(total / NS_PER_MS);
}
