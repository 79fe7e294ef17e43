/**
 * The seam to `@gander/schema`'s normalisers: every type and expression this package emits goes
 * through them, so the Prisma model compares equal to the other sources' models.
 *
 * Each normalisation is a parse and a deparse of a short text, and a pure function of the text and
 * the default schema, while schemas repeat the same few defaults (`now()`, `gen_random_uuid()`,
 * `false`) hundreds of times: results are remembered for the process, up to {@link LIMIT} of them
 * (then forgotten all at once), so a long-lived process stays bounded.
 */
import { BoundedMemo, normalizeDefault, normalizeExpression, normalizeType } from '@gander/schema';
import type { MappingContext } from './context.js';

type Kind = 'type' | 'default' | 'predicate';

/** How many results are remembered before the memo starts over. */
const LIMIT = 4096;

const memo = new BoundedMemo(LIMIT);

function remembered(ctx: MappingContext, kind: Kind, text: string, compute: () => string): string {
  return memo.get(`${kind}\u0000${ctx.defaultSchema}\u0000${text}`, compute);
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
