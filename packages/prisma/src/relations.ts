/**
 * Relations to foreign keys, and implicit many-to-many relations to their join tables.
 *
 * Defaults: `ON UPDATE CASCADE`; `ON DELETE RESTRICT` when any referencing field is required (or
 * the relation field is), else `SET NULL`. Join tables `_{relationName}` have columns `A` and `B`
 * typed as the primary keys they reference (`A` -> the model whose name sorts first), the key
 * `_X_AB_pkey (A, B)`, the index `_X_B_index (B)`, and `CASCADE`/`CASCADE` foreign keys; they live
 * in model A's schema.
 *
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/connectors/sql-schema-connector/src/sql_schema_calculator.rs
 *   (`push_inline_relations`, `push_relation_tables`)
 * @see https://github.com/prisma/prisma-engines/blob/main/psl/psl-core/src/datamodel_connector/walker_ext_traits.rs
 *   (`default_on_delete_action`)
 */
import type { ForeignKeyConstraint, ReferentialAction, SourceSpan, Table } from '@gander/schema';
import type { AstBlock } from './ast.js';
import { attribute, blockTarget, fieldDbName, fieldOf, type MappingContext, mapArgument } from './context.js';
import type { DmmfField } from './engine.js';
import type { KeySource } from './keys.js';
import { foreignKeyName, joinTableNames } from './names.js';

const actions: Readonly<Record<string, ReferentialAction>> = {
  Cascade: 'cascade',
  Restrict: 'restrict',
  NoAction: 'no action',
  SetNull: 'set null',
  SetDefault: 'set default',
};

function columnsOf(block: AstBlock, fields: readonly string[]): string[] {
  return fields.map((name) => {
    const field = fieldOf(block, name);
    return field ? fieldDbName(field) : name;
  });
}

/** The foreign keys a model's relation fields create (`relationMode = "prisma"` creates none). */
export function foreignKeysOf(
  block: AstBlock,
  ctx: MappingContext,
  sources: KeySource[],
): ForeignKeyConstraint[] {
  const dmmfModel = ctx.dmmf.models.find((m) => m.name === block.name);
  const table = blockTarget(block, ctx).name;
  const out: ForeignKeyConstraint[] = [];
  for (const rel of dmmfModel?.fields ?? []) {
    if (rel.kind !== 'object' || !rel.relationFromFields || rel.relationFromFields.length === 0) continue;
    const target = ctx.models.get(rel.type);
    const field = fieldOf(block, rel.name);
    if (!target || !field || target.kind === 'view' || block.kind === 'view') continue;
    const attr = attribute(field.attributes, 'relation');
    const columns = columnsOf(block, rel.relationFromFields);
    const referencing = rel.relationFromFields.map((n) => fieldOf(block, n));
    const required = referencing.some((f) => f && !f.optional) || !field.optional;
    const onDelete = attr?.named.onDelete !== undefined ? actions[String(attr.named.onDelete)] : undefined;
    const onUpdate = attr?.named.onUpdate !== undefined ? actions[String(attr.named.onUpdate)] : undefined;
    const name = (attr && mapArgument(attr)) ?? foreignKeyName(table, columns);
    const span: SourceSpan = attr?.span ?? field.span;
    sources.push({ attribute: '@relation', span, object: name });
    out.push({
      kind: 'foreign key',
      name,
      columns,
      references: { ...blockTarget(target, ctx), columns: columnsOf(target, rel.relationToFields ?? []) },
      onUpdate: onUpdate ?? 'cascade',
      onDelete: onDelete ?? (required ? 'restrict' : 'set null'),
      match: 'simple',
      validated: true,
      deferrable: false,
      initiallyDeferred: false,
      span,
    });
  }
  return ctx.foreignKeys ? out : [];
}

/** An implicit many-to-many relation: the two list fields and their models. */
interface ManyToMany {
  readonly name: string;
  readonly modelA: AstBlock;
  readonly modelB: AstBlock;
  readonly span: SourceSpan;
}

function manyToManyRelations(ctx: MappingContext): ManyToMany[] {
  const byName = new Map<string, { model: string; field: DmmfField }[]>();
  for (const model of ctx.dmmf.models) {
    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.isList || !field.relationName) continue;
      if ((field.relationFromFields?.length ?? 0) > 0) continue;
      const list = byName.get(field.relationName) ?? [];
      list.push({ model: model.name, field });
      byName.set(field.relationName, list);
    }
  }
  const out: ManyToMany[] = [];
  for (const [name, sides] of byName) {
    if (sides.length !== 2) continue;
    const otherSide = (s: { model: string; field: DmmfField }) =>
      ctx.dmmf.models.find((m) => m.name === s.field.type);
    if (sides.some((s) => !otherSide(s))) continue;
    const [a, b] = [sides[0]!.model, sides[1]!.model].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const modelA = ctx.models.get(a!);
    const modelB = ctx.models.get(b!);
    if (!modelA || !modelB || modelA.kind === 'view' || modelB.kind === 'view') continue;
    const first = fieldOf(ctx.models.get(sides[0]!.model)!, sides[0]!.field.name);
    out.push({ name, modelA, modelB, span: first?.span ?? modelA.span });
  }
  return out;
}

/** The single primary-key column of a model and its table, for a join-table column. */
function idColumn(block: AstBlock, tables: ReadonlyMap<AstBlock, Table>): { name: string; type: string } {
  const table = tables.get(block)!;
  const pk = table.constraints.find((c) => c.kind === 'primary key');
  const name = pk && pk.kind === 'primary key' ? pk.columns[0]! : 'id';
  return { name, type: table.columns.find((c) => c.name === name)?.type ?? 'integer' };
}

/** The join tables of the implicit many-to-many relations. */
export function joinTables(ctx: MappingContext, tables: ReadonlyMap<AstBlock, Table>): Table[] {
  return manyToManyRelations(ctx).map((rel) => {
    const names = joinTableNames(rel.name);
    const schema = blockTarget(rel.modelA, ctx).schema;
    const a = idColumn(rel.modelA, tables);
    const b = idColumn(rel.modelB, tables);
    const fk = (name: string, column: string, model: AstBlock, ref: string): ForeignKeyConstraint => ({
      kind: 'foreign key',
      name,
      columns: [column],
      references: { ...blockTarget(model, ctx), columns: [ref] },
      onUpdate: 'cascade',
      onDelete: 'cascade',
      match: 'simple',
      validated: true,
      deferrable: false,
      initiallyDeferred: false,
      span: rel.span,
    });
    return {
      schema,
      name: names.table,
      kind: 'table',
      inherits: [],
      columns: [
        { name: 'A', type: a.type, notNull: true },
        { name: 'B', type: b.type, notNull: true },
      ],
      constraints: [
        {
          kind: 'primary key',
          name: names.primaryKey,
          columns: ['A', 'B'],
          include: [],
          deferrable: false,
          initiallyDeferred: false,
        },
        ...(ctx.foreignKeys
          ? [fk(names.aForeignKey, 'A', rel.modelA, a.name), fk(names.bForeignKey, 'B', rel.modelB, b.name)]
          : []),
      ],
      indexes: [
        {
          name: names.bIndex,
          unique: false,
          method: 'btree',
          keys: [{ column: 'B', order: 'asc', nulls: 'last' }],
          include: [],
          nullsNotDistinct: false,
        },
      ],
      triggers: [],
      span: rel.span,
    };
  });
}
