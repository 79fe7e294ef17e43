/**
 * Digests of routines, triggers and views computed from SQL source. The canonical texts are the
 * same JSON objects, keys in the same order, as `packages/introspect/src/digests.ts` builds from the
 * catalogs (that file is the contract; `@gander/goose` cannot import `@gander/introspect`, which
 * depends on it, so the two builders must be kept in step).
 */
import { fingerprint } from '@gander/schema';

/** One routine argument as the digest sees it. */
export interface DigestArgument {
  readonly mode: 'in' | 'out' | 'inout' | 'variadic' | 'table';
  readonly name: string | null;
  readonly type: string;
}

/** Routine digest: `{"kind","language","arguments","returns","volatility","strict","securityDefiner","body"}`. */
export function routineDigest(parts: {
  kind: 'function' | 'procedure';
  language: string;
  arguments: readonly DigestArgument[];
  returns: string | null;
  volatility: 'immutable' | 'stable' | 'volatile';
  strict: boolean;
  securityDefiner: boolean;
  body: string;
}): string {
  return fingerprint(
    JSON.stringify({
      kind: parts.kind,
      language: parts.language,
      arguments: parts.arguments.map((a) => ({ mode: a.mode, name: a.name, type: a.type })),
      returns: parts.returns,
      volatility: parts.volatility,
      strict: parts.strict,
      securityDefiner: parts.securityDefiner,
      body: parts.body,
    }),
  );
}

/** Trigger digest: `{"timing","events","updateColumns","level","function","arguments","when","oldTable","newTable","constraint"}`. */
export function triggerDigest(parts: {
  timing: string;
  events: readonly string[];
  updateColumns: readonly string[];
  level: string;
  function: { schema: string; name: string };
  arguments: readonly string[];
  when: string | null;
  oldTable: string | null;
  newTable: string | null;
  constraint: { deferrable: boolean; initiallyDeferred: boolean } | null;
}): string {
  return fingerprint(
    JSON.stringify({
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
    }),
  );
}

/**
 * View digest: the fingerprint of the query text, trimmed, without a trailing `;`.
 *
 * NOTE: a live database digests `pg_get_viewdef`, which expands `*`, qualifies every column and adds
 * casts; that text cannot be rebuilt from the source without PostgreSQL's analyser, so static and
 * live view digests differ until `@gander/schema` offers one canonical query form for both.
 */
export function viewDigest(query: string): string {
  return fingerprint(query.trim().replace(/;\s*$/, '').trim());
}
