/**
 * Canonical PostgreSQL type -> Prisma scalar type and native type attribute: what a Prisma field
 * must say to get exactly that column type.
 *
 * Covers every native type of Prisma's PostgreSQL connector (`@db.SmallInt` ... `@db.Geography`).
 * A native type that is the scalar's default (`Int` = `integer`, `String` = `text`, `DateTime` =
 * `timestamp(3)`, `Decimal` = `numeric(65,30)`, `Json` = `jsonb`, ...) needs no attribute.
 * A time type without precision is written with precision 6 (`@db.Timestamptz(6)`), the same type
 * (see `typeKey`), as `prisma db pull` writes it. A type Prisma has no native type for becomes
 * `Unsupported("...")`.
 *
 * @see https://github.com/prisma/prisma-engines/blob/main/psl/psl-core/src/builtin_connectors/postgres_datamodel_connector/native_types.rs
 * @see https://github.com/prisma/prisma-engines/blob/main/psl/psl-core/src/builtin_connectors/postgres_datamodel_connector.rs (`SCALAR_TYPE_DEFAULTS`)
 */
import type { QualifiedName } from '../model.js';

/** The Prisma scalars of the PostgreSQL connector. */
export type PrismaScalar =
  | 'String'
  | 'Boolean'
  | 'Int'
  | 'BigInt'
  | 'Float'
  | 'Decimal'
  | 'DateTime'
  | 'Json'
  | 'Bytes'
  | 'Geometry';

/** How a Prisma field spells a canonical type. */
export interface PrismaType {
  /** `String`, `Int`, ..., the enum's name, or `Unsupported("interval")`. */
  readonly type: string;
  /** True for a PostgreSQL array (`String[]`). */
  readonly list: boolean;
  /** The native type attribute (`@db.Uuid`), absent when the scalar's default type is meant. */
  readonly attribute?: string;
  /** What kind of type: a scalar, an enum, or unsupported. */
  readonly category: 'scalar' | 'enum' | 'unsupported';
}

interface Rule {
  readonly pattern: RegExp;
  readonly scalar: PrismaScalar;
  /** Attribute from the match; `undefined` when the match is the scalar's default type. */
  readonly attribute: (match: RegExpMatchArray) => string | undefined;
}

const fixed = (name: string) => () => name;
const precision = (name: string, fallback?: string) => (m: RegExpMatchArray) =>
  m[1] !== undefined
    ? `@db.${name}(${m[1]})`
    : fallback !== undefined
      ? `@db.${name}(${fallback})`
      : `@db.${name}`;
/** Optional extension schema in front of an extension type (`public.citext`). */
const EXT = '(?:[a-z_][a-z0-9_]*\\.)?';

const RULES: readonly Rule[] = [
  { pattern: /^smallint$/, scalar: 'Int', attribute: fixed('@db.SmallInt') },
  { pattern: /^integer$/, scalar: 'Int', attribute: () => undefined },
  { pattern: /^oid$/, scalar: 'Int', attribute: fixed('@db.Oid') },
  { pattern: /^bigint$/, scalar: 'BigInt', attribute: () => undefined },
  { pattern: /^real$/, scalar: 'Float', attribute: fixed('@db.Real') },
  { pattern: /^double precision$/, scalar: 'Float', attribute: () => undefined },
  {
    pattern: /^numeric(?:\((\d+)(?:,(\d+))?\))?$/,
    scalar: 'Decimal',
    attribute: (m) =>
      m[1] === '65' && m[2] === '30'
        ? undefined
        : m[1] !== undefined
          ? `@db.Decimal(${m[1]}, ${m[2] ?? '0'})`
          : '@db.Decimal',
  },
  { pattern: /^money$/, scalar: 'Decimal', attribute: fixed('@db.Money') },
  { pattern: /^text$/, scalar: 'String', attribute: () => undefined },
  { pattern: /^character varying(?:\((\d+)\))?$/, scalar: 'String', attribute: precision('VarChar') },
  { pattern: /^(?:character|bpchar)(?:\((\d+)\))?$/, scalar: 'String', attribute: precision('Char') },
  { pattern: /^uuid$/, scalar: 'String', attribute: fixed('@db.Uuid') },
  { pattern: /^xml$/, scalar: 'String', attribute: fixed('@db.Xml') },
  { pattern: /^inet$/, scalar: 'String', attribute: fixed('@db.Inet') },
  { pattern: new RegExp(`^${EXT}citext$`), scalar: 'String', attribute: fixed('@db.Citext') },
  { pattern: /^bit(?:\((\d+)\))?$/, scalar: 'String', attribute: precision('Bit') },
  { pattern: /^bit varying(?:\((\d+)\))?$/, scalar: 'String', attribute: precision('VarBit') },
  { pattern: /^boolean$/, scalar: 'Boolean', attribute: () => undefined },
  {
    pattern: /^timestamp(?:\((\d)\))? without time zone$/,
    scalar: 'DateTime',
    attribute: (m) => (m[1] === '3' ? undefined : precision('Timestamp', '6')(m)),
  },
  {
    pattern: /^timestamp(?:\((\d)\))? with time zone$/,
    scalar: 'DateTime',
    attribute: precision('Timestamptz', '6'),
  },
  { pattern: /^date$/, scalar: 'DateTime', attribute: fixed('@db.Date') },
  { pattern: /^time(?:\((\d)\))? without time zone$/, scalar: 'DateTime', attribute: precision('Time', '6') },
  { pattern: /^time(?:\((\d)\))? with time zone$/, scalar: 'DateTime', attribute: precision('Timetz', '6') },
  { pattern: /^json$/, scalar: 'Json', attribute: fixed('@db.Json') },
  { pattern: /^jsonb$/, scalar: 'Json', attribute: () => undefined },
  { pattern: /^bytea$/, scalar: 'Bytes', attribute: () => undefined },
  {
    pattern: new RegExp(`^${EXT}(geometry|geography)(?:\\(([A-Za-z]+)(?:,(\\d+))?\\))?$`),
    scalar: 'Geometry',
    attribute: (m) => {
      const name = m[1] === 'geography' ? 'Geography' : 'Geometry';
      if (m[2] === undefined) return name === 'Geometry' ? undefined : `@db.${name}(Geometry, 4326)`;
      const attribute = `@db.${name}(${m[2]}, ${m[3] ?? '4326'})`;
      return attribute === '@db.Geometry(Geometry, 4326)' ? undefined : attribute;
    },
  },
];

/** The type name without a schema and PostgreSQL's quotes: `public."Mood"` -> `Mood`. */
function bareName(type: string): string {
  const match = /^(?:"(?:[^"]|"")*"|[^".]+)\.(.*)$/.exec(type);
  const name = match ? (match[1] as string) : type;
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}

function unquotedQualified(type: string): QualifiedName | undefined {
  const match = /^("(?:[^"]|"")*"|[^".]+)\.("(?:[^"]|"")*"|[^".]+)$/.exec(type);
  if (!match) return undefined;
  const unquote = (part: string) => (part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : part);
  return { schema: unquote(match[1] as string), name: unquote(match[2] as string) };
}

/** An enum type and, when known, the name of the Prisma `enum` block that maps to it. */
export interface PrismaEnumName extends QualifiedName {
  /** `ConsentStatus` for `enum ConsentStatus { ... @@map("consent_status") }`; else the type's name. */
  readonly prismaName?: string;
  /** The block's value names by label: `{ active: 'Active' }` for `Active @map("active")`. */
  readonly valueNames?: Readonly<Record<string, string>>;
}

/**
 * The Prisma type of a canonical column type. `enums` lists the model's enum types, so that
 * `public.status` becomes the enum `status` (or its `prismaName`). Multi-dimensional arrays are one
 * list level (Prisma has no nested lists; PostgreSQL does not enforce dimensions).
 *
 * @example prismaType('timestamp(6) with time zone') -> { type: 'DateTime', attribute: '@db.Timestamptz(6)', ... }
 */
export function prismaType(canonical: string, enums: readonly PrismaEnumName[] = []): PrismaType {
  const list = canonical.endsWith('[]');
  const base = canonical.replace(/(\[\])+$/, '');
  for (const rule of RULES) {
    const match = base.match(rule.pattern);
    if (!match) continue;
    const attribute = rule.attribute(match);
    return { type: rule.scalar, list, category: 'scalar', ...(attribute !== undefined ? { attribute } : {}) };
  }
  const qualified = unquotedQualified(base);
  const found = qualified && enums.find((e) => e.schema === qualified.schema && e.name === qualified.name);
  if (found) return { type: found.prismaName ?? bareName(base), list, category: 'enum' };
  return { type: `Unsupported(${JSON.stringify(base)})`, list, category: 'unsupported' };
}

/**
 * The field type text: `String`, `String?`, `String[]`, then `attributes` (e.g. a `@default(...)`),
 * then the native type attribute if any: the order `prisma db pull` writes a field's parts in
 * (`String @default("NORMAL") @db.VarChar(20)`).
 */
export function prismaFieldType(
  canonical: string,
  notNull: boolean,
  enums: readonly PrismaEnumName[] = [],
  attributes: readonly string[] = [],
): string {
  const type = prismaType(canonical, enums);
  const suffix = type.list ? '[]' : notNull ? '' : '?';
  return [`${type.type}${suffix}`, ...attributes, ...(type.attribute ? [type.attribute] : [])].join(' ');
}
