/**
 * The `gander sync-check` report: plain JSON data, versioned (`version: 1`), printed as is by
 * `--format json` and read back by `--baseline-file`. Findings come from `@gander/schema`; notices
 * are about a service's sources as a whole (a migration goose cannot run, pending migrations, a
 * baseline that builds nothing).
 */
import type { Finding, Severity, SourceSpan } from '@gander/schema';

/** Version of the JSON shape; bumped on any incompatible change. */
export const REPORT_VERSION = 1;

/**
 * Codes of notices, with their default severity (overridable per service in `severity`):
 * - `migration-invalid` (error): goose would send PostgreSQL a statement it rejects (a `$$` body
 *   split at a `;` line end for want of `-- +goose StatementBegin`), so `goose up` stops there;
 *   gander leaves the statement out and compares the rest.
 * - `migration-pending` (info): a migration not yet applied to the database.
 * - `migration-unknown` (warning): the database records a version no migration file has.
 * - `baseline-empty` (error): a migration builds nothing (`SELECT 1`, comments) while schema.prisma
 *   models tables no migration creates: the migrations cannot rebuild the database.
 * - `version-table-missing` (warning): the database has no goose version table.
 * - `opaque-statements` (info): statements the static fold cannot model (`DO` blocks); `--replay`
 *   runs them.
 * - `source-missing` (warning): the service has no Prisma schema or no migrations to compare.
 */
export const NOTICE_CODES = {
  'migration-invalid': 'error',
  'migration-pending': 'info',
  'migration-unknown': 'warning',
  'baseline-empty': 'error',
  'version-table-missing': 'warning',
  'opaque-statements': 'info',
  'source-missing': 'warning',
} as const satisfies Record<string, Severity>;

export type NoticeCode = keyof typeof NOTICE_CODES;

/** A fact about a service's sources as a whole. */
export interface Notice {
  readonly code: NoticeCode;
  readonly severity: Severity;
  readonly message: string;
  /** Where it is (a migration file:line), when it has a place. */
  readonly location?: SourceSpan;
  /** What to do about it. */
  readonly hint?: string;
}

/** What was read for one service. */
export interface ServiceSources {
  readonly migrations?: {
    readonly dir: string;
    readonly format: 'goose' | 'prisma-migrate';
    /** Migration files in the folder. */
    readonly count: number;
    /** Version of the last migration (0 for none). */
    readonly head: number;
    /** `fold` (static) or `replay:pglite` / `replay:<database>`. */
    readonly mode: string;
    /** The baseline file folded first, with the version it stands for. */
    readonly baseline?: { readonly file: string; readonly version: number };
  };
  readonly prisma?: { readonly files: readonly string[] };
  readonly database?: {
    /** host, port, database, user: never the password. */
    readonly label: string;
    /** goose's current version of the database (newest applied row), absent without a version table. */
    readonly version?: number;
    /** Migration files not applied to the database, in apply order. */
    readonly pending: readonly { readonly version: number; readonly file: string }[];
  };
}

/** A finding as reported: `pending` when a pending migration will resolve it. */
export type ReportFinding = Finding & {
  /** Files of the pending migrations that make the database agree (then the severity is `info`). */
  readonly pending?: readonly string[];
};

/** The outcome for one service. */
export interface ServiceReport {
  readonly name: string;
  readonly sources: ServiceSources;
  readonly notices: readonly Notice[];
  readonly findings: readonly ReportFinding[];
  /** Findings left out because `--baseline-file` accepts them (by key). */
  readonly accepted: number;
  /** Set when the service could not be checked (bad input, unreachable database): exit code 2. */
  readonly error?: { readonly code: string; readonly message: string; readonly hint?: string };
}

export interface ReportSummary {
  readonly services: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly accepted: number;
  /** Services that could not be checked. */
  readonly failedServices: number;
}

export interface SyncCheckReport {
  readonly version: typeof REPORT_VERSION;
  readonly tool: 'gander sync-check';
  /** The configuration file used, relative to the working folder; absent in folder mode. */
  readonly config?: string;
  readonly failOn: 'error' | 'warning';
  readonly services: readonly ServiceReport[];
  readonly summary: ReportSummary;
  /** 0 clean, 1 findings or notices at or above `failOn`, 2 a service could not be checked. */
  readonly exitCode: 0 | 1 | 2;
}

/** Counts by severity over every finding and notice, and the exit code. */
export function summarize(
  services: readonly ServiceReport[],
  failOn: 'error' | 'warning',
): { summary: ReportSummary; exitCode: 0 | 1 | 2 } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let accepted = 0;
  let failedServices = 0;
  for (const service of services) {
    if (service.error) failedServices++;
    accepted += service.accepted;
    for (const item of [...service.findings, ...service.notices]) {
      if (item.severity === 'error') errors++;
      else if (item.severity === 'warning') warnings++;
      else infos++;
    }
  }
  const failing = failOn === 'warning' ? errors + warnings : errors;
  const exitCode = failedServices > 0 ? 2 : failing > 0 ? 1 : 0;
  return {
    summary: { services: services.length, errors, warnings, infos, accepted, failedServices },
    exitCode,
  };
}
