/**
 * Qualified names and string literals for the canonical type and expression texts this package
 * builds (`public."Role"`, `'it''s'::text`). Identifiers are quoted by `@gander/schema`'s
 * `quoteIdentifier` (PostgreSQL's `quote_identifier`), as every other source's are.
 *
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/utils/adt/ruleutils.c (`quote_identifier`)
 */
import { quoteIdentifier } from '@gander/schema';

/** `schema.name`, each part quoted as needed. */
export function qualifiedName(schema: string, name: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}

/** A standard SQL string literal: `'it''s'`. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
