import type { IndexKey } from '@gander/schema';
import type { IndexElem, Node } from 'libpg-query';
import { as, nodeType, str, strs } from './ast.js';
import { canonicalExpr } from './canonical.js';
import type { FoldState } from './state.js';

/** Access methods whose indexes are ordered (`amcanorder`): only they keep ASC/DESC and NULLS. */
const ORDERED_METHODS = new Set(['btree']);

/**
 * Operator classes that are the default for their type under the method, so `pg_index` shows none
 * (`opcdefault`); an explicitly written default class is dropped to match.
 */
const DEFAULT_OPCLASSES = new Set([
  'btree:int2_ops', 'btree:int4_ops', 'btree:int8_ops', 'btree:text_ops', 'btree:bpchar_ops', 'btree:varchar_ops',
  'btree:uuid_ops', 'btree:timestamp_ops', 'btree:timestamptz_ops', 'btree:date_ops', 'btree:numeric_ops',
  'btree:bool_ops', 'btree:float4_ops', 'btree:float8_ops', 'btree:jsonb_ops', 'btree:bytea_ops', 'btree:enum_ops',
  'gin:array_ops', 'gin:jsonb_ops', 'gin:tsvector_ops', 'hash:text_ops', 'hash:int4_ops', 'hash:int8_ops', 'hash:uuid_ops',
  'brin:timestamptz_minmax_ops', 'brin:timestamp_minmax_ops', 'brin:int4_minmax_ops', 'brin:int8_minmax_ops', 'brin:date_minmax_ops',
]);

/** The column name an index key contributes to a generated index name (`FigureIndexColname`). */
export function keyNameForIndexName(elem: IndexElem): string {
  if (elem.indexcolname) return elem.indexcolname;
  if (elem.name) return elem.name;
  return figureColname(elem.expr) ?? 'expr';
}

/** `FigureColnameInternal`'s name for an expression, or undefined when it has none. */
export function figureColname(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const type = nodeType(node);
  const v = (node as unknown as Record<string, Record<string, unknown>>)[type] ?? {};
  switch (type) {
    case 'ColumnRef': {
      const fields = strs(v.fields as Node[]);
      return fields[fields.length - 1];
    }
    case 'FuncCall': {
      const names = strs(v.funcname as Node[]);
      return names[names.length - 1];
    }
    case 'TypeCast': {
      const inner = figureColname(v.arg as Node);
      if (inner !== undefined) return inner;
      const names = strs((v.typeName as { names?: Node[] } | undefined)?.names);
      return names[names.length - 1];
    }
    case 'CollateClause':
      return figureColname(v.arg as Node);
    case 'A_Indirection': {
      const ind = (v.indirection as Node[]) ?? [];
      for (let i = ind.length - 1; i >= 0; i -= 1) {
        const s = str(ind[i]);
        if (s !== undefined) return s;
      }
      return figureColname(v.arg as Node);
    }
    case 'CoalesceExpr':
      return 'coalesce';
    case 'MinMaxExpr':
      return v.op === 'IS_GREATEST' ? 'greatest' : 'least';
    case 'CaseExpr':
      return 'case';
    case 'A_ArrayExpr':
      return 'array';
    case 'RowExpr':
      return 'row';
    case 'A_Expr':
      return v.kind === 'AEXPR_NULLIF' ? 'nullif' : undefined;
    case 'SQLValueFunction':
      return sqlValueFunctionName(String(v.op ?? ''));
    default:
      return undefined;
  }
}

function sqlValueFunctionName(op: string): string | undefined {
  const m = /^SVFOP_(.*)$/.exec(op);
  if (!m) return undefined;
  const name = (m[1] as string).toLowerCase().replace(/_n$/, '');
  return name;
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
