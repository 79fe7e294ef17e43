/**
 * The schema model: one PostgreSQL database's schema as plain, readonly, JSON-serialisable data.
 *
 * Every source (goose migrations folded statically, a live database, a replayed database,
 * schema.prisma) produces this shape, and `diff` compares two of them.
 *
 * Conventions (after Atlas's `sql/schema`, in plain data):
 * - Identifiers are stored as PostgreSQL folds them: `Users` -> `users`, `"Users"` stays `Users`.
 * - References are `{ schema, name }` objects, never `"a"."b"` strings.
 * - `type` strings are canonical: exactly what `format_type(atttypid, atttypmod)` prints with
 *   `search_path = pg_catalog`, so built-in types are bare (`integer`, `character varying(255)`,
 *   `timestamp(6) with time zone`, `text[]`) and every other type is schema-qualified and quoted as
 *   PostgreSQL quotes it (`public.attendance_status`, `public."Mood"[]`). See `normalizeType`.
 * - Expressions (defaults, generated columns, check constraints, index expressions and predicates,
 *   view definitions) are canonical text from `normalizeExpression`, so equal meaning compares equal.
 * - Arrays are sorted: schemas, extensions, enums, domains, sequences, tables, views, routines by
 *   (schema, name[, identity]); constraints, indexes and triggers by name. Columns keep their
 *   declaration order (attnum order), enum values their sort order. Use `sortModel` after building.
 * - `span` fields say where a source defined the object last (migration file:line, schema.prisma
 *   line); a live database has none. They never take part in comparison.
 *
 * @see https://www.postgresql.org/docs/16/catalogs.html (the catalog this mirrors)
 */

/** A place in a source file: 1-based line, 1-based column counted in UTF-16 code units. */
export interface SourceSpan {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A schema-qualified reference to a relation, type, sequence or routine. */
export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

export interface Model {
  /** Non-system schemas that exist (namespace names), sorted. */
  readonly schemas: readonly string[];
  readonly extensions: readonly Extension[];
  readonly enums: readonly EnumType[];
  readonly domains: readonly Domain[];
  readonly sequences: readonly Sequence[];
  readonly tables: readonly Table[];
  readonly views: readonly View[];
  /** Functions and procedures (not aggregates); identity is schema + name + argument types. */
  readonly routines: readonly Routine[];
  /** Comments on schemas, keyed by schema name (other objects carry `comment` themselves). */
  readonly schemaComments?: Readonly<Record<string, string>>;
  /**
   * Where a source created each schema (the migration's `CREATE SCHEMA` statement), keyed by schema
   * name, the `span` of objects `schemas` keeps as bare names. Like every span it never takes part
   * in comparison: `stripSpans` drops it and the diff does not read it.
   */
  readonly schemaSpans?: Readonly<Record<string, SourceSpan>>;
}

export interface Extension {
  readonly name: string;
  /** Schema the extension's objects were installed into. */
  readonly schema: string;
  readonly span?: SourceSpan;
}

export interface EnumType extends QualifiedName {
  /** Labels in their sort order (`pg_enum.enumsortorder`). */
  readonly values: readonly string[];
  readonly comment?: string;
  readonly span?: SourceSpan;
}

export interface Domain extends QualifiedName {
  /** Canonical base type. */
  readonly type: string;
  readonly notNull: boolean;
  readonly default?: string;
  readonly collation?: string;
  /** CHECK constraints by name, sorted; `expression` canonical. */
  readonly checks: readonly { readonly name: string; readonly expression: string }[];
  readonly comment?: string;
  readonly span?: SourceSpan;
}

export interface Sequence extends QualifiedName {
  /** Canonical type: `smallint`, `integer` or `bigint`. */
  readonly type: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
  /** The column that owns the sequence (`OWNED BY`, serial, identity), if any. */
  readonly ownedBy?: { readonly schema: string; readonly table: string; readonly column: string };
  readonly comment?: string;
  readonly span?: SourceSpan;
}

export type TableKind = 'table' | 'partitioned table';

export interface Table extends QualifiedName {
  readonly kind: TableKind;
  /** Partition key as `pg_get_partkeydef` prints it (`RANGE (created_at)`), for partitioned tables. */
  readonly partitionKey?: string;
  /** Set on a partition: its parent and bound (`FOR VALUES FROM (...) TO (...)`, `DEFAULT`). */
  readonly partitionOf?: QualifiedName & { readonly bound: string };
  /** Parents by `INHERITS`, in `inhseqno` order (partition parents are in `partitionOf`). */
  readonly inherits: readonly QualifiedName[];
  readonly columns: readonly Column[];
  readonly constraints: readonly Constraint[];
  /** Indexes that do not back a constraint (primary key, unique and exclusion indexes are in `constraints`). */
  readonly indexes: readonly Index[];
  readonly triggers: readonly Trigger[];
  readonly comment?: string;
  readonly span?: SourceSpan;
}

export type IdentityKind = 'always' | 'by default';

export interface Column {
  readonly name: string;
  /** Canonical type (see the module doc). */
  readonly type: string;
  readonly notNull: boolean;
  /** Canonical default expression (`normalizeExpression`), absent when none. */
  readonly default?: string;
  readonly identity?: IdentityKind;
  /** Canonical expression of a `GENERATED ALWAYS AS (...) STORED` column. */
  readonly generated?: string;
  /**
   * Collation name when it differs from the type's default collation, unquoted: `C`, `und-x-icu`,
   * `schema.name` for one outside `pg_catalog`.
   */
  readonly collation?: string;
  readonly comment?: string;
  readonly span?: SourceSpan;
}

export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';
export type MatchType = 'simple' | 'full' | 'partial';

interface ConstraintBase {
  readonly name: string;
  /** `DEFERRABLE`; `initiallyDeferred` is only meaningful when true. */
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly comment?: string;
  readonly span?: SourceSpan;
}

export interface PrimaryKeyConstraint extends ConstraintBase {
  readonly kind: 'primary key';
  readonly columns: readonly string[];
  /** INCLUDE columns of the backing index. */
  readonly include: readonly string[];
}

export interface UniqueConstraint extends ConstraintBase {
  readonly kind: 'unique';
  readonly columns: readonly string[];
  readonly include: readonly string[];
  /** `UNIQUE NULLS NOT DISTINCT` (PostgreSQL 15+). */
  readonly nullsNotDistinct: boolean;
}

export interface ForeignKeyConstraint extends ConstraintBase {
  readonly kind: 'foreign key';
  readonly columns: readonly string[];
  readonly references: QualifiedName & { readonly columns: readonly string[] };
  readonly onUpdate: ReferentialAction;
  readonly onDelete: ReferentialAction;
  readonly match: MatchType;
  /** False for `NOT VALID` constraints not yet validated. */
  readonly validated: boolean;
}

export interface CheckConstraint extends ConstraintBase {
  readonly kind: 'check';
  /** Canonical boolean expression. */
  readonly expression: string;
  readonly noInherit: boolean;
  readonly validated: boolean;
}

export interface ExclusionConstraint extends ConstraintBase {
  readonly kind: 'exclusion';
  readonly method: string;
  /** Elements with their operator, e.g. `{ key: { column: 'room' }, operator: '=' }`. */
  readonly elements: readonly { readonly key: IndexKey; readonly operator: string }[];
  readonly predicate?: string;
}

export type Constraint =
  | PrimaryKeyConstraint
  | UniqueConstraint
  | ForeignKeyConstraint
  | CheckConstraint
  | ExclusionConstraint;

export type ConstraintKind = Constraint['kind'];

/** One key of an index: a column or an expression, with its options. */
export interface IndexKey {
  /** Set for a plain column key. */
  readonly column?: string;
  /** Canonical expression, set for an expression key. */
  readonly expression?: string;
  /** Operator class when not the type's default (`gin_trgm_ops`, `text_pattern_ops`). */
  readonly opclass?: string;
  readonly collation?: string;
  /** Only for access methods that sort (btree): `asc` is the default. */
  readonly order: 'asc' | 'desc';
  /** `last` is the default for `asc`, `first` for `desc`. */
  readonly nulls: 'first' | 'last';
}

export interface Index {
  readonly name: string;
  readonly unique: boolean;
  /** Access method: `btree`, `hash`, `gist`, `gin`, `spgist`, `brin`, ... */
  readonly method: string;
  readonly keys: readonly IndexKey[];
  readonly include: readonly string[];
  /** Canonical partial-index predicate (`WHERE ...`). */
  readonly predicate?: string;
  readonly nullsNotDistinct: boolean;
  readonly comment?: string;
  readonly span?: SourceSpan;
}

export interface Trigger {
  readonly name: string;
  readonly timing: 'before' | 'after' | 'instead of';
  /** Sorted subset of `insert`, `update`, `delete`, `truncate`. */
  readonly events: readonly ('insert' | 'update' | 'delete' | 'truncate')[];
  /** Columns of `UPDATE OF a, b`, sorted. */
  readonly updateColumns?: readonly string[];
  readonly level: 'row' | 'statement';
  readonly function: QualifiedName;
  /** Digest of the rest of the definition (`WHEN`, arguments, referencing, constraint trigger). */
  readonly digest: string;
  readonly comment?: string;
  readonly span?: SourceSpan;
}

export interface View extends QualifiedName {
  readonly materialized: boolean;
  /** Digest of the canonical query (`normalizeQuery`), comparable across sources. */
  readonly digest: string;
  readonly columns: readonly string[];
  /** Indexes on a materialized view. */
  readonly indexes: readonly Index[];
  readonly comment?: string;
  readonly span?: SourceSpan;
}

export interface Routine extends QualifiedName {
  readonly kind: 'function' | 'procedure';
  /** Canonical argument types of the identity signature, e.g. `["integer", "text"]` (IN/INOUT/VARIADIC). */
  readonly argumentTypes: readonly string[];
  /** Canonical return type (`trigger`, `uuid`, `SETOF public.users`, `TABLE(...)` shown as `record`); absent for procedures. */
  readonly returns?: string;
  readonly language: string;
  /** Digest of language, body, volatility, strictness, security and the full argument list. */
  readonly digest: string;
  readonly comment?: string;
  readonly span?: SourceSpan;
}

/** An empty model. */
export function emptyModel(): Model {
  return {
    schemas: [],
    extensions: [],
    enums: [],
    domains: [],
    sequences: [],
    tables: [],
    views: [],
    routines: [],
  };
}
