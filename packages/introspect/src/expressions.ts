/**
 * Canonical expressions for the live reader: PostgreSQL's printed text (`pg_get_expr`,
 * `pg_get_indexdef`, `pg_get_triggerdef`, all under `search_path = pg_catalog`) through
 * `normalizeExpression` / `normalizeDefault` from `@gander/schema`, so that it compares equal with
 * what a migration or schema.prisma writes.
 */
import { GanderError, type NormalizeOptions, normalizeDefault, normalizeExpression } from '@gander/schema';

/** Options every expression of one object is normalised with. */
export interface ExpressionContext {
  /** Schema whose qualification is dropped from function names (`public` by default). */
  readonly defaultSchema: string;
  /** Canonical types of the table's columns by name, so operand casts PostgreSQL adds are dropped. */
  readonly columns?: Readonly<Record<string, string>>;
}

function options(context: ExpressionContext): NormalizeOptions {
  return context.columns
    ? { defaultSchema: context.defaultSchema, columns: context.columns }
    : { defaultSchema: context.defaultSchema };
}

/**
 * Canonical text of a check, index, predicate, generated-column or `WHEN` expression.
 * Requires `loadParser()` to have resolved.
 *
 * @throws GanderError `DB_QUERY` naming the object when the printed text does not parse (a bug:
 *   PostgreSQL printed it), with the parser's error as `cause`.
 */
export function liveExpression(printed: string, where: string, context: ExpressionContext): string {
  try {
    return normalizeExpression(printed, options(context));
  } catch (error) {
    throw normaliseError(printed, where, error);
  }
}

/** Canonical text of a column or domain default (`normalizeDefault`). @throws as {@link liveExpression}. */
export function liveDefault(printed: string, where: string, context: ExpressionContext): string {
  try {
    return normalizeDefault(printed, options(context));
  } catch (error) {
    throw normaliseError(printed, where, error);
  }
}

function normaliseError(printed: string, where: string, error: unknown): GanderError {
  const reason = error instanceof Error ? error.message : String(error);
  return new GanderError(
    'DB_QUERY',
    `introspect: ${where}: cannot normalise ${JSON.stringify(printed)}: ${reason}`,
    {
      cause: error,
    },
  );
}
