/**
 * Prisma schema text for the Prisma fixes: field lines, `@map` / `@@map`, index, key and relation
 * attributes, whole model and enum blocks. Models, fields and enum values are called by their
 * names in the Prisma schema when it has them, else by the names `prisma db pull` would give them
 * (see `prisma-names.ts`), with `@map` / `@@map` wherever the name is not the database's.
 *
 * @see https://www.prisma.io/docs/orm/reference/prisma-schema-reference (attribute syntax)
 */

import { isPlainIndex } from '../diff/equivalence.js';
import type {
  Column,
  EnumType,
  Extension,
  ForeignKeyConstraint,
  Index,
  QualifiedName,
  ReferentialAction,
  Table,
} from '../model.js';
import { prismaDefault } from './prisma-default.js';
import {
  enumNameOf,
  enumValueNameOf,
  fieldNameOf,
  modelNameOf,
  type PrismaNaming,
  pullName,
} from './prisma-names.js';
import { prismaFieldType } from './prisma-types.js';

const quote = (text: string) => JSON.stringify(text);

/** ` @map("admin_id")` when the field is not named as its column, else nothing. */
function mapAttribute(field: string, column: string): string {
  return field === column ? '' : ` @map(${quote(column)})`;
}

/**
 * A whole field line for `column` of `table`: `admin_id String? @default(...) @db.Uuid`, or
 * `adminId String? @map("admin_id") @db.Uuid` when the Prisma schema calls the field `adminId`.
 */
export function prismaField(
  column: Column,
  table: QualifiedName,
  options: { readonly naming?: PrismaNaming; readonly id?: boolean; readonly unique?: boolean } = {},
): string {
  const naming = options.naming ?? {};
  const name = fieldNameOf(naming, table, column.name);
  const [typePart, ...attributes] = prismaFieldType(column.type, column.notNull, naming.enums).split(' @');
  let line = `${name} ${typePart as string}`;
  if (options.id) line += ' @id';
  if (options.unique) line += ' @unique';
  if (column.default !== undefined) line += ` ${prismaDefault(column.default, column.type, naming)}`;
  line += mapAttribute(name, column.name);
  for (const attribute of attributes) line += ` @${attribute}`;
  return line;
}

const ACTIONS: Readonly<Record<ReferentialAction, string>> = {
  'no action': 'NoAction',
  restrict: 'Restrict',
  cascade: 'Cascade',
  'set null': 'SetNull',
  'set default': 'SetDefault',
};

/** `onDelete: Cascade, onUpdate: NoAction` of a foreign key. */
export function prismaActions(fk: ForeignKeyConstraint): string {
  return `onDelete: ${ACTIONS[fk.onDelete]}, onUpdate: ${ACTIONS[fk.onUpdate]}`;
}

/** `[userId, orgId]`: the fields of `columns` of `table`. */
function fieldList(naming: PrismaNaming, table: QualifiedName, columns: readonly string[]): string {
  return `[${columns.map((column) => fieldNameOf(naming, table, column)).join(', ')}]`;
}

/**
 * The arguments of `@relation` for the foreign key `fk` of `table`:
 * `fields: [userId], references: [id], onDelete: Cascade, onUpdate: Cascade, map: "..."`.
 */
function relationArguments(naming: PrismaNaming, fk: ForeignKeyConstraint, table: QualifiedName): string {
  const fields = fieldList(naming, table, fk.columns);
  const references = fieldList(naming, fk.references, fk.references.columns);
  return `fields: ${fields}, references: ${references}, ${prismaActions(fk)}, map: ${quote(fk.name)}`;
}

/** `@relation(fields: [userId], references: [id], onDelete: ..., onUpdate: ..., map: "...")` of `fk` on `table`. */
export function prismaRelation(
  fk: ForeignKeyConstraint,
  table: QualifiedName,
  naming: PrismaNaming = {},
): string {
  return `@relation(${relationArguments(naming, fk, table)})`;
}

/** A relation field to add for a foreign key, and the back-relation field its target model needs. */
export interface PrismaRelationField {
  /** `users users @relation(fields: [user_id], references: [id], ...)`, for the model of the key's table. */
  readonly field: string;
  /** The model that needs `back`. */
  readonly target: string;
  /** `sessions sessions[]` (`?` for a one-to-one relation), for model `target`. */
  readonly back: string;
}

/**
 * The relation field `prisma db pull` would write for the foreign key `fk` of `table`, and the
 * back-relation field on the referenced model. Named after the referenced model; when that is
 * ambiguous (another foreign key of the table to the same table, a field of that name among the
 * key's fields), the relation gets the name `<Model>_<fields>To<Target>` and the fields
 * `<Target>_<relation>` / `<Model>_<relation>`. A self-relation's back field is `other_<Model>`.
 * Foreign keys of the referenced table towards `table` are not seen, so that ambiguity is missed.
 *
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/connectors/sql-schema-connector/src/introspection/introspection_map/relation_names.rs
 */
export function prismaRelationField(
  fk: ForeignKeyConstraint,
  table: Table,
  naming: PrismaNaming = {},
): PrismaRelationField {
  const model = modelNameOf(naming, table);
  const target = modelNameOf(naming, fk.references);
  const self = fk.references.schema === table.schema && fk.references.name === table.name;
  const fields = fk.columns.map((column) => fieldNameOf(naming, table, column));
  const sameColumns = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((column, i) => column === b[i]);
  const ambiguous =
    fields.includes(target) ||
    table.constraints.some(
      (c) =>
        c.kind === 'foreign key' &&
        c.name !== fk.name &&
        c.references.schema === fk.references.schema &&
        c.references.name === fk.references.name &&
        !sameColumns(c.columns, fk.columns),
    );
  const prefix = self ? 'other_' : '';
  let relation = self ? `${model}To${target}` : '';
  let forward = target;
  let backName = `${prefix}${model}`;
  if (ambiguous) {
    relation = `${model}_${fields.join('_')}To${target}`;
    forward = `${target}_${relation}`;
    backName = `${prefix}${model}_${relation}`;
  }
  const optional = fk.columns.some((column) => !table.columns.find((c) => c.name === column)?.notNull);
  const unique = table.constraints.some(
    (c) =>
      (c.kind === 'primary key' || c.kind === 'unique') &&
      sameColumns([...c.columns].sort(), [...fk.columns].sort()),
  );
  const named = relation ? `${quote(relation)}, ` : '';
  return {
    field: `${forward} ${target}${optional ? '?' : ''} @relation(${named}${relationArguments(naming, fk, table)})`,
    target,
    back: `${backName} ${model}${unique ? '?' : '[]'}${relation ? ` @relation(${quote(relation)})` : ''}`,
  };
}

const METHODS: Readonly<Record<string, string>> = {
  btree: 'BTree',
  hash: 'Hash',
  gist: 'Gist',
  gin: 'Gin',
  spgist: 'SpGist',
  brin: 'Brin',
};

/** Whether `@@index` / `@@unique` can declare the index: plain column keys, an access method Prisma names. */
export function isPrismaIndex(index: Index): boolean {
  return isPlainIndex(index) && METHODS[index.method] !== undefined;
}

/**
 * `@@index([email], map: "idx_users_email")`, `@@unique([a, b], map: "...")` for an index of
 * `table`, with `type:` for other access methods and `sort: Desc` keys. Undefined for an index
 * Prisma cannot express (expressions, predicates, operator classes, collations).
 */
export function prismaIndex(
  index: Index,
  table: QualifiedName,
  naming: PrismaNaming = {},
): string | undefined {
  if (!isPrismaIndex(index)) return undefined;
  const keys = index.keys.map((key) => {
    const name = fieldNameOf(naming, table, key.column as string);
    return key.order === 'desc' ? `${name}(sort: Desc)` : name;
  });
  const type = index.method === 'btree' ? '' : `, type: ${METHODS[index.method]}`;
  return `@@${index.unique ? 'unique' : 'index'}([${keys.join(', ')}], map: ${quote(index.name)}${type})`;
}

/** `@@id([a, b], map: "...")` of a primary key on `columns` of `table`. */
export function prismaCompoundId(
  columns: readonly string[],
  name: string,
  table: QualifiedName,
  naming: PrismaNaming = {},
): string {
  return `@@id(${fieldList(naming, table, columns)}, map: ${quote(name)})`;
}

/** A whole `model` block for a table, without relation fields (add those by hand). */
export function prismaModel(table: Table, naming: PrismaNaming = {}): string {
  const pk = table.constraints.find((c) => c.kind === 'primary key');
  const single = pk && pk.columns.length === 1 ? pk.columns[0] : undefined;
  const lines = table.columns.map(
    (column) => `  ${prismaField(column, table, { naming, id: column.name === single })}`,
  );
  if (pk && pk.columns.length > 1) lines.push(`  ${prismaCompoundId(pk.columns, pk.name, table, naming)}`);
  for (const c of table.constraints) {
    if (c.kind === 'unique')
      lines.push(`  @@unique(${fieldList(naming, table, c.columns)}, map: ${quote(c.name)})`);
  }
  for (const index of table.indexes) {
    const attribute = prismaIndex(index, table, naming);
    if (attribute) lines.push(`  ${attribute}`);
  }
  const name = modelNameOf(naming, table);
  if (name !== table.name) lines.push(`  @@map(${quote(table.name)})`);
  if (table.schema !== 'public') lines.push(`  @@schema(${quote(table.schema)})`);
  return `model ${name} {\n${lines.join('\n')}\n}`;
}

/** An `enum` block, values named as the Prisma schema names them (else as db pull would), `@map` / `@@map` where needed. */
export function prismaEnum(type: EnumType, naming: PrismaNaming = {}): string {
  const lines = type.values.map((value) => {
    const name = enumValueNameOf(naming, type, value);
    return `  ${name}${name === value ? '' : ` @map(${quote(value)})`}`;
  });
  const name = enumNameOf(naming, type);
  if (name !== type.name) lines.push(`  @@map(${quote(type.name)})`);
  if (type.schema !== 'public') lines.push(`  @@schema(${quote(type.schema)})`);
  return `enum ${name} {\n${lines.join('\n')}\n}`;
}

/**
 * An extension as an item of the datasource's `extensions` list (the `postgresqlExtensions`
 * preview feature): `pgcrypto`, `uuid_ossp(map: "uuid-ossp")`, `postgis(schema: "gis")`.
 *
 * @see https://www.prisma.io/docs/orm/prisma-schema/postgresql-extensions
 */
export function prismaExtension(extension: Extension): string {
  const name = pullName(extension.name);
  const args = [
    ...(name === extension.name ? [] : [`map: ${quote(extension.name)}`]),
    ...(extension.schema === 'public' ? [] : [`schema: ${quote(extension.schema)}`]),
  ];
  return args.length === 0 ? name : `${name}(${args.join(', ')})`;
}
