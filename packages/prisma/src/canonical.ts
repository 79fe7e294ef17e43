/**
 * The seam to `@gander/schema`'s normalisers: every type and expression this package emits goes
 * through them, so the Prisma model compares equal to the other sources' models.
 *
 * Results are kept for the rest of one `prismaToModel` call (`ctx.canonical`): a schema repeats
 * the same few defaults (`now()`, `gen_random_uuid()`, `false`) hundreds of times, and each
 * normalisation is a parse and a deparse.
 */
import { normalizeDefault, normalizeExpression, normalizeType } from '@gander/schema';
import type { MappingContext } from './context.js';

type Kind = 'type' | 'default' | 'predicate';

function remembered(ctx: MappingContext, kind: Kind, text: string, compute: () => string): string {
  const key = `${kind}\u0000${text}`;
  let result = ctx.canonical.get(key);
  if (result === undefined) {
    result = compute();
    ctx.canonical.set(key, result);
  }
  return result;
}

/** Canonical type of a type spelling (`Unsupported("...")` text). Requires `loadParser()`. */
export function canonicalType(spelling: string, ctx: MappingContext): string {
  return remembered(ctx, 'type', spelling, () =>
    normalizeType(spelling, { defaultSchema: ctx.defaultSchema }),
  );
}

/** Canonical default expression. Requires `loadParser()`. */
export function canonicalDefault(sql: string, ctx: MappingContext): string {
  return remembered(ctx, 'default', sql, () => normalizeDefault(sql, { defaultSchema: ctx.defaultSchema }));
}

/** Canonical boolean expression (a partial-index predicate). Requires `loadParser()`. */
export function canonicalPredicate(sql: string, ctx: MappingContext): string {
  return remembered(ctx, 'predicate', sql, () =>
    normalizeExpression(sql, { defaultSchema: ctx.defaultSchema }),
  );
}
