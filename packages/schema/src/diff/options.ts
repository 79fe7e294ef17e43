/**
 * Options of `diffModels` and the object paths its ignore rules match.
 *
 * An object path is the object's dotted name, unquoted, as PostgreSQL folds it:
 * - schema `public`; extension `pgcrypto`;
 * - schema objects `public.users` (tables, views, enums, domains, sequences, routines);
 * - table members `public.users.email` (columns, constraints, indexes, triggers).
 *
 * A pattern is matched against the whole path, segment by segment: `*` matches any run of
 * characters inside one segment, `?` one character, and a final `**` segment matches the rest
 * (`audit.**` is everything in schema `audit`). A rule on a table also drops its members.
 */

/** The kinds of schema object: what an ignore rule can be limited to and what a finding is about. */
export type ObjectKind =
  | 'schema'
  | 'extension'
  | 'enum'
  | 'domain'
  | 'sequence'
  | 'table'
  | 'column'
  | 'constraint'
  | 'index'
  | 'trigger'
  | 'view'
  | 'routine';

/** Leave matching objects out of the comparison. */
export interface IgnoreRule {
  /** Pattern over the object path (see the module doc). */
  readonly pattern: string;
  /** Limit the rule to these kinds; all kinds when absent. */
  readonly kinds?: readonly ObjectKind[];
}

export interface DiffOptions {
  /** Objects to leave out; a bare string is `{ pattern }`. */
  readonly ignore?: readonly (string | IgnoreRule)[];
  /**
   * Compare migration bookkeeping tables too. Default false: tables named in `bookkeepingTables`
   * (in any schema) and the sequences they own are left out.
   */
  readonly includeBookkeeping?: boolean;
  /** Default `DEFAULT_BOOKKEEPING_TABLES`. */
  readonly bookkeepingTables?: readonly string[];
  /**
   * Pair a dropped and an added column whose names are equal but for case and `_`
   * (`adminId` / `admin_id`) into `rename column`, and a dropped and an added table of the same
   * schema whose names are that close, one edit apart, or whose column names are the same, into
   * `rename table`. Default true: a missing `@map` or an `@@map` typo reads as one name finding.
   */
  readonly detectRenames?: boolean;
}

/** goose's and Prisma Migrate's history tables. */
export const DEFAULT_BOOKKEEPING_TABLES: readonly string[] = ['goose_db_version', '_prisma_migrations'];

function segmentRegExp(segment: string): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * True when `pattern` matches the dotted `path` (see the module doc).
 *
 * @example matchesPattern('public.users_*', 'public.users_archive') === true
 */
export function matchesPattern(pattern: string, path: readonly string[]): boolean {
  const segments = pattern.split('.');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (segment === '**' && i === segments.length - 1) return path.length >= i;
    const part = path[i];
    if (part === undefined || !segmentRegExp(segment).test(part)) return false;
  }
  return segments.length === path.length;
}

/** Decides what `diffModels` leaves out; built once per call. */
export interface Filter {
  ignored(kind: ObjectKind, path: readonly string[]): boolean;
}

/** Builds the filter of `options` (ignore rules plus the bookkeeping tables unless included). */
export function makeFilter(options: DiffOptions = {}): Filter {
  const rules: IgnoreRule[] = (options.ignore ?? []).map((rule) =>
    typeof rule === 'string' ? { pattern: rule } : rule,
  );
  const bookkeeping = options.includeBookkeeping
    ? []
    : (options.bookkeepingTables ?? DEFAULT_BOOKKEEPING_TABLES);
  return {
    ignored(kind, path) {
      if (kind === 'table' && bookkeeping.includes(path[1] ?? '')) return true;
      return rules.some(
        (rule) => (!rule.kinds || rule.kinds.includes(kind)) && matchesPattern(rule.pattern, path),
      );
    },
  };
}
