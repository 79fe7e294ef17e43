import type { SourceSpan } from './model.js';

/**
 * What went wrong, as a stable code. The CLI maps codes to exit codes (README "Exit codes"); never
 * match on message text.
 */
export type GanderErrorCode =
  | 'USAGE'
  | 'CONFIG'
  | 'FILE_NOT_FOUND'
  | 'SQL_SYNTAX'
  | 'GOOSE_DIRECTIVE'
  | 'GOOSE_VERSION'
  | 'PRISMA_SCHEMA'
  | 'DB_CONNECT'
  | 'DB_QUERY'
  | 'MIGRATION_FAILED'
  | 'MIGRATION_STATE'
  | 'LOCK_TIMEOUT'
  | 'REPLAY_FAILED'
  | 'UNSUPPORTED';

/**
 * The one error type of gander. `message` is in compiler form (`file:line:col: what was found,
 * what was expected`); `source` points at the input; `hint` says how to fix it.
 */
export class GanderError extends Error {
  override readonly name = 'GanderError';
  readonly code: GanderErrorCode;
  readonly source?: SourceSpan;
  readonly hint?: string;

  constructor(
    code: GanderErrorCode,
    message: string,
    options: { source?: SourceSpan; hint?: string; cause?: unknown } = {},
  ) {
    super(options.source ? `${formatSpan(options.source)}: ${message}` : message, { cause: options.cause });
    this.code = code;
    if (options.source) this.source = options.source;
    if (options.hint) this.hint = options.hint;
  }
}

/** `file:line:column`, the form editors and CI annotations link. */
export function formatSpan(span: SourceSpan): string {
  return `${span.file}:${span.line}:${span.column}`;
}

export function isGanderError(error: unknown): error is GanderError {
  return error instanceof GanderError;
}

/** Exhaustiveness guard for `switch (x.kind)`. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
