/**
 * Versions of goose migration files, as goose's `NumericComponent` reads them from file names.
 *
 * @see https://github.com/pressly/goose/blob/520411a16119bd3b332613d1ff8312c4cc249673/migration.go (NumericComponent)
 * @see https://github.com/pressly/goose/blob/520411a16119bd3b332613d1ff8312c4cc249673/migrate.go (timestamped, versioned)
 */
import { goQuote } from './go-strings.js';

/** The version read from a file name, or goose's reason why there is none. */
export type VersionResult =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly reason: string };

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * goose's `NumericComponent(base name)`: the extension (text from the last `.`) must be `.sql` or
 * `.go`; the version is the text before the first `_`, parsed as Go `strconv.ParseInt(s, 10, 64)`
 * (leading zeros and a sign allowed), and must be at least 1.
 *
 * NOTE: goose accepts versions up to 2^63-1; gander's versions are JavaScript numbers, so a version
 * above 2^53-1 (9007199254740991) is reported as unusable rather than silently rounded.
 *
 * @returns the version, or the reason in goose's words (`no filename separator '_' found`, ...).
 */
export function parseVersion(baseName: string): VersionResult {
  const dot = baseName.lastIndexOf('.');
  const ext = dot >= 0 ? baseName.slice(dot) : '';
  if (ext !== '.go' && ext !== '.sql')
    return { ok: false, reason: 'migration file does not have .sql or .go file extension' };
  const separator = baseName.indexOf('_');
  if (separator < 0) return { ok: false, reason: "no filename separator '_' found" };
  const digits = baseName.slice(0, separator);
  const parseError = (why: string): VersionResult => ({
    ok: false,
    reason: `failed to parse version from migration file: ${baseName}: strconv.ParseInt: parsing ${goQuote(digits)}: ${why}`,
  });
  if (!/^[+-]?[0-9]+$/.test(digits)) return parseError('invalid syntax');
  const value = BigInt(digits);
  if (value > INT64_MAX || value < INT64_MIN) return parseError('value out of range');
  if (value < 1n) return { ok: false, reason: 'migration version must be greater than zero' };
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    return {
      ok: false,
      reason: `version ${digits} is above 2^53-1, the largest version gander can represent exactly`,
    };
  }
  return { ok: true, version: Number(value) };
}

/**
 * Milliseconds since 1970-01-01 UTC when the decimal digits of `version` parse as the Go layout
 * `20060102150405` (14 digits, a real UTC date and time), else undefined.
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/fix.go (timestamped vs versioned migrations)
 */
function timestampMillis(version: number): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(String(version));
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/**
 * Whether goose counts `version` as a timestamp (`goose fix` renumbers those): it parses as
 * `20060102150405` (see `timestampMillis`) and lies after 1970-01-01 00:00:00 UTC.
 */
export function isTimestampVersion(version: number): boolean {
  const ms = timestampMillis(version);
  return ms !== undefined && ms > 0;
}

/**
 * Whether goose counts `version` as sequential ("versioned"): not a timestamp, or one before 1970.
 * NOTE: as in goose, exactly `19700101000000` is neither timestamped nor sequential.
 */
export function isSequentialVersion(version: number): boolean {
  const ms = timestampMillis(version);
  return ms === undefined || ms < 0;
}
