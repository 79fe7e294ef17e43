/**
 * The names PostgreSQL gives unnamed output columns and index expressions.
 *
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/parser/parse_target.c (FigureColnameInternal)
 */
import { bodyOf, stringList, unwrap } from './ast.js';

/**
 * `FigureColnameInternal`'s name for an expression AST node (`count(*)` -> `count`, `t.id` -> `id`,
 * `x::text` -> `x`, `'a'::text` -> `text`, `CASE ...` -> `case`), or `undefined` when PostgreSQL
 * would fall back to `?column?`.
 */
export function figureColname(node: unknown): string | undefined {
  const u = unwrap(node);
  if (!u) return undefined;
  const [kind, v] = u;
  switch (kind) {
    case 'ColumnRef': {
      const last = (v.fields as unknown[] | undefined)?.at(-1);
      return bodyOf(last, 'String')?.sval as string | undefined;
    }
    case 'FuncCall':
      return stringList(v.funcname)?.at(-1);
    case 'TypeCast': {
      const inner = figureColname(v.arg);
      if (inner !== undefined) return inner;
      return stringList((v.typeName as { names?: unknown } | undefined)?.names)?.at(-1);
    }
    case 'CollateClause':
      return figureColname(v.arg);
    case 'A_Indirection': {
      const indirection = (v.indirection as unknown[] | undefined) ?? [];
      for (let i = indirection.length - 1; i >= 0; i -= 1) {
        const name = bodyOf(indirection[i], 'String')?.sval;
        if (typeof name === 'string') return name;
      }
      return figureColname(v.arg);
    }
    case 'SubLink':
      return sublinkName(v);
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
    case 'GroupingFunc':
      return 'grouping';
    case 'XmlExpr':
      return undefined;
    case 'A_Expr':
      return v.kind === 'AEXPR_NULLIF' ? 'nullif' : undefined;
    case 'SQLValueFunction':
      return /^SVFOP_(.*)$/
        .exec(String(v.op ?? ''))?.[1]
        ?.toLowerCase()
        .replace(/_n$/, '');
    default:
      return undefined;
  }
}

/** A scalar sub-select is named only by an explicit name of its one output column (as in the raw parse tree). */
function sublinkName(v: Record<string, unknown>): string | undefined {
  if (v.subLinkType === 'EXISTS_SUBLINK') return 'exists';
  if (v.subLinkType === 'ARRAY_SUBLINK') return 'array';
  if (v.subLinkType !== 'EXPR_SUBLINK') return undefined;
  const select = bodyOf(v.subselect, 'SelectStmt');
  const target = bodyOf((select?.targetList as unknown[] | undefined)?.[0], 'ResTarget');
  return target?.name as string | undefined;
}
