/**
 * `@id` / `@@id`, `@unique` / `@@unique` and `@@index` to the primary key and indexes Prisma Migrate
 * creates. Unique attributes become unique INDEXES (`CREATE UNIQUE INDEX`), not constraints.
 *
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/connectors/sql-schema-connector/src/sql_schema_calculator.rs
 *   (`push_model_indexes`)
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/connectors/sql-schema-connector/src/sql_schema_calculator/sql_schema_calculator_flavour/postgres.rs
 *   (index algorithms and operator classes)
 */
import type { Index, IndexKey, PrimaryKeyConstraint, SourceSpan } from '@gander/schema';
import {
  type AstAttribute,
  type AstBlock,
  type AstValue,
  arrayItems,
  asFunction,
  stringValue,
} from './ast.js';
import { canonicalPredicate } from './canonical.js';
import { attribute, blockDbName, fieldDbName, fieldOf, type MappingContext, mapArgument } from './context.js';
import { indexName, primaryKeyName, uniqueIndexName } from './names.js';

/** One field of an index definition: `a` or `a(sort: Desc, ops: JsonbPathOps)`. */
interface IndexField {
  readonly column: string;
  readonly sort?: string;
  readonly ops?: { readonly name: string; readonly raw: boolean };
}

const methods: Readonly<Record<string, string>> = {
  BTree: 'btree',
  Hash: 'hash',
  Gist: 'gist',
  Gin: 'gin',
  SpGist: 'spgist',
  Brin: 'brin',
};

/** `JsonbPathOps` -> `jsonb_path_ops`, `TimestampTzMinMaxMultiOps` -> `timestamptz_minmax_multi_ops`. */
function opclassName(prismaName: string): string {
  return prismaName
    .replace('MinMax', 'Minmax')
    .replace('TimestampTz', 'Timestamptz')
    .replace('TimeTz', 'Timetz')
    .replace('VarBit', 'Varbit')
    .replace(/(?<!^)([A-Z])/g, '_$1')
    .toLowerCase();
}

/** Whether an operator class is the default one of its access method for the column type. */
function isDefaultOpclass(name: string, method: string): boolean {
  if (name === 'inet_ops') return method === 'spgist';
  if (name === 'inet_minmax_ops') return false;
  if (name === 'text_ops') return method === 'spgist' || method === 'btree' || method === 'hash';
  if (name.endsWith('_minmax_ops') || name === 'inet_inclusion_ops') return method === 'brin';
  return (name === 'jsonb_ops' || name === 'array_ops' || name === 'tsvector_ops') && method === 'gin';
}

function indexFields(block: AstBlock, values: readonly AstValue[]): IndexField[] {
  return values.map((value) => {
    const fn = asFunction(value);
    const name = fn ? fn.name : String(value);
    const field = fieldOf(block, name);
    const result: { column: string; sort?: string; ops?: { name: string; raw: boolean } } = {
      column: field ? fieldDbName(field) : name,
    };
    for (const p of fn?.params ?? []) {
      if (typeof p !== 'object' || p === null || Array.isArray(p) || !('type' in p) || p.type !== 'keyValue')
        continue;
      if (p.key === 'sort') result.sort = String(p.value);
      if (p.key === 'ops') {
        const raw = asFunction(p.value);
        result.ops = raw
          ? { name: stringValue(raw.params[0]) ?? '', raw: true }
          : { name: opclassName(String(p.value)), raw: false };
      }
    }
    return result;
  });
}

function keyOf(field: IndexField, method: string): IndexKey {
  const desc = field.sort === 'Desc';
  const opclass = field.ops && !isDefaultOpclass(field.ops.name, method) ? field.ops.name : undefined;
  return {
    column: field.column,
    ...(opclass !== undefined ? { opclass } : {}),
    order: desc ? 'desc' : 'asc',
    nulls: desc ? 'first' : 'last',
  };
}

function predicateOf(attr: AstAttribute, ctx: MappingContext): string | undefined {
  const where = attr.named.where;
  if (where === undefined) return undefined;
  const raw = asFunction(where);
  if (raw?.name === 'raw') return canonicalPredicate(stringValue(raw.params[0]) ?? '', ctx);
  ctx.notes.push(
    `${attr.span.file}:${attr.span.line}:${attr.span.column}: only where: raw("...") predicates are modelled`,
  );
  return undefined;
}

/** Where a key or index came from, for the spans map. */
export interface KeySource {
  readonly attribute: string;
  readonly span: SourceSpan;
  readonly object: string;
}

/**
 * The primary key of a model (`@id` on a field or `@@id([...])`), named `map:` or `{table}_pkey`.
 */
export function primaryKeyOf(block: AstBlock, sources: KeySource[]): PrimaryKeyConstraint | undefined {
  const table = blockDbName(block);
  const onField = block.fields.find((f) => attribute(f.attributes, 'id'));
  const attr = onField ? attribute(onField.attributes, 'id')! : attribute(block.attributes, 'id');
  if (!attr) return undefined;
  const columns = onField
    ? [fieldDbName(onField)]
    : indexFields(block, arrayItems(attr.positional[0] ?? attr.named.fields)).map((f) => f.column);
  const name = mapArgument(attr) ?? primaryKeyName(table);
  sources.push({ attribute: onField ? '@id' : '@@id', span: attr.span, object: name });
  return {
    kind: 'primary key',
    name,
    columns,
    include: [],
    deferrable: false,
    initiallyDeferred: false,
    span: attr.span,
  };
}

function makeIndex(
  name: string,
  unique: boolean,
  method: string,
  fields: IndexField[],
  attr: AstAttribute,
  ctx: MappingContext,
): Index {
  const predicate = predicateOf(attr, ctx);
  return {
    name,
    unique,
    method,
    keys: fields.map((f) => keyOf(f, method)),
    include: [],
    ...(predicate !== undefined ? { predicate } : {}),
    nullsNotDistinct: false,
    span: attr.span,
  };
}

/** The unique indexes and `@@index` indexes of a model, in definition order. */
export function indexesOf(block: AstBlock, ctx: MappingContext, sources: KeySource[]): Index[] {
  const table = blockDbName(block);
  const out: Index[] = [];
  for (const field of block.fields) {
    const attr = attribute(field.attributes, 'unique');
    if (!attr) continue;
    const fields: IndexField[] = [
      {
        column: fieldDbName(field),
        ...(attr.named.sort !== undefined ? { sort: String(attr.named.sort) } : {}),
      },
    ];
    const name = mapArgument(attr) ?? uniqueIndexName(table, [fields[0]!.column]);
    sources.push({ attribute: '@unique', span: attr.span, object: name });
    out.push(makeIndex(name, true, 'btree', fields, attr, ctx));
  }
  for (const attr of block.attributes) {
    if (attr.name !== 'unique' && attr.name !== 'index') continue;
    const unique = attr.name === 'unique';
    const fields = indexFields(block, arrayItems(attr.positional[0] ?? attr.named.fields));
    const columns = fields.map((f) => f.column);
    // NOTE: on @@index (only), `name:` is the old spelling of `map:` (the database name).
    const legacyName = unique ? undefined : stringValue(attr.named.name);
    const name =
      mapArgument(attr) ??
      legacyName ??
      (unique ? uniqueIndexName(table, columns) : indexName(table, columns));
    const method = methods[String(attr.named.type ?? 'BTree')] ?? 'btree';
    if (attr.named.clustered !== undefined) ctx.notes.push(`${name}: clustered: is SQL Server only; ignored`);
    sources.push({ attribute: unique ? '@@unique' : '@@index', span: attr.span, object: name });
    out.push(makeIndex(name, unique, method, fields, attr, ctx));
  }
  return out;
}
