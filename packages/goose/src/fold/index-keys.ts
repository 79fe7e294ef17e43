import { figureColname, type IndexKey } from '@gander/schema';
import type { IndexElem, Node } from 'libpg-query';
import { as, strs } from './ast.js';
import { canonicalExpr } from './canonical.js';
import type { FoldState } from './state.js';

/** Access methods whose indexes are ordered (`amcanorder`): only they keep ASC/DESC and NULLS. */
const ORDERED_METHODS = new Set(['btree']);

/**
 * Operator classes that are the default for their type under the method, so `pg_index` shows none
 * (`opcdefault`); an explicitly written default class is dropped to match.
 */
const DEFAULT_OPCLASSES = new Set([
  'btree:int2_ops',
  'btree:int4_ops',
  'btree:int8_ops',
  'btree:text_ops',
  'btree:bpchar_ops',
  'btree:varchar_ops',
  'btree:uuid_ops',
  'btree:timestamp_ops',
  'btree:timestamptz_ops',
  'btree:date_ops',
  'btree:numeric_ops',
  'btree:bool_ops',
  'btree:float4_ops',
  'btree:float8_ops',
  'btree:jsonb_ops',
  'btree:bytea_ops',
  'btree:enum_ops',
  'gin:array_ops',
  'gin:jsonb_ops',
  'gin:tsvector_ops',
  'hash:text_ops',
  'hash:int4_ops',
  'hash:int8_ops',
  'hash:uuid_ops',
  'brin:timestamptz_minmax_ops',
  'brin:timestamp_minmax_ops',
  'brin:int4_minmax_ops',
  'brin:int8_minmax_ops',
  'brin:date_minmax_ops',
]);

/** The column name an index key contributes to a generated index name (`FigureIndexColname`). */
export function keyNameForIndexName(elem: IndexElem): string {
  if (elem.indexcolname) return elem.indexcolname;
  if (elem.name) return elem.name;
  return figureColname(elem.expr) ?? 'expr';
}

/** Model `IndexKey` of an index element under an access method. */
export function indexKey(state: FoldState, elem: IndexElem, method: string): IndexKey {
  const ordered = ORDERED_METHODS.has(method);
  const desc = ordered && elem.ordering === 'SORTBY_DESC';
  const nulls =
    ordered && elem.nulls_ordering === 'SORTBY_NULLS_FIRST'
      ? 'first'
      : ordered && elem.nulls_ordering === 'SORTBY_NULLS_LAST'
        ? 'last'
        : desc
          ? 'first'
          : 'last';
  const opclassNames = strs(elem.opclass);
  const opclass = opclassNames[opclassNames.length - 1];
  const collation = strs(elem.collation);
  let column = elem.name;
  let expression: string | undefined;
  if (column === undefined && elem.expr) {
    const ref = as<{ fields?: Node[] }>(elem.expr, 'ColumnRef');
    const fields = ref ? strs(ref.fields) : [];
    if (ref && fields.length === 1 && ref.fields?.length === 1) column = fields[0];
    else expression = canonicalExpr(state, elem.expr);
  }
  return {
    ...(column !== undefined ? { column } : {}),
    ...(expression !== undefined ? { expression } : {}),
    ...(opclass !== undefined && !DEFAULT_OPCLASSES.has(`${method}:${opclass}`) ? { opclass } : {}),
    ...(collation.length > 0 ? { collation: collation[collation.length - 1] as string } : {}),
    order: desc ? 'desc' : 'asc',
    nulls,
  };
}
