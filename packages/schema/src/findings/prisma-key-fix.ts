/** The Prisma fix that declares a key, index or foreign key on a model. */
import type { IndexLike } from '../diff/changes.js';
import { asIndex } from '../diff/equivalence.js';
import type { Constraint, Table } from '../model.js';
import { type BuildContext, prismaFix } from './context.js';
import { prismaCompoundId, prismaIndex, prismaRelation, prismaRelationField } from './prisma-fix.js';

/**
 * The Prisma fix that declares `item` (of `source`, the table that has it) on the model of `table`.
 * A foreign key the model lacks needs a relation field (`relationField`); one it has only needs
 * its `@relation` attribute set.
 */
export function prismaKeyFix(
  ctx: BuildContext,
  item: Constraint | IndexLike,
  table: Table,
  source: Table,
  options: { readonly relationField: boolean },
) {
  const { naming } = ctx;
  if (!('kind' in item)) {
    const attribute = prismaIndex(item, table, naming);
    return attribute ? prismaFix(attribute, 'add to the model', table.span) : undefined;
  }
  switch (item.kind) {
    case 'primary key':
      return item.columns.length === 1
        ? prismaFix(
            `@id(map: ${JSON.stringify(item.name)})`,
            `add to the field of column ${item.columns[0]}`,
            table.span,
          )
        : prismaFix(prismaCompoundId(item.columns, item.name, table, naming), 'add to the model', table.span);
    case 'unique':
      return prismaFix(prismaIndex(asIndex(item), table, naming) ?? '', 'add to the model', table.span);
    case 'foreign key': {
      if (!options.relationField)
        return prismaFix(prismaRelation(item, table, naming), 'set on the relation field', table.span);
      const relation = prismaRelationField(
        item,
        { ...source, schema: table.schema, name: table.name },
        naming,
      );
      return prismaFix(
        relation.field,
        `add the relation field to the model; model ${relation.target} needs the back-relation field \`${relation.back}\``,
        table.span,
      );
    }
    default:
      return undefined;
  }
}
