/**
 * The seam to `@gander/schema`'s normalisers: every type and expression this package emits goes
 * through them, so the Prisma model compares equal to the other sources' models.
 */
import { normalizeDefault, normalizeExpression, normalizeType } from '@gander/schema';

/** Canonical type of a type spelling (`Unsupported("...")` text). Requires `loadParser()`. */
export function canonicalType(spelling: string, defaultSchema: string): string {
  return normalizeType(spelling, { defaultSchema });
}

/** Canonical default expression. Requires `loadParser()`. */
export function canonicalDefault(sql: string, defaultSchema: string): string {
  return normalizeDefault(sql, { defaultSchema });
}

/** Canonical boolean expression (a partial-index predicate). Requires `loadParser()`. */
export function canonicalPredicate(sql: string, defaultSchema: string): string {
  return normalizeExpression(sql, { defaultSchema });
}
