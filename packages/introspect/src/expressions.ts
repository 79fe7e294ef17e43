/**
 * Canonical expressions for the live reader. PostgreSQL prints every expression here
 * (`pg_get_expr`, `pg_get_indexdef`, `pg_get_triggerdef`) with `search_path = pg_catalog`, so names
 * outside `pg_catalog` are schema-qualified.
 *
 * NOTE: `normalizeExpression` / `normalizeDefault` from `@gander/schema` are not available yet; until
 * they land these return PostgreSQL's printed text unchanged (which is already one canonical
 * spelling per meaning for a live database). Switch both bodies to the normalisers when they exist.
 */

/** Canonical text of a check, index, predicate, generated-column or `WHEN` expression. */
export function canonicalExpression(printed: string): string {
  return printed;
}

/** Canonical text of a column or domain default. */
export function canonicalDefault(printed: string): string {
  return printed;
}
