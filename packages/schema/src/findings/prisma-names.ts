/**
 * The names Prisma fixes call things by. An object the Prisma schema has is called by its own name
 * there (`model User { userId String @map("user_id") ... @@map("users") }`: `User`, `userId`), which
 * sync-check passes in from `prismaToModel`'s spans. An object the Prisma schema lacks gets the name
 * `prisma db pull` would give it: the database name when it is a valid Prisma identifier, else the
 * name with its leading non-letters dropped and other invalid characters replaced by `_`, plus a
 * `@map` / `@@map` to the database name.
 *
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/sql-introspection-connector/src/sanitize_datamodel_names.rs (`sanitize_string`)
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/sql-introspection-connector/src/introspection/introspection_pair/enumerator.rs (`EMPTY_ENUM_VALUE`)
 */
import type { QualifiedName } from '../model.js';
import type { PrismaEnumName } from './prisma-types.js';

/** A Prisma model block and the table it maps to. */
export interface PrismaModelName extends QualifiedName {
  /** The block's name: `User` for `model User { ... @@map("users") }`. */
  readonly prismaName: string;
  /** Scalar field names by the column they map to: `{ user_id: 'userId' }`. */
  readonly fields: Readonly<Record<string, string>>;
}

/** What the Prisma schema calls the database's objects; anything not listed gets `db pull`'s name. */
export interface PrismaNaming {
  /** One per model block (not views). */
  readonly models?: readonly PrismaModelName[];
  /** Enum types, with the Prisma enum block's name and value names where the schema has them. */
  readonly enums?: readonly PrismaEnumName[];
}

const INVALID_START = /^[^a-zA-Z]+/;
const INVALID = /[^_a-zA-Z0-9]/g;

/**
 * The name `prisma db pull` gives a table, column or type: `user_roles` stays, `2fa-codes` ->
 * `fa_codes`. A name with no letter at all becomes `unnamed` (db pull has no rule for it).
 */
export function pullName(dbName: string): string {
  const name = dbName.replace(INVALID_START, '').replace(INVALID, '_');
  return name === '' ? 'unnamed' : name;
}

/** The name `prisma db pull` gives an enum label: as `pullName`, and `EMPTY_ENUM_VALUE` for `''`. */
export function pullEnumValueName(label: string): string {
  const name = label.replace(INVALID_START, '').replace(INVALID, '_');
  return name === '' ? 'EMPTY_ENUM_VALUE' : name;
}

interface Index {
  readonly models: ReadonlyMap<string, PrismaModelName>;
  readonly enums: ReadonlyMap<string, PrismaEnumName>;
}

const indexes = new WeakMap<PrismaNaming, Index>();
const keyOf = (name: QualifiedName) => `${name.schema}\u0000${name.name}`;

function indexOf(naming: PrismaNaming): Index {
  let index = indexes.get(naming);
  if (!index) {
    index = {
      models: new Map((naming.models ?? []).map((m) => [keyOf(m), m])),
      enums: new Map((naming.enums ?? []).map((e) => [keyOf(e), e])),
    };
    indexes.set(naming, index);
  }
  return index;
}

/** The model block the Prisma schema has for `table`, if any. */
export function prismaModelOf(naming: PrismaNaming, table: QualifiedName): PrismaModelName | undefined {
  return indexOf(naming).models.get(keyOf(table));
}

/** The Prisma name of the model of `table`: the schema's own, else `db pull`'s. */
export function modelNameOf(naming: PrismaNaming, table: QualifiedName): string {
  return prismaModelOf(naming, table)?.prismaName ?? pullName(table.name);
}

/** The Prisma name of the field of `column` in the model of `table`: the schema's own, else `db pull`'s. */
export function fieldNameOf(naming: PrismaNaming, table: QualifiedName, column: string): string {
  const model = prismaModelOf(naming, table);
  return (
    (model && Object.hasOwn(model.fields, column) ? model.fields[column] : undefined) ?? pullName(column)
  );
}

/** The Prisma name of the enum type `type`: the enum block's, else `db pull`'s. */
export function enumNameOf(naming: PrismaNaming, type: QualifiedName): string {
  return indexOf(naming).enums.get(keyOf(type))?.prismaName ?? pullName(type.name);
}

/** The Prisma name of the label `label` of the enum type `type`: the enum block's, else `db pull`'s. */
export function enumValueNameOf(naming: PrismaNaming, type: QualifiedName, label: string): string {
  const values = indexOf(naming).enums.get(keyOf(type))?.valueNames;
  return (values && Object.hasOwn(values, label) ? values[label] : undefined) ?? pullEnumValueName(label);
}
