/**
 * What the mapping steps share: the parsed schema, the DMMF, and the database name of every
 * model, field and enum.
 */
import type { QualifiedName } from '@gander/schema';
import { type AstAttribute, type AstBlock, type AstField, stringValue } from './ast.js';
import type { DmmfDatamodel } from './engine.js';
import { qualifiedName } from './quote.js';

export interface MappingContext {
  readonly defaultSchema: string;
  readonly dmmf: DmmfDatamodel;
  /** Model and view blocks by Prisma name. */
  readonly models: ReadonlyMap<string, AstBlock>;
  /** Enum blocks by Prisma name. */
  readonly enums: ReadonlyMap<string, AstBlock>;
  /** Schema the `citext` type lives in (its extension's schema). */
  readonly citextSchema: string;
  /** Foreign keys are created (`relationMode` is not `prisma`). */
  readonly foreignKeys: boolean;
  readonly notes: string[];
}

/** The attribute `@name` / `@@name` (first match), if present. */
export function attribute(attributes: readonly AstAttribute[], name: string): AstAttribute | undefined {
  return attributes.find((a) => a.name === name);
}

/** The first positional argument of `@map("x")`, `@@map("x")`, `@@schema("x")`. */
function firstString(attributes: readonly AstAttribute[], name: string): string | undefined {
  const attr = attribute(attributes, name);
  return attr ? stringValue(attr.positional[0] ?? attr.named.name) : undefined;
}

/** The database name of a model's table or an enum's type: `@@map`, else the Prisma name. */
export function blockDbName(block: AstBlock): string {
  return firstString(block.attributes, 'map') ?? block.name;
}

/** The schema of a model or enum: `@@schema`, else the default schema. */
export function blockSchema(block: AstBlock, ctx: MappingContext): string {
  return firstString(block.attributes, 'schema') ?? ctx.defaultSchema;
}

/** The table (or enum type) a block maps to. */
export function blockTarget(block: AstBlock, ctx: MappingContext): QualifiedName {
  return { schema: blockSchema(block, ctx), name: blockDbName(block) };
}

/** The database name of a field's column: `@map`, else the Prisma name. */
export function fieldDbName(field: AstField): string {
  return firstString(field.attributes, 'map') ?? field.name;
}

/** The field of a block by Prisma name. */
export function fieldOf(block: AstBlock, name: string): AstField | undefined {
  return block.fields.find((f) => f.name === name);
}

/** Whether a field stores a column (scalar, enum or `Unsupported`), not a relation. */
export function isColumnField(field: AstField, ctx: MappingContext): boolean {
  return !ctx.models.has(field.type);
}

/** Canonical type of an enum (`public.attendance_status`, `public."Role"`). */
export function enumTypeName(block: AstBlock, ctx: MappingContext): string {
  const target = blockTarget(block, ctx);
  return qualifiedName(target.schema, target.name);
}

/** The `map:` argument of an attribute (`@id(map: "x")`, `@@index([a], map: "x")`). */
export function mapArgument(attr: AstAttribute): string | undefined {
  return stringValue(attr.named.map);
}
