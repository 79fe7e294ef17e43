/**
 * `@default(...)` as the database stores it: the text `pg_get_expr(adbin, adrelid)` prints (with
 * `search_path = pg_catalog`) for the DEFAULT clause Prisma Migrate writes, or a client-side default
 * that never reaches the database.
 *
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/connectors/sql-schema-connector/src/sql_schema_calculator.rs
 *   (`push_column_for_builtin_scalar_type`: which defaults are database defaults)
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/connectors/sql-schema-connector/src/sql_renderer/postgres_renderer.rs
 *   (`render_default`: the SQL Prisma writes)
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/utils/adt/ruleutils.c
 *   (`get_const_expr`: how PostgreSQL prints a constant back)
 */
import { GanderError, type SourceSpan } from '@gander/schema';
import { type AstValue, arrayItems, asFunction, stringValue } from './ast.js';
import { quoteLiteral } from './quote.js';
import type { PrismaScalar } from './types.js';

/** Defaults Prisma Client fills in; the database never sees them. */
export type ClientDefaultKind = 'uuid' | 'cuid' | 'nanoid' | 'ulid' | 'updatedAt';

/** What a `@default(...)` becomes. */
export type DefaultOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'database'; readonly expression: string }
  | { readonly kind: 'autoincrement' }
  | { readonly kind: 'client'; readonly client: ClientDefaultKind; readonly args: readonly string[] };

/** What the default renderer needs to know about the column. */
export interface DefaultColumn {
  /** Prisma scalar, or `enum` for an enum field, or `unsupported`. */
  readonly scalar: PrismaScalar | 'enum' | 'unsupported';
  /** Canonical base type of the column (without `[]`). */
  readonly baseType: string;
  readonly list: boolean;
  /** For enum fields: Prisma value name -> database value name. */
  readonly enumValues?: ReadonlyMap<string, string>;
  readonly span: SourceSpan;
}

const clientFunctions: ReadonlySet<string> = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);

/** The type name `format_type(typid, -1)` prints for a canonical type: the cast label of a constant. */
function castLabel(baseType: string): string {
  if (baseType.startsWith('character varying')) return 'character varying';
  if (baseType.startsWith('character(')) return 'bpchar';
  if (baseType.startsWith('bit varying')) return 'bit varying';
  if (baseType.startsWith('bit(')) return '"bit"';
  if (baseType.startsWith('numeric')) return 'numeric';
  if (baseType.startsWith('timestamp')) {
    return baseType.endsWith('with time zone') && !baseType.endsWith('without time zone')
      ? 'timestamp with time zone'
      : 'timestamp without time zone';
  }
  if (baseType.startsWith('time')) {
    return baseType.endsWith('without time zone') ? 'time without time zone' : 'time with time zone';
  }
  return baseType;
}

const INT4_MAX = 2147483647n;

/** A whole number as PostgreSQL prints an integer constant: bare, or quoted and cast when negative or int8. */
function integerConstant(text: string): string {
  const value = BigInt(text);
  const magnitude = value < 0n ? -value : value;
  if (magnitude > INT4_MAX) return `'${value}'::bigint`;
  return value < 0n ? `'${value}'::integer` : `${value}`;
}

/** A numeric literal: integers as {@link integerConstant}, others bare unless negative. */
function numberConstant(text: string): string {
  if (/^-?\d+$/.test(text)) return integerConstant(text);
  return text.startsWith('-') ? `'${text}'::numeric` : text;
}

function bytesConstant(base64: string): string {
  const hex = [...atob(base64)].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return `'\\x${hex}'::bytea`;
}

/** A DateTime literal (RFC 3339) converted as PostgreSQL converts it to the column type (UTC session). */
function dateTimeConstant(text: string, baseType: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?/.exec(text);
  const label = castLabel(baseType);
  if (!match) return `${quoteLiteral(text)}::${label}`;
  const [, date, time, fraction] = match;
  const precision = /\((\d)\)/.exec(baseType)?.[1];
  const digits = (fraction ?? '').slice(1, 1 + Number(precision ?? 6)).replace(/0+$/, '');
  const clock = `${time}${digits ? `.${digits}` : ''}`;
  if (baseType === 'date') return `'${date}'::date`;
  if (label === 'timestamp with time zone') {
    const utc = new Date(text).toISOString();
    return `'${utc.slice(0, 10)} ${utc.slice(11, 19)}${digits ? `.${digits}` : ''}+00'::${label}`;
  }
  if (label.startsWith('time ')) return `'${clock}'::${label}`;
  return `'${date} ${clock}'::${label}`;
}

/** One constant element (a list item or the whole value) in the text PostgreSQL prints back. */
function constant(value: AstValue, column: DefaultColumn): string {
  const text = typeof value === 'string' ? value : String(value);
  switch (column.scalar) {
    case 'Int':
    case 'BigInt':
    case 'Float':
    case 'Decimal':
      return numberConstant(text);
    case 'Boolean':
      return text === 'true' ? 'true' : 'false';
    case 'String':
      return `${quoteLiteral(stringValue(value) ?? text)}::${castLabel(column.baseType)}`;
    case 'Json':
      return `${quoteLiteral(stringValue(value) ?? text)}::${column.baseType}`;
    case 'Bytes':
      return bytesConstant(stringValue(value) ?? text);
    case 'DateTime':
      return dateTimeConstant(stringValue(value) ?? text, column.baseType);
    case 'enum':
      return `${quoteLiteral(column.enumValues?.get(text) ?? text)}::${column.baseType}`;
    case 'unsupported':
      throw new GanderError(
        'PRISMA_SCHEMA',
        'an Unsupported field can only have @default(dbgenerated(...))',
        {
          source: column.span,
        },
      );
  }
}

/**
 * What `@default(value)` on a column becomes in the database.
 *
 * @throws GanderError `PRISMA_SCHEMA` for `sequence()` (CockroachDB only) and constants on
 *   `Unsupported` fields (both rejected by Prisma's validator first).
 */
export function resolveDefault(value: AstValue | undefined, column: DefaultColumn): DefaultOutcome {
  if (value === undefined) return { kind: 'none' };
  const fn = asFunction(value);
  if (fn) {
    if (fn.name === 'autoincrement') return { kind: 'autoincrement' };
    if (fn.name === 'now') return { kind: 'database', expression: 'CURRENT_TIMESTAMP' };
    if (fn.name === 'dbgenerated') {
      const sql = stringValue(fn.params[0]);
      return sql === undefined || sql === '' ? { kind: 'none' } : { kind: 'database', expression: sql };
    }
    if (clientFunctions.has(fn.name)) {
      return { kind: 'client', client: fn.name as ClientDefaultKind, args: fn.params.map((p) => String(p)) };
    }
    throw new GanderError('PRISMA_SCHEMA', `@default(${fn.name}()) is not supported on PostgreSQL`, {
      source: column.span,
    });
  }
  if (column.list) {
    const items = arrayItems(value);
    if (items.length === 0) return { kind: 'database', expression: `ARRAY[]::${column.baseType}[]` };
    return { kind: 'database', expression: `ARRAY[${items.map((i) => constant(i, column)).join(', ')}]` };
  }
  return { kind: 'database', expression: constant(value, column) };
}
