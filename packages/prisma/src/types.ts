/**
 * Column types as Prisma Migrate creates them on PostgreSQL, spelled canonically (what
 * `format_type(atttypid, atttypmod)` prints with `search_path = pg_catalog`).
 *
 * @see https://github.com/prisma/prisma-engines/blob/main/psl/psl-core/src/builtin_connectors/postgres_datamodel_connector.rs
 *   (`SCALAR_TYPE_DEFAULTS`: the native type of a scalar without `@db.*`)
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/connectors/sql-schema-connector/src/sql_renderer/postgres_renderer.rs
 *   (`render_column_type_postgres`: the SQL written for each native type)
 */
import { GanderError, type SourceSpan } from '@gander/schema';

/** A Prisma scalar type name. */
export type PrismaScalar =
  | 'String'
  | 'Int'
  | 'BigInt'
  | 'Float'
  | 'Decimal'
  | 'DateTime'
  | 'Boolean'
  | 'Json'
  | 'Bytes';

export const prismaScalars: ReadonlySet<string> = new Set([
  'String',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'DateTime',
  'Boolean',
  'Json',
  'Bytes',
]);

/** A `@db.Name(args)` attribute: the native type name and its arguments as written. */
export interface NativeType {
  readonly name: string;
  readonly args: readonly string[];
}

/** The native type Prisma uses for a scalar without `@db.*` (`SCALAR_TYPE_DEFAULTS`). */
const scalarDefaults: Readonly<Record<PrismaScalar, NativeType>> = {
  String: { name: 'Text', args: [] },
  Int: { name: 'Integer', args: [] },
  BigInt: { name: 'BigInt', args: [] },
  Float: { name: 'DoublePrecision', args: [] },
  Decimal: { name: 'Decimal', args: ['65', '30'] },
  DateTime: { name: 'Timestamp', args: ['3'] },
  Boolean: { name: 'Boolean', args: [] },
  Json: { name: 'JsonB', args: [] },
  Bytes: { name: 'ByteA', args: [] },
};

const plain: Readonly<Record<string, string>> = {
  SmallInt: 'smallint',
  Integer: 'integer',
  BigInt: 'bigint',
  Money: 'money',
  Real: 'real',
  DoublePrecision: 'double precision',
  Text: 'text',
  Uuid: 'uuid',
  Xml: 'xml',
  Inet: 'inet',
  Oid: 'oid',
  Boolean: 'boolean',
  Date: 'date',
  Json: 'json',
  JsonB: 'jsonb',
  ByteA: 'bytea',
};

/** `format_type` of each parameterised native type: without and with its argument. */
const withLength: Readonly<Record<string, (arg: string | undefined) => string>> = {
  VarChar: (n) => (n === undefined ? 'character varying' : `character varying(${n})`),
  Char: (n) => `character(${n ?? '1'})`,
  Bit: (n) => `bit(${n ?? '1'})`,
  VarBit: (n) => (n === undefined ? 'bit varying' : `bit varying(${n})`),
  Timestamp: (p) => (p === undefined ? 'timestamp without time zone' : `timestamp(${p}) without time zone`),
  Timestamptz: (p) => (p === undefined ? 'timestamp with time zone' : `timestamp(${p}) with time zone`),
  Time: (p) => (p === undefined ? 'time without time zone' : `time(${p}) without time zone`),
  Timetz: (p) => (p === undefined ? 'time with time zone' : `time(${p}) with time zone`),
};

/** The native type of a scalar field: its `@db.*` attribute, else Prisma's default for the scalar. */
export function effectiveNativeType(scalar: PrismaScalar, native: NativeType | undefined): NativeType {
  return native ?? scalarDefaults[scalar];
}

/**
 * Canonical type of a native type (without `[]`). `Citext` lives in the schema its extension was
 * installed into (`citextSchema`).
 *
 * @throws GanderError `UNSUPPORTED` for a native type this table does not know (prisma-schema-wasm
 *   has validated the name before, so this means a newer Prisma).
 */
export function nativeTypeToCanonical(native: NativeType, citextSchema: string, span?: SourceSpan): string {
  const simple = plain[native.name];
  if (simple !== undefined) return simple;
  if (native.name === 'Citext') return `${citextSchema === 'pg_catalog' ? '' : `${citextSchema}.`}citext`;
  if (native.name === 'Decimal') {
    return native.args.length === 0 ? 'numeric' : `numeric(${native.args.join(',')})`;
  }
  const parameterised = withLength[native.name];
  if (parameterised !== undefined) return parameterised(native.args[0]);
  throw new GanderError(
    'UNSUPPORTED',
    `native type @db.${native.name} is not known to gander`,
    span ? { source: span } : {},
  );
}

/** Whether the native type is one of the integer types `autoincrement()` turns into `SERIAL`. */
export function serialKind(native: NativeType): 'smallint' | 'integer' | 'bigint' | undefined {
  if (native.name === 'SmallInt') return 'smallint';
  if (native.name === 'Integer') return 'integer';
  if (native.name === 'BigInt') return 'bigint';
  return undefined;
}

/** The bounds of the sequence `SERIAL` creates for each integer type. */
export const serialMax: Readonly<Record<'smallint' | 'integer' | 'bigint', string>> = {
  smallint: '32767',
  integer: '2147483647',
  bigint: '9223372036854775807',
};
