/**
 * Model fields to columns: names, canonical types, nullability, database defaults, the sequence
 * behind `autoincrement()`, and the client-side defaults that never reach the database.
 *
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/connectors/sql-schema-connector/src/sql_schema_calculator.rs
 */
import type { Column, QualifiedName, Sequence, SourceSpan } from '@gander/schema';
import type { AstBlock, AstField } from './ast.js';
import { canonicalDefault, canonicalType } from './canonical.js';
import {
  attribute,
  blockTarget,
  enumTypeName,
  fieldDbName,
  isColumnField,
  type MappingContext,
} from './context.js';
import { type ClientDefaultKind, type DefaultColumn, resolveDefault } from './defaults.js';
import { chooseSequenceName } from './names.js';
import { qualifiedName, quoteLiteral } from './quote.js';
import {
  effectiveNativeType,
  type NativeType,
  nativeTypeToCanonical,
  type PrismaScalar,
  prismaScalars,
  serialKind,
  serialMax,
} from './types.js';

/** A default Prisma Client fills in (`uuid()`, `cuid()`, `nanoid()`, `ulid()`, `@updatedAt`). */
export interface ClientDefault {
  readonly table: QualifiedName;
  readonly column: string;
  readonly kind: ClientDefaultKind;
  /** Arguments as written (`uuid(7)` -> `["7"]`). */
  readonly args: readonly string[];
  readonly span: SourceSpan;
}

export interface ModelColumns {
  readonly columns: Column[];
  readonly sequences: Sequence[];
  readonly clientDefaults: ClientDefault[];
}

function nativeTypeOf(field: AstField): NativeType | undefined {
  const attr = field.attributes.find((a) => a.name.startsWith('db.'));
  return attr ? { name: attr.name.slice(3), args: attr.positional.map((v) => String(v)) } : undefined;
}

/** An enum block's type name and database labels, computed once per block and mapping (`ctx`). */
const enumTypes = new WeakMap<
  AstBlock,
  { readonly ctx: MappingContext; readonly baseType: string; readonly values: ReadonlyMap<string, string> }
>();

function enumType(block: AstBlock, ctx: MappingContext) {
  let found = enumTypes.get(block);
  if (found?.ctx !== ctx) {
    found = {
      ctx,
      baseType: enumTypeName(block, ctx),
      values: new Map(block.values.map((v) => [v.name, v.map ?? v.name])),
    };
    enumTypes.set(block, found);
  }
  return found;
}

/** Canonical base type (without `[]`) and what the default renderer needs, for a column field. */
export function columnType(field: AstField, ctx: MappingContext): DefaultColumn & { native?: NativeType } {
  const enumBlock = ctx.enums.get(field.type);
  if (enumBlock) {
    const { baseType, values } = enumType(enumBlock, ctx);
    return {
      scalar: 'enum',
      baseType,
      list: field.list,
      enumValues: values,
      span: field.span,
    };
  }
  if (field.unsupported !== undefined) {
    return {
      scalar: 'unsupported',
      baseType: canonicalType(field.unsupported, ctx),
      list: field.list,
      span: field.span,
    };
  }
  if (!prismaScalars.has(field.type)) throw new Error(`columnType: ${field.type} is not a scalar`);
  const native = effectiveNativeType(field.type as PrismaScalar, nativeTypeOf(field));
  const baseType = nativeTypeToCanonical(native, ctx.citextSchema, field.span);
  return { scalar: field.type as PrismaScalar, baseType, list: field.list, span: field.span, native };
}

/**
 * The columns of a model in field order, with the sequences `autoincrement()` creates (named as
 * PostgreSQL names a `SERIAL`'s sequence; `takenNames` holds the relation names already used in
 * each schema, `schema.name`).
 */
export function modelColumns(block: AstBlock, ctx: MappingContext, takenNames: Set<string>): ModelColumns {
  const table = blockTarget(block, ctx);
  const columns: Column[] = [];
  const sequences: Sequence[] = [];
  const clientDefaults: ClientDefault[] = [];
  for (const field of block.fields) {
    if (!isColumnField(field, ctx)) continue;
    const name = fieldDbName(field);
    const type = columnType(field, ctx);
    const fullType = `${type.baseType}${field.list ? '[]' : ''}`;
    const defaultAttr = attribute(field.attributes, 'default');
    const outcome = resolveDefault(defaultAttr?.positional[0] ?? defaultAttr?.named.value, type);
    let column: Column = { name, type: fullType, notNull: !field.optional && !field.list, span: field.span };
    switch (outcome.kind) {
      case 'none':
        break;
      case 'database':
        column = { ...column, default: canonicalDefault(outcome.expression, ctx) };
        break;
      case 'client':
        clientDefaults.push({
          table,
          column: name,
          kind: outcome.client,
          args: outcome.args,
          span: defaultAttr!.span,
        });
        break;
      case 'autoincrement': {
        const serial = type.native ? serialKind(type.native) : undefined;
        if (!serial) break;
        const seqName = chooseSequenceName(table.name, name, (n) => takenNames.has(`${table.schema}.${n}`));
        takenNames.add(`${table.schema}.${seqName}`);
        const regclass = quoteLiteral(qualifiedName(table.schema, seqName));
        column = {
          ...column,
          notNull: true,
          default: canonicalDefault(`nextval(${regclass}::regclass)`, ctx),
        };
        sequences.push({
          schema: table.schema,
          name: seqName,
          type: serial,
          start: '1',
          increment: '1',
          min: '1',
          max: serialMax[serial],
          cache: '1',
          cycle: false,
          ownedBy: { schema: table.schema, table: table.name, column: name },
          span: defaultAttr!.span,
        });
        break;
      }
    }
    const updatedAt = attribute(field.attributes, 'updatedAt');
    if (updatedAt)
      clientDefaults.push({ table, column: name, kind: 'updatedAt', args: [], span: updatedAt.span });
    columns.push(column);
  }
  return { columns, sequences, clientDefaults };
}
