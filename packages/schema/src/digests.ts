/**
 * The canonical texts behind the `digest` of routines, triggers and views, built by every source (a
 * live database in `@gander/introspect`, migrations folded statically in `@gander/goose`, Prisma)
 * from its own input through these same functions, so equal definitions get equal digests;
 * `digests.md` beside this file says how a reader of `CREATE FUNCTION` / `CREATE TRIGGER` /
 * `CREATE VIEW` source and a reader of the catalogs fill each field.
 *
 * Each text is `JSON.stringify` of a plain object whose keys appear in the order written below, with
 * no spaces (the default of `JSON.stringify`).
 */
import type { Node } from 'libpg-query';
import { fingerprint } from './fingerprint.js';
import { type NormalizeQueryOptions, normalizeQuery } from './normalize-query.js';

/** One argument of a routine, in declaration order. */
export interface RoutineArgument {
  readonly mode: 'in' | 'out' | 'inout' | 'variadic' | 'table';
  /** `null` for an unnamed argument. */
  readonly name: string | null;
  /** Canonical type (`format_type` spelling, see `normalizeType`). */
  readonly type: string;
}

/** What a routine's digest covers. */
export interface RoutineDigestParts {
  readonly kind: 'function' | 'procedure';
  /** Language name as `pg_language.lanname` spells it: `plpgsql`, `sql`, `c`, `internal`. */
  readonly language: string;
  readonly arguments: readonly RoutineArgument[];
  /** `SETOF <type>` or `<type>` (canonical); `RETURNS TABLE(...)` is `SETOF record` (`SETOF <type>` for one column); `null` for procedures. */
  readonly returns: string | null;
  readonly volatility: 'immutable' | 'stable' | 'volatile';
  readonly strict: boolean;
  readonly securityDefiner: boolean;
  /** `prosrc` verbatim: the text between the dollar quotes (or the string constant's value). */
  readonly body: string;
}

/**
 * Canonical text of a routine: `{"kind","language","arguments":[{"mode","name","type"}],"returns",
 * "volatility","strict","securityDefiner","body"}`. Not covered: argument defaults, `SET`
 * configuration, cost, rows, parallel safety, leakproof, `BEGIN ATOMIC` bodies (their `prosrc` is empty).
 *
 * @see https://www.postgresql.org/docs/16/catalog-pg-proc.html
 */
export function routineDigestText(parts: RoutineDigestParts): string {
  return JSON.stringify({
    kind: parts.kind,
    language: parts.language,
    arguments: parts.arguments.map((a) => ({ mode: a.mode, name: a.name, type: a.type })),
    returns: parts.returns,
    volatility: parts.volatility,
    strict: parts.strict,
    securityDefiner: parts.securityDefiner,
    body: parts.body,
  });
}

/** The routine digest: `fingerprint(routineDigestText(parts))`. */
export function routineDigest(parts: RoutineDigestParts): string {
  return fingerprint(routineDigestText(parts));
}

/** What a trigger's digest covers. */
export interface TriggerDigestParts {
  readonly timing: 'before' | 'after' | 'instead of';
  /** Sorted (code-unit order) subset of `delete`, `insert`, `truncate`, `update`. */
  readonly events: readonly string[];
  /** Columns of `UPDATE OF`, sorted; `[]` when none. */
  readonly updateColumns: readonly string[];
  readonly level: 'row' | 'statement';
  readonly function: { readonly schema: string; readonly name: string };
  /** The string arguments given to the function, in order (`EXECUTE FUNCTION f('a', 'b')` -> `["a","b"]`). */
  readonly arguments: readonly string[];
  /** Canonical `WHEN` condition (`normalizeExpression` of the text inside `WHEN (...)`), `null` when none. */
  readonly when: string | null;
  /** `REFERENCING OLD TABLE AS x NEW TABLE AS y` names, `null` when absent. */
  readonly oldTable: string | null;
  readonly newTable: string | null;
  /** Set for `CREATE CONSTRAINT TRIGGER`. */
  readonly constraint: { readonly deferrable: boolean; readonly initiallyDeferred: boolean } | null;
}

/**
 * Canonical text of a trigger: `{"timing","events","updateColumns","level","function":{"schema","name"},
 * "arguments","when","oldTable","newTable","constraint":null|{"deferrable","initiallyDeferred"}}`.
 * Not covered: the `FROM referenced_table` of a constraint trigger.
 *
 * @see https://www.postgresql.org/docs/16/sql-createtrigger.html
 */
export function triggerDigestText(parts: TriggerDigestParts): string {
  return JSON.stringify({
    timing: parts.timing,
    events: parts.events,
    updateColumns: parts.updateColumns,
    level: parts.level,
    function: { schema: parts.function.schema, name: parts.function.name },
    arguments: parts.arguments,
    when: parts.when,
    oldTable: parts.oldTable,
    newTable: parts.newTable,
    constraint: parts.constraint
      ? { deferrable: parts.constraint.deferrable, initiallyDeferred: parts.constraint.initiallyDeferred }
      : null,
  });
}

/** The trigger digest: `fingerprint(triggerDigestText(parts))`. */
export function triggerDigest(parts: TriggerDigestParts): string {
  return fingerprint(triggerDigestText(parts));
}

/**
 * Canonical text of a view: its query through `normalizeQuery` (stars expanded from
 * `options.relation`, qualification and the casts PostgreSQL adds dropped, one line). The query is
 * the `CREATE VIEW ... AS` query (text or libpg-query node, with `options.columnNames` for
 * `CREATE VIEW v (a, b)`) for a static reader, `pg_get_viewdef(oid)` for the live one.
 *
 * @throws GanderError `SQL_SYNTAX` when the query does not parse as one query.
 */
export function viewDigestText(query: string | Node, options: NormalizeQueryOptions = {}): string {
  return normalizeQuery(query, options);
}

/** The view digest: `fingerprint(viewDigestText(query, options))`. @throws as {@link viewDigestText}. */
export function viewDigest(query: string | Node, options: NormalizeQueryOptions = {}): string {
  return fingerprint(viewDigestText(query, options));
}
