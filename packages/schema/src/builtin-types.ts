/**
 * The built-in types of `pg_catalog` and how `format_type` spells them.
 *
 * The name list is `pg_type.typname` for the base, pseudo, range and multirange types of
 * `pg_catalog` on PostgreSQL 16 and 18 (the same 107 names on both), array types excluded (an array
 * is `_` + its element's name). The row types of the system catalogs and views (`pg_class`, ...) are
 * left out: they are never column types in practice and differ between majors.
 *
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/utils/adt/format_type.c
 */

const builtinTypeNames: ReadonlySet<string> = new Set(
  (
    'aclitem any anyarray anycompatible anycompatiblearray anycompatiblemultirange anycompatiblenonarray ' +
    'anycompatiblerange anyelement anyenum anymultirange anynonarray anyrange bit bool box bpchar bytea char ' +
    'cid cidr circle cstring date datemultirange daterange event_trigger fdw_handler float4 float8 gtsvector ' +
    'index_am_handler inet int2 int2vector int4 int4multirange int4range int8 int8multirange int8range internal ' +
    'interval json jsonb jsonpath language_handler line lseg macaddr macaddr8 money name numeric nummultirange ' +
    'numrange oid oidvector path pg_brin_bloom_summary pg_brin_minmax_multi_summary pg_ddl_command ' +
    'pg_dependencies pg_lsn pg_mcv_list pg_ndistinct pg_node_tree pg_snapshot point polygon record refcursor ' +
    'regclass regcollation regconfig regdictionary regnamespace regoper regoperator regproc regprocedure ' +
    'regrole regtype table_am_handler text tid time timestamp timestamptz timetz trigger tsm_handler ' +
    'tsmultirange tsquery tsrange tstzmultirange tstzrange tsvector txid_snapshot unknown uuid varbit varchar ' +
    'void xid xid8 xml'
  ).split(' '),
);

/**
 * `format_type(oid, -1)` spellings that differ from `typname`: the SQL-standard names, and the
 * names `quote_identifier` quotes because they are keywords.
 */
const specialSpellings: Readonly<Record<string, string>> = {
  any: '"any"',
  bit: '"bit"',
  bool: 'boolean',
  char: '"char"',
  float4: 'real',
  float8: 'double precision',
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  time: 'time without time zone',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  timetz: 'time with time zone',
  varbit: 'bit varying',
  varchar: 'character varying',
};

/** Whether `name` (as folded: `int4`, `timestamptz`) is a non-array type of `pg_catalog`. */
export function isBuiltinTypeName(name: string): boolean {
  return builtinTypeNames.has(name);
}

/**
 * The `format_type(oid, -1)` spelling of the `pg_catalog` type `name` (no typmod), or `undefined`
 * when `name` is not one. Arrays written by their internal name (`_int4`) come back as `integer[]`.
 */
export function builtinTypeSpelling(name: string): string | undefined {
  if (builtinTypeNames.has(name)) return specialSpellings[name] ?? name;
  if (name.startsWith('_')) {
    const element = builtinTypeSpelling(name.slice(1));
    if (element !== undefined && !element.endsWith('[]')) return `${element}[]`;
  }
  return undefined;
}
