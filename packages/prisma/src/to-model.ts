/**
 * `prismaToModel`: a Prisma schema to the schema model of the database `prisma migrate` would build
 * from it (what `prisma migrate diff --from-empty --to-schema ... --script` creates on PostgreSQL).
 */
import {
  emptyModel,
  GanderError,
  type Model,
  type QualifiedName,
  type SourceSpan,
  sortModel,
  type Table,
} from '@gander/schema';
import { type AstAttribute, type AstBlock, parseAst, readBlocks } from './ast.js';
import { type ClientDefault, modelColumns } from './columns.js';
import { prisma7Compatible } from './compat.js';
import { blockDbName, blockTarget, fieldDbName, isColumnField, type MappingContext } from './context.js';
import { readDatasource } from './datasource.js';
import { getDatamodel } from './engine.js';
import type { PrismaFiles } from './files.js';
import { indexesOf, type KeySource, primaryKeyOf } from './keys.js';
import { foreignKeysOf, joinTables } from './relations.js';
import type { AttributeSpan, EnumSpans, ModelSpans, PrismaSpans } from './spans.js';

/** Options of {@link prismaToModel}. */
export interface PrismaModelOptions {
  /** Schema of models and enums without `@@schema` (the database's first `search_path` schema). Default `public`. */
  readonly defaultSchema?: string;
}

/** What {@link prismaToModel} returns. */
export interface PrismaModelResult {
  /** The database schema, sorted (`sortModel`), spans pointing into the `.prisma` files. */
  readonly model: Model;
  /** Where each model, field, enum and attribute is, by Prisma name (for findings). */
  readonly spans: PrismaSpans;
  /** Defaults Prisma Client fills in (`uuid()`, `cuid()`, `nanoid()`, `ulid()`, `@updatedAt`): never database defaults. */
  readonly clientDefaults: readonly ClientDefault[];
  /** Facts worth telling the user (views not created by Migrate, ignored arguments). */
  readonly notes: readonly string[];
}

function attributeSpans(
  objects: ReadonlyMap<SourceSpan, string>,
  attrs: readonly AstAttribute[],
): AttributeSpan[] {
  return attrs.map((a) => {
    const object = objects.get(a.span);
    return {
      name: `${a.block ? '@@' : '@'}${a.name}`,
      span: a.span,
      ...(object !== undefined ? { object } : {}),
    };
  });
}

function modelSpans(
  block: AstBlock,
  table: QualifiedName,
  ctx: MappingContext,
  sources: readonly KeySource[],
): ModelSpans {
  // The object each attribute created, by the attribute's span (the first source of a span wins).
  const objects = new Map<SourceSpan, string>();
  for (const s of sources) if (!objects.has(s.span)) objects.set(s.span, s.object);
  return {
    kind: block.kind === 'view' ? ('view' as const) : ('model' as const),
    table,
    span: block.span,
    attributes: attributeSpans(objects, block.attributes),
    fields: Object.fromEntries(
      block.fields.map((f) => [
        f.name,
        {
          span: f.span,
          ...(isColumnField(f, ctx) ? { column: fieldDbName(f) } : {}),
          attributes: attributeSpans(objects, f.attributes),
        },
      ]),
    ),
  };
}

/**
 * Maps a Prisma schema to the schema model of the PostgreSQL database Prisma Migrate creates for it.
 *
 * Validation is Prisma's own (prisma-schema-wasm); names, types, keys, relations and defaults follow
 * Prisma's schema engine (see the modules' `@see`). Types and expressions are canonical
 * (`@gander/schema`'s normalisers), so `loadParser()` must have resolved first.
 *
 * @throws GanderError `PRISMA_SCHEMA` for an invalid schema (Prisma's message, file:line:column);
 *   `UNSUPPORTED` for a datasource provider other than PostgreSQL.
 * @see https://www.prisma.io/docs/orm/reference/prisma-schema-reference
 */
export function prismaToModel(schema: PrismaFiles, options: PrismaModelOptions = {}): PrismaModelResult {
  const compat = prisma7Compatible(schema.files);
  const files = compat.files;
  const dmmf = getDatamodel(files);
  const lists = readBlocks(files);
  const datasource = readDatasource(files, lists);
  if (datasource.provider !== 'postgresql' && datasource.provider !== 'postgres') {
    throw new GanderError(
      'UNSUPPORTED',
      `datasource provider "${datasource.provider}": gander models PostgreSQL only`,
    );
  }
  const ast = parseAst(files, lists);
  const defaultSchema = options.defaultSchema ?? 'public';
  const citext = ast.extensions.find((e) => (e.map ?? e.name) === 'citext');
  const ctx: MappingContext = {
    defaultSchema,
    dmmf,
    models: new Map(ast.blocks.filter((b) => b.kind !== 'enum').map((b) => [b.name, b])),
    enums: new Map(ast.blocks.filter((b) => b.kind === 'enum').map((b) => [b.name, b])),
    citextSchema: citext?.schema ?? defaultSchema,
    foreignKeys: ast.relationMode !== 'prisma',
    notes: [...compat.notes],
  };
  const model = emptyModel();
  const tables = new Map<AstBlock, Table>();
  const sequences: Model['sequences'][number][] = [];
  const clientDefaults: ClientDefault[] = [];
  const modelSpanList: [string, ModelSpans][] = [];
  const enumSpanList: [string, EnumSpans][] = [];
  const takenNames = new Set<string>();
  for (const block of ctx.models.values()) {
    if (block.kind === 'model') takenNames.add(`${blockTarget(block, ctx).schema}.${blockDbName(block)}`);
  }
  for (const block of ctx.models.values()) {
    const target = blockTarget(block, ctx);
    const sources: KeySource[] = [];
    if (block.kind === 'view') {
      ctx.notes.push(`view ${block.name}: Prisma Migrate does not create views; not modelled`);
      modelSpanList.push([block.name, modelSpans(block, target, ctx, sources)]);
      continue;
    }
    const columns = modelColumns(block, ctx, takenNames);
    const pk = primaryKeyOf(block, sources);
    const table: Table = {
      ...target,
      kind: 'table',
      inherits: [],
      columns: columns.columns,
      constraints: [...(pk ? [pk] : []), ...foreignKeysOf(block, ctx, sources)],
      indexes: indexesOf(block, ctx, sources),
      triggers: [],
      span: block.span,
    };
    tables.set(block, table);
    sequences.push(...columns.sequences);
    clientDefaults.push(...columns.clientDefaults);
    modelSpanList.push([block.name, modelSpans(block, target, ctx, sources)]);
  }
  const enums = [...ctx.enums.values()].map((block) => {
    const target = blockTarget(block, ctx);
    enumSpanList.push([
      block.name,
      {
        type: target,
        span: block.span,
        values: Object.fromEntries(
          block.values.map((v) => [v.name, { dbName: v.map ?? v.name, span: v.span }]),
        ),
      },
    ]);
    return { ...target, values: block.values.map((v) => v.map ?? v.name), span: block.span };
  });
  const extensions = ast.extensions.map((e) => ({
    name: e.map ?? e.name,
    schema: e.schema ?? defaultSchema,
  }));
  const allTables = [...tables.values(), ...joinTables(ctx, tables)];
  const schemas = [defaultSchema, ...datasource.schemas, ...extensions.map((e) => e.schema)];
  return {
    model: sortModel({ ...model, schemas, extensions, enums, sequences, tables: allTables }),
    spans: {
      models: Object.fromEntries(modelSpanList),
      enums: Object.fromEntries(enumSpanList),
    } satisfies PrismaSpans,
    clientDefaults,
    notes: ctx.notes,
  };
}
