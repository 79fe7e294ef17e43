/**
 * Canonical type names: every spelling of a column type mapped to what PostgreSQL's
 * `format_type(atttypid, atttypmod)` prints with `search_path = pg_catalog`.
 *
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/utils/adt/format_type.c
 * @see https://www.postgresql.org/docs/16/datatype.html
 */

import type { Node, TypeName } from 'libpg-query';
import { QuoteUtils } from 'pgsql-deparser';
import { builtinTypeSpelling, isBuiltinTypeName } from './builtin-types.js';
import { GanderError } from './errors.js';
import { BoundedMemo } from './memo.js';
import { parseWrapped } from './parser.js';
import { formatTypmod } from './typmods.js';

/** Options shared by the normalisers. */
export interface NormalizeOptions {
  /**
   * Schema that unqualified non-built-in names resolve to (the first schema of the writer's
   * `search_path`), and whose qualification is dropped from function names. Default `public`.
   */
  readonly defaultSchema?: string;
  /**
   * Canonical types of the columns of the table an expression belongs to, by name
   * (`{ price: 'numeric', qty: 'integer' }`). With them the expression normaliser drops the casts
   * PostgreSQL adds between operands (`price * (qty)::numeric`); without them those casts stay.
   * Ignored by `normalizeType`.
   */
  readonly columns?: Readonly<Record<string, string>>;
}

/** What a `serial` pseudo-type stands for. */
export interface SerialInfo {
  /** Canonical column type: `smallint`, `integer` or `bigint`. */
  readonly type: 'smallint' | 'integer' | 'bigint';
  /** The spelling written (`serial`, `serial4`, `bigserial`, ...), as folded. */
  readonly spelling: string;
}

const serialTypes: Readonly<Record<string, SerialInfo['type']>> = {
  smallserial: 'smallint',
  serial2: 'smallint',
  serial: 'integer',
  serial4: 'integer',
  bigserial: 'bigint',
  serial8: 'bigint',
};

/**
 * Canonical type of a type spelling as written in SQL (`int4`, `INT`, `varchar(20)`,
 * `timestamptz(6)`, `integer ARRAY`, `public."Mood"[]`, `serial`).
 *
 * Returns `format_type(atttypid, atttypmod)` of a column declared with that spelling, read with
 * `search_path = pg_catalog`: built-in types bare (`integer`, `character varying(20)`,
 * `timestamp(6) with time zone`), arrays with one `[]` whatever the dimensions, every other type
 * schema-qualified and quoted as `quote_identifier` does (`public.attendance_status`,
 * `public."Mood"`). `serial` types give their integer type (see {@link serialInfo}).
 *
 * NOTE: an unqualified name that is not a built-in type is taken as a user type in
 * `options.defaultSchema` (default `public`), as PostgreSQL does with `search_path = public`
 * (`pg_catalog` is always searched first). Typmods of non-built-in types (`vector(3)`,
 * `geometry(Point,4326)`) are printed as written, without spaces; PostgreSQL prints them with the
 * type's own `typmodout`, which for the common extensions gives the same text.
 *
 * @throws GanderError `SQL_SYNTAX` when `spelling` is not one type name; `UNSUPPORTED` for `%TYPE`.
 */
export function normalizeType(spelling: string, options: NormalizeOptions = {}): string {
  return canonicalTypeName(parseTypeName(spelling), options);
}

/**
 * Canonical type of a libpg-query `TypeName` AST node (from a column definition, a cast, a
 * function signature); the same rules as {@link normalizeType}. `SETOF t` gives `SETOF <canonical>`.
 *
 * @throws GanderError `UNSUPPORTED` for `%TYPE` references, which need the referenced column.
 */
export function canonicalTypeName(node: TypeName, options: NormalizeOptions = {}): string {
  if (node.pct_type) {
    throw new GanderError(
      'UNSUPPORTED',
      `cannot resolve a %TYPE reference (${typeNameParts(node).join('.')}%TYPE)`,
    );
  }
  const parts = typeNameParts(node);
  const base = canonicalBase(parts, node.typmods ?? [], options);
  const array = (node.arrayBounds?.length ?? 0) > 0 && !base.endsWith('[]') ? '[]' : '';
  return `${node.setof ? 'SETOF ' : ''}${base}${array}`;
}

/**
 * What a `serial`-family spelling stands for, or `undefined` for any other type. PostgreSQL turns
 * a column of such a type into the integer type, `NOT NULL`, and `DEFAULT nextval('<seq>')` on a
 * new sequence owned by the column.
 *
 * Only unqualified or `pg_catalog.`-qualified names without array bounds count, as in PostgreSQL's
 * `transformColumnDefinition`.
 *
 * @throws GanderError `SQL_SYNTAX` when `spelling` is not one type name.
 * @see https://www.postgresql.org/docs/16/datatype-numeric.html#DATATYPE-SERIAL
 */
export function serialInfo(spelling: string): SerialInfo | undefined {
  return serialInfoOf(parseTypeName(spelling));
}

/** {@link serialInfo} of a libpg-query `TypeName` node. */
export function serialInfoOf(node: TypeName): SerialInfo | undefined {
  const parts = typeNameParts(node);
  const name =
    parts.length === 1 || (parts.length === 2 && parts[0] === 'pg_catalog') ? parts.at(-1) : undefined;
  if (name === undefined || node.pct_type || (node.arrayBounds?.length ?? 0) > 0) return undefined;
  const type = Object.hasOwn(serialTypes, name) ? serialTypes[name] : undefined;
  return type ? { type, spelling: name } : undefined;
}

/** Quoted names, for {@link quoteIdentifier}. */
const quotedNames = new BoundedMemo(4096);

/**
 * Quotes an identifier as PostgreSQL's `quote_identifier` does (only when needed), by
 * `@pgsql/quotes`. Results are remembered for the process ({@link BoundedMemo}): every source and
 * every fix spells the same few schema, table and type names over and over, and the library checks
 * a name character by character against its keyword list.
 */
export function quoteIdentifier(name: string): string {
  return quotedNames.get(name, () => QuoteUtils.quoteIdentifier(name));
}

function canonicalBase(
  parts: readonly string[],
  typmods: readonly Node[],
  options: NormalizeOptions,
): string {
  const name = parts.at(-1) ?? '';
  const schema = parts.length >= 2 ? parts.at(-2) : undefined;
  if (schema === undefined || schema === 'pg_catalog') {
    const serial = schema === undefined && Object.hasOwn(serialTypes, name) ? serialTypes[name] : undefined;
    if (serial) return serial;
    if (isBuiltinTypeName(name) || schema === 'pg_catalog' || builtinTypeSpelling(name) !== undefined) {
      return formatTypmod(name, builtinTypeSpelling(name) ?? quoteIdentifier(name), typmods);
    }
  }
  const qualified = `${quoteIdentifier(schema ?? options.defaultSchema ?? 'public')}.${quoteIdentifier(name)}`;
  return formatTypmod(undefined, qualified, typmods);
}

function typeNameParts(node: TypeName): string[] {
  return (node.names ?? []).map((n) => {
    if (!('String' in n) || n.String.sval === undefined) {
      throw new GanderError('UNSUPPORTED', `unexpected node in a type name: ${Object.keys(n).join(',')}`);
    }
    return n.String.sval;
  });
}

/** Parses `spelling` as exactly one type name (through `SELECT NULL::<spelling>`). */
function parseTypeName(spelling: string): TypeName {
  const result = parseWrapped('SELECT NULL::', spelling, 'type');
  const stmt = result.stmts?.length === 1 ? result.stmts[0]?.stmt : undefined;
  const select = stmt && 'SelectStmt' in stmt ? stmt.SelectStmt : undefined;
  const extraClauses = select
    ? Object.keys(select).filter((k) => !['targetList', 'limitOption', 'op'].includes(k))
    : [];
  const target = select?.targetList?.length === 1 ? select.targetList[0] : undefined;
  const value = target && 'ResTarget' in target ? target.ResTarget.val : undefined;
  const cast = value && 'TypeCast' in value ? value.TypeCast : undefined;
  const isNullArg = cast?.arg && 'A_Const' in cast.arg && cast.arg.A_Const.isnull === true;
  if (!cast?.typeName || !isNullArg || extraClauses.length > 0) {
    throw new GanderError('SQL_SYNTAX', `expected one type name, found ${JSON.stringify(spelling)}`);
  }
  return cast.typeName;
}
