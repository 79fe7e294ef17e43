/**
 * Turning a PostgreSQL error raised by one migration statement into gander's message: where in the
 * file (the statement's line, moved to the error's `position` when PostgreSQL gives one), and
 * PostgreSQL's own SQLSTATE, detail and hint.
 */
import type { SourceSpan } from '@gander/schema';

/** The fields of a node-postgres `DatabaseError` the runner reads. */
export interface PgErrorFields {
  readonly message: string;
  readonly code?: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly position?: string;
  readonly where?: string;
}

/** Reads the PostgreSQL fields of an error, if it has any. */
export function pgErrorFields(error: unknown): PgErrorFields {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as Record<string, unknown>;
  const text = (k: string) => (typeof e[k] === 'string' && e[k] !== '' ? (e[k] as string) : undefined);
  return {
    message: text('message') ?? String(error),
    ...(text('code') ? { code: text('code') as string } : {}),
    ...(text('detail') ? { detail: text('detail') as string } : {}),
    ...(text('hint') ? { hint: text('hint') as string } : {}),
    ...(text('position') ? { position: text('position') as string } : {}),
    ...(text('where') ? { where: text('where') as string } : {}),
  };
}

/** SQLSTATEs and client errors that mean the session is gone (terminated backend, lost socket). */
export function isConnectionLost(error: unknown): boolean {
  const { code, message } = pgErrorFields(error);
  if (code === '57P01' || code === '57P02' || code === '57P03' || code?.startsWith('08')) return true;
  return /Connection terminated|ECONNRESET|EPIPE|Client has encountered a connection error|not queryable/i.test(
    message,
  );
}

/**
 * The file position of a statement error: the statement's own span, moved to PostgreSQL's 1-based
 * character `position` inside the statement text when the error has one.
 */
export function errorSpan(statementSpan: SourceSpan, sql: string, position: string | undefined): SourceSpan {
  const pos = position === undefined ? Number.NaN : Number(position);
  if (!Number.isInteger(pos) || pos < 1) return statementSpan;
  const chars = Array.from(sql);
  const before = chars.slice(0, pos - 1).join('');
  const lines = before.split('\n');
  if (lines.length === 1) return { ...statementSpan, column: statementSpan.column + before.length };
  return {
    file: statementSpan.file,
    line: statementSpan.line + lines.length - 1,
    column: (lines[lines.length - 1] as string).length + 1,
  };
}

/** pgx's rendering, as it appears in goose's messages: `ERROR: <message> (SQLSTATE <code>)`. */
export function pgxText(fields: PgErrorFields): string {
  return fields.code ? `ERROR: ${fields.message} (SQLSTATE ${fields.code})` : fields.message;
}
