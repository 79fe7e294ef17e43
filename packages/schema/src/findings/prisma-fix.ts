/**
 * Prisma schema text for the Prisma fixes: field types, defaults, `@map` / `@@map`, index and
 * relation attributes, whole model and enum blocks. Field and model names are suggestions derived
 * from database names (camelCase fields, PascalCase models, with `@map` / `@@map` to the database
 * name); attributes that list columns name them by field, which is the column's name unless a
 * `@map` says otherwise.
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
  ReferentialAction,
  Table,
} from '../model.js';
import { type PrismaEnumName, prismaFieldType, prismaType } from './prisma-types.js';

/** `admin_id` -> `adminId`. */
export function fieldName(column: string): string {
  const camel = column.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  return /^[A-Za-z]/.test(camel) ? camel : `field_${camel}`;
}

/** `user_roles` -> `UserRoles`. */
export function modelName(table: string): string {
  const camel = fieldName(table);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

const quote = (text: string) => JSON.stringify(text);

/**
 * A column default as a Prisma `@default(...)`: `now()`, `autoincrement()`, literals, enum values;
 * anything else as `dbgenerated("...")`. Input is the canonical default text.
 */
export function prismaDefault(expression: string, type: string): string {
  const cast = /^'((?:[^']|'')*)'::(.+)$/.exec(expression);
  let value: string;
  if (expression === 'now()' || expression === 'CURRENT_TIMESTAMP') value = 'now()';
  else if (/^nextval\(/.test(expression)) value = 'autoincrement()';
  else if (expression === 'true' || expression === 'false') value = expression;
  else if (/^-?\d+(\.\d+)?$/.test(expression)) value = expression;
  else if (cast && (cast[2] === 'text' || cast[2] === 'character varying' || cast[2] === 'bpchar')) {
    value = quote((cast[1] as string).replace(/''/g, "'"));
  } else if (
    cast &&
    (cast[2] as string).includes('.') &&
    prismaType(cast[2] as string).category === 'unsupported'
  ) {
    value = (cast[1] as string).replace(/''/g, "'");
  } else if (cast && type === 'numeric' && /^-?\d+(\.\d+)?$/.test(cast[1] as string))
    value = cast[1] as string;
  else value = `dbgenerated(${quote(expression)})`;
  return `@default(${value})`;
}

/** `@map("admin_id")` when the suggested field name differs from the column, else nothing. */
function mapAttribute(column: string): string {
  return fieldName(column) === column ? '' : ` @map(${quote(column)})`;
}

/** A whole field line for a column: `adminId String? @map("admin_id") @db.Uuid`. */
export function prismaField(
  column: Column,
  options: { enums?: readonly PrismaEnumName[]; id?: boolean; unique?: boolean } = {},
): string {
  let line = `${fieldName(column.name)} ${prismaFieldType(column.type, column.notNull, options.enums)}`;
  const [typePart, ...attributes] = line.split(' @');
  line = typePart as string;
  if (options.id) line += ' @id';
  if (options.unique) line += ' @unique';
  if (column.default !== undefined) line += ` ${prismaDefault(column.default, column.type)}`;
  line += mapAttribute(column.name);
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

/** `@relation(fields: [userId], references: [id], onDelete: Cascade, onUpdate: Cascade, map: "...")`. */
export function prismaRelation(fk: ForeignKeyConstraint): string {
  const fields = fk.columns.map(fieldName).join(', ');
  const references = fk.references.columns.map(fieldName).join(', ');
  return `@relation(fields: [${fields}], references: [${references}], onDelete: ${ACTIONS[fk.onDelete]}, onUpdate: ${ACTIONS[fk.onUpdate]}, map: ${quote(fk.name)})`;
}

const METHODS: Readonly<Record<string, string>> = {
  btree: 'BTree',
  hash: 'Hash',
  gist: 'Gist',
  gin: 'Gin',
  spgist: 'SpGist',
  brin: 'Brin',
};

/**
 * `@@index([email], map: "idx_users_email")`, `@@unique([a, b], map: "...")`, with `type:` for
 * other access methods and `sort: Desc` keys. Undefined for an index Prisma cannot express
 * (expressions, predicates, operator classes, collations).
 */
export function prismaIndex(index: Index): string | undefined {
  if (!isPlainIndex(index) || METHODS[index.method] === undefined) return undefined;
  const keys = index.keys.map((key) => {
    const name = fieldName(key.column as string);
    return key.order === 'desc' ? `${name}(sort: Desc)` : name;
  });
  const type = index.method === 'btree' ? '' : `, type: ${METHODS[index.method]}`;
  return `@@${index.unique ? 'unique' : 'index'}([${keys.join(', ')}], map: ${quote(index.name)}${type})`;
}

/** A whole `model` block for a table, without relation fields (add those by hand). */
export function prismaModel(table: Table, enums: readonly PrismaEnumName[] = []): string {
  const pk = table.constraints.find((c) => c.kind === 'primary key');
  const single = pk && pk.columns.length === 1 ? pk.columns[0] : undefined;
  const lines = table.columns.map(
    (column) => `  ${prismaField(column, { enums, id: column.name === single })}`,
  );
  if (pk && pk.columns.length > 1)
    lines.push(`  @@id([${pk.columns.map(fieldName).join(', ')}], map: ${quote(pk.name)})`);
  for (const c of table.constraints) {
    if (c.kind === 'unique')
      lines.push(`  @@unique([${c.columns.map(fieldName).join(', ')}], map: ${quote(c.name)})`);
  }
  for (const index of table.indexes) {
    const attribute = prismaIndex(index);
    if (attribute) lines.push(`  ${attribute}`);
  }
  if (modelName(table.name) !== table.name) lines.push(`  @@map(${quote(table.name)})`);
  if (table.schema !== 'public') lines.push(`  @@schema(${quote(table.schema)})`);
  return `model ${modelName(table.name)} {\n${lines.join('\n')}\n}`;
}

/** An `enum` block, with `@map` on labels that are not valid Prisma names and `@@map` on the type. */
export function prismaEnum(type: EnumType): string {
  const lines = type.values.map((value) => {
    const name = /^[A-Za-z][A-Za-z0-9_]*$/.test(value)
      ? value
      : fieldName(value.replace(/[^A-Za-z0-9_]/g, '_'));
    return `  ${name}${name === value ? '' : ` @map(${quote(value)})`}`;
  });
  const name = modelName(type.name);
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
  const name = /^[A-Za-z][A-Za-z0-9_]*$/.test(extension.name)
    ? extension.name
    : extension.name.replace(/[^A-Za-z0-9_]/g, '_');
  const args = [
    ...(name === extension.name ? [] : [`map: ${quote(extension.name)}`]),
    ...(extension.schema === 'public' ? [] : [`schema: ${quote(extension.schema)}`]),
  ];
  return args.length === 0 ? name : `${name}(${args.join(', ')})`;
}
