import type { Index, IndexKey } from '@gander/schema';
import type { IndexKeyRow, IndexRow } from './catalog-rows.js';
import { type ExpressionContext, liveExpression } from './expressions.js';

/** `pg_index.indoption` bits (`src/include/catalog/pg_index.h`). */
const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

/**
 * Maps one decoded index key: a column or a canonical expression, the operator class only when it is
 * not the default for the type, the collation only when it differs from the key's, and the sort order
 * from `indoption` (non-sorting access methods store 0: `asc`, nulls `last`).
 */
export function indexKeyFromRow(row: IndexKeyRow, where: string, context: ExpressionContext): IndexKey {
  return {
    ...(row.column !== null ? { column: row.column } : {}),
    ...(row.column === null && row.expression !== null
      ? { expression: liveExpression(row.expression, `expression key of ${where}`, context) }
      : {}),
    ...(row.opclass !== null ? { opclass: row.opclass } : {}),
    ...(row.collation !== null ? { collation: row.collation } : {}),
    order: row.option & INDOPTION_DESC ? 'desc' : 'asc',
    nulls: row.option & INDOPTION_NULLS_FIRST ? 'first' : 'last',
  };
}

/**
 * Maps one `pg_index` row (an index that backs no constraint) to the model's index; `owner` names the
 * table or materialized view in messages.
 */
export function indexFromRow(row: IndexRow, owner: string, context: ExpressionContext): Index {
  const where = `index "${row.name}" of ${owner}`;
  return {
    name: row.name,
    unique: row.unique,
    method: row.method,
    keys: (row.keys ?? []).map((key) => indexKeyFromRow(key, where, context)),
    include: row.include ?? [],
    ...(row.predicate !== null
      ? { predicate: liveExpression(row.predicate, `predicate of ${where}`, context) }
      : {}),
    nullsNotDistinct: row.nulls_not_distinct,
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
