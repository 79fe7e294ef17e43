/**
 * goose's text output, byte for byte (after the `log` prefix): status rows, ANSIC dates, the `log`
 * prefix itself.
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/status.go
 * @see https://github.com/pressly/goose/blob/v3.27.3/migration_sql.go (`verboseInfo`)
 * @see https://pkg.go.dev/time#pkg-constants (`ANSIC = "Mon Jan _2 15:04:05 2006"`)
 */
import type { StepTrace } from './execute.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Formats a PostgreSQL `timestamp without time zone` as text (`2024-05-06 08:24:20.123456`) in Go's
 * `time.ANSIC` layout (`Mon May  6 08:24:20 2024`), wall clock as stored (no zone conversion, as goose
 * prints what pgx returns). Returns the text unchanged when it is not a timestamp.
 */
export function ansicFromTimestampText(text: string): string {
  const m = /^(\d{4,})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text);
  if (!m) return text;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${DAYS[weekday]} ${MONTHS[month - 1]} ${String(day).padStart(2, ' ')} ${m[4]}:${m[5]}:${m[6]} ${year}`;
}

/** The two header lines of `goose status`. */
export const STATUS_HEADER: readonly string[] = [
  '    Applied At                  Migration',
  '    =======================================',
];

/** One `goose status` row: 4 spaces, the applied-at cell padded to 24, ` -- `, the file's base name. */
export function statusRow(appliedAt: string, baseName: string): string {
  return `    ${appliedAt.padEnd(24, ' ')} -- ${baseName}`;
}

/** Go's standard `log` prefix, local time: `2023/01/26 12:23:15 `. */
export function logPrefix(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}/${p(now.getMonth() + 1)}/${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())} `;
}

/**
 * goose's `clearStatement`: drops full-line `--` comments (at column 0) and empty lines, as goose's
 * error messages and verbose log show a statement.
 */
export function clearStatement(sql: string): string {
  return sql.replace(/^--.*$[\r\n]*/gm, '').replace(/^$[\r\n]*/gm, '');
}

const GRAY = '\u001b[90m';
const RESET = '\u001b[00m';

/**
 * goose's `-v` line for a step event, as the message of one log call: `Begin transaction`,
 * `Executing statement: <clearStatement(sql)>`, `Commit transaction`, `Rollback transaction`; in gray
 * (`ESC[90m` ... `ESC[00m`) unless `color` is false (`-no-color`, `NO_COLOR`). goose formats a
 * statement inside a transaction with a trailing newline, so with colour the reset code lands on a
 * line of its own; Go's `log` adds a newline only when the text lacks one, which the caller's logger
 * does for every message, so that newline is dropped here.
 */
export function verboseText(event: StepTrace, color: boolean): string {
  const text =
    event.kind === 'begin'
      ? 'Begin transaction'
      : event.kind === 'commit'
        ? 'Commit transaction'
        : event.kind === 'rollback'
          ? 'Rollback transaction'
          : `Executing statement: ${clearStatement(event.statement.sql)}${event.inTransaction ? '\n' : ''}`;
  const printed = color ? `${GRAY}${text}${RESET}` : text;
  return printed.endsWith('\n') ? printed.slice(0, -1) : printed;
}
