/**
 * What the draft builders share: the two sources compared (and their whole models, when given),
 * the Prisma side's client defaults, the names Prisma fixes use, and the helpers that fill in each
 * end's fix.
 */
import type { Model, SourceSpan } from '../model.js';
import type { DraftSide, Leg } from './draft.js';
import type { PrismaNaming } from './prisma-names.js';
import type { PrismaEnumName } from './prisma-types.js';
import type { ClientDefault, Fix, Side } from './types.js';

export interface BuildContext {
  readonly leg: Leg;
  readonly clientDefaults: readonly ClientDefault[];
  /** Every enum type of the sources, each with the Prisma name fixes call it by. */
  readonly enums: readonly PrismaEnumName[];
  /** The Prisma schema's names for models, fields and enum values (`enums` included). */
  readonly naming: PrismaNaming;
  /** The models the change set was computed from, when known: SQL fixes see foreign keys elsewhere. */
  readonly models?: { readonly from: Model; readonly to: Model };
}

export type End = 'from' | 'to';

/** Which end of the leg is the Prisma schema, if one is. */
export function prismaEnd(ctx: BuildContext): End | undefined {
  return ctx.leg.from === 'prisma' ? 'from' : ctx.leg.to === 'prisma' ? 'to' : undefined;
}

export function sideOf(ctx: BuildContext, end: End): Side {
  return end === 'from' ? ctx.leg.from : ctx.leg.to;
}

export const other = (end: End): End => (end === 'from' ? 'to' : 'from');

/** A SQL fix for `side`, or undefined when there are no statements. */
export function sqlFix(side: Side, statements: readonly string[]): Omit<Fix, 'side'> | undefined {
  if (statements.length === 0) return undefined;
  return {
    kind: 'sql',
    text: statements.join('\n'),
    description:
      side === 'database'
        ? 'run on the database (better: through a new migration)'
        : 'add to a new migration',
  };
}

/** A Prisma fix: `text` to put at `location` as `description` says. */
export function prismaFix(text: string, description: string, location?: SourceSpan): Omit<Fix, 'side'> {
  return { kind: 'prisma', text, description, ...(location ? { location } : {}) };
}

/**
 * The two ends of a draft. `fixFor(end)` gives the fix that makes `end` agree with the other one:
 * the Prisma fix when `end` is the Prisma schema, else SQL (`sql(end)`).
 */
export function ends(
  ctx: BuildContext,
  options: {
    readonly present: { readonly from: boolean; readonly to: boolean };
    readonly span: { readonly from?: SourceSpan; readonly to?: SourceSpan };
    readonly value?: { readonly from?: string; readonly to?: string };
    readonly sql: (end: End) => readonly string[];
    readonly prisma?: (end: End) => Omit<Fix, 'side'> | undefined;
  },
): { from: DraftSide; to: DraftSide } {
  const make = (end: End): DraftSide => {
    const side = sideOf(ctx, end);
    const fix = side === 'prisma' ? options.prisma?.(end) : sqlFix(side, options.sql(end));
    const span = options.span[end];
    const value = options.value?.[end];
    return {
      present: options.present[end],
      ...(span ? { span } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(fix ? { fix } : {}),
    };
  };
  return { from: make('from'), to: make('to') };
}

/** The client default the Prisma schema declares for a column, if any. */
export function clientDefaultOf(
  ctx: BuildContext,
  schema: string,
  table: string,
  column: string,
): ClientDefault | undefined {
  return ctx.clientDefaults.find((d) => d.schema === schema && d.table === table && d.column === column);
}

/** The smaller of two names: a direction-independent name for keys of renamed objects. */
export function keyName(a: string, b: string): string {
  return a < b ? a : b;
}
