/**
 * PostgreSQL's `quote_identifier` and `quote_literal`, for the canonical type and expression texts
 * this package builds (`public."Role"`, `'it''s'::text`).
 *
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/utils/adt/ruleutils.c (`quote_identifier`)
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/include/parser/kwlist.h
 */

/** Keywords that are not UNRESERVED_KEYWORD in PostgreSQL 16/18: `quote_identifier` quotes them. */
const quotedKeywords: ReadonlySet<string> = new Set(
  // reserved
  (
    'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint ' +
    'create current_catalog current_date current_role current_time current_timestamp current_user default ' +
    'deferrable desc distinct do else end except false fetch for foreign from grant group having in initially ' +
    'intersect into lateral leading limit localtime localtimestamp not null offset on only or order placing ' +
    'primary references returning select session_user some symmetric system_user table then to trailing true ' +
    'union unique user using variadic when where window with ' +
    // type_func_name
    'authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join ' +
    'left like natural notnull outer overlaps right similar tablesample verbose ' +
    // col_name
    'between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping ' +
    'inout int integer interval json json_array json_arrayagg json_exists json_object json_objectagg ' +
    'json_query json_scalar json_serialize json_table json_value least merge_action national nchar none ' +
    'normalize nullif numeric out overlay position precision real row setof smallint substring time ' +
    'timestamp treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest ' +
    'xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable'
  ).split(' '),
);

/** Quotes `name` only when PostgreSQL would: not lower-case-safe, or a non-unreserved keyword. */
export function quoteIdent(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !quotedKeywords.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** `schema.name`, each part quoted as needed. */
export function qualifiedName(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** A standard SQL string literal: `'it''s'`. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
