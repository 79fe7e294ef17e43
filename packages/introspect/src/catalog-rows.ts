/**
 * The raw rows `sql/catalog.sql` returns: catalog spellings (`contype`, `tgtype`, `indoption`) kept
 * as PostgreSQL stores them, mapped to the model by `rowsToModel`. Every `null` here is SQL NULL
 * (json_agg over no rows is NULL too, so empty lists arrive as `null`).
 *
 * @see https://www.postgresql.org/docs/16/catalogs.html
 */

/** The one row of `catalog.sql`; each JSON column arrives parsed (pg, PGlite) or as text. */
export interface CatalogRows {
  readonly server_version_num: number;
  readonly schemas: readonly SchemaRow[] | null;
  readonly extensions: readonly ExtensionRow[] | null;
  readonly enums: readonly EnumRow[] | null;
  readonly domains: readonly DomainRow[] | null;
  readonly sequences: readonly SequenceRow[] | null;
  readonly tables: readonly TableRow[] | null;
  readonly views: readonly ViewRow[] | null;
  readonly routines: readonly RoutineRow[] | null;
}

export interface SchemaRow {
  readonly name: string;
  readonly comment: string | null;
}

export interface ExtensionRow {
  readonly name: string;
  readonly schema: string;
}

export interface EnumRow {
  readonly schema: string;
  readonly name: string;
  readonly values: readonly string[] | null;
  readonly comment: string | null;
}

export interface DomainRow {
  readonly schema: string;
  readonly name: string;
  /** `format_type(typbasetype, typtypmod)`. */
  readonly type: string;
  readonly notnull: boolean;
  /** `pg_get_expr(typdefaultbin, 0)`. */
  readonly default: string | null;
  readonly collation: string | null;
  readonly checks: readonly { readonly name: string; readonly expression: string }[] | null;
  readonly comment: string | null;
}

export interface SequenceRow {
  readonly schema: string;
  readonly name: string;
  readonly type: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
  readonly owned_by: { readonly schema: string; readonly table: string; readonly column: string } | null;
  readonly comment: string | null;
}

export interface ColumnRow {
  readonly name: string;
  readonly type: string;
  readonly notnull: boolean;
  /** `pg_get_expr(adbin, adrelid)`: the default, or the generation expression when `generated` is set. */
  readonly expression: string | null;
  /** `attgenerated`: `''`, `'s'` (stored) or, from PostgreSQL 18, `'v'` (virtual). */
  readonly generated: string;
  /** `attidentity`: `''`, `'a'` (always) or `'d'` (by default). */
  readonly identity: string;
  readonly collation: string | null;
  readonly comment: string | null;
}

export interface IndexKeyRow {
  readonly column: string | null;
  /** `pg_get_indexdef(indexrelid, n, false)` for an expression key. */
  readonly expression: string | null;
  /** Set only when the operator class is not the default for its type. */
  readonly opclass: string | null;
  readonly collation: string | null;
  /** `indoption` bits: 1 = DESC, 2 = NULLS FIRST. */
  readonly option: number;
}

export interface IndexRow {
  readonly name: string;
  readonly unique: boolean;
  readonly method: string;
  readonly keys: readonly IndexKeyRow[] | null;
  readonly include: readonly string[] | null;
  readonly predicate: string | null;
  readonly nulls_not_distinct: boolean;
  readonly comment: string | null;
}

export interface ConstraintRow {
  readonly name: string;
  /** `p`, `u`, `f`, `c` or `x` (`n` and `t` are not read). */
  readonly contype: string;
  readonly deferrable: boolean;
  readonly deferred: boolean;
  readonly validated: boolean;
  readonly noinherit: boolean;
  readonly columns: readonly string[] | null;
  readonly references: {
    readonly schema: string;
    readonly name: string;
    readonly columns: readonly string[] | null;
  } | null;
  /** `confupdtype` / `confdeltype`: `a` no action, `r` restrict, `c` cascade, `n` set null, `d` set default. */
  readonly update_action: string;
  readonly delete_action: string;
  /** `confmatchtype`: `s` simple, `f` full, `p` partial. */
  readonly match: string;
  readonly expression: string | null;
  /** Exclusion operators, one per key. */
  readonly operators: readonly string[] | null;
  /** The backing index of a primary key, unique or exclusion constraint. */
  readonly index: {
    readonly method: string;
    readonly keys: readonly IndexKeyRow[] | null;
    readonly include: readonly string[] | null;
    readonly predicate: string | null;
    readonly nulls_not_distinct: boolean;
  } | null;
  readonly comment: string | null;
}

export interface TriggerRow {
  readonly name: string;
  /** `tgtype` bits: 1 ROW, 2 BEFORE, 4 INSERT, 8 DELETE, 16 UPDATE, 32 TRUNCATE, 64 INSTEAD. */
  readonly type: number;
  readonly function: { readonly schema: string; readonly name: string };
  /** `tgattr` as column names (`UPDATE OF ...`). */
  readonly columns: readonly string[] | null;
  /** `tgargs` in hex: each argument followed by a zero byte. */
  readonly args: string;
  readonly old_table: string | null;
  readonly new_table: string | null;
  readonly is_constraint: boolean;
  readonly deferrable: boolean;
  readonly deferred: boolean;
  readonly has_when: boolean;
  /** `pg_get_triggerdef(oid, false)`, read only for its `WHEN (...)` clause. */
  readonly definition: string;
  readonly comment: string | null;
}

export interface TableRow {
  readonly schema: string;
  readonly name: string;
  /** `r` table or `p` partitioned table. */
  readonly relkind: string;
  readonly partkey: string | null;
  readonly partition_of: { readonly schema: string; readonly name: string; readonly bound: string } | null;
  readonly inherits: readonly { readonly schema: string; readonly name: string }[] | null;
  readonly comment: string | null;
  readonly columns: readonly ColumnRow[] | null;
  readonly constraints: readonly ConstraintRow[] | null;
  readonly indexes: readonly IndexRow[] | null;
  readonly triggers: readonly TriggerRow[] | null;
}

export interface ViewRow {
  readonly schema: string;
  readonly name: string;
  /** `v` view or `m` materialized view. */
  readonly relkind: string;
  /** `pg_get_viewdef(oid, false)`. */
  readonly definition: string;
  readonly columns: readonly string[] | null;
  readonly indexes: readonly IndexRow[] | null;
  readonly comment: string | null;
}

export interface RoutineRow {
  readonly schema: string;
  readonly name: string;
  /** `f` function or `p` procedure. */
  readonly prokind: string;
  /** `proargtypes` (IN, INOUT, VARIADIC) as canonical types. */
  readonly identity_args: readonly string[] | null;
  /** `proallargtypes`, or `proargtypes` when every argument is IN. */
  readonly arg_types: readonly string[] | null;
  /** `proargmodes`: `i`, `o`, `b` (inout), `v` (variadic), `t` (table); NULL when all are `i`. */
  readonly arg_modes: readonly string[] | null;
  /** `proargnames`, `''` for an unnamed argument. */
  readonly arg_names: readonly string[] | null;
  readonly rettype: string;
  readonly retset: boolean;
  readonly language: string;
  /** `prosrc` verbatim. */
  readonly src: string;
  /** `provolatile`: `i`, `s` or `v`. */
  readonly volatility: string;
  readonly strict: boolean;
  readonly security_definer: boolean;
  readonly comment: string | null;
}
