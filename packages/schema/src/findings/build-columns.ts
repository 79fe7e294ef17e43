/** Drafts for column changes: presence, `@map` renames and each differing aspect. */
import type { ColumnAspect, TableChange } from '../diff/changes.js';
import { looseName } from '../diff/columns.js';
import { invertTableChange } from '../diff/invert.js';
import type { Column, Table } from '../model.js';
import type { FindingCode } from './codes.js';
import {
  type BuildContext,
  clientDefaultOf,
  type End,
  ends,
  keyName,
  other,
  prismaEnd,
  prismaFix,
} from './context.js';
import { type Draft, draftKey } from './draft.js';
import { prismaDefault } from './prisma-default.js';
import { prismaField } from './prisma-fix.js';
import { prismaFieldType } from './prisma-types.js';
import { tableChangeSql } from './sql-fix.js';
import { withForeignKeys } from './sql-retype.js';
import type { FindingObject } from './types.js';

/** The pair of tables a nested change belongs to, and the table name keys use. */
export interface TablePair {
  readonly from: Table;
  readonly to: Table;
  /** Direction-independent table name for keys. */
  readonly keyTable: string;
  /** Columns the pair's changes rename, `from` name -> `to` name. */
  readonly renamedColumns?: ReadonlyMap<string, string>;
}

/** SQL for a nested change applied to `end`'s table (the change turns `from` into `to`). */
export function nestedSql(pair: TablePair, change: TableChange, end: End): string[] {
  return end === 'from'
    ? tableChangeSql(pair.from, change)
    : tableChangeSql(pair.to, invertTableChange(change));
}

/** A table member's object reference, named after the `from` table. */
export function memberObject(kind: FindingObject['kind'], pair: TablePair, name: string): FindingObject {
  return {
    kind,
    schema: pair.from.schema,
    table: pair.from.name,
    name,
    path: `${pair.from.schema}.${pair.from.name}.${name}`,
  };
}

function aspectValue(column: Column, aspect: ColumnAspect): string {
  switch (aspect) {
    case 'type':
      return column.type;
    case 'notNull':
      return column.notNull ? 'NOT NULL' : 'NULL';
    case 'default':
      return column.default ?? 'no default';
    case 'identity':
      return column.identity ? `GENERATED ${column.identity.toUpperCase()} AS IDENTITY` : 'no identity';
    case 'generated':
      return column.generated !== undefined ? `GENERATED ALWAYS AS (${column.generated})` : 'not generated';
    case 'collation':
      return column.collation ?? 'default collation';
    case 'comment':
      return column.comment !== undefined ? JSON.stringify(column.comment) : 'no comment';
  }
}

const ASPECT_CODES: Readonly<Record<ColumnAspect, FindingCode>> = {
  type: 'column-type',
  notNull: 'column-nullability',
  default: 'column-default',
  identity: 'column-identity',
  generated: 'column-generated',
  collation: 'column-collation',
  comment: 'comment',
};

/**
 * The Prisma fix of a column type: the field type (and native type attribute) of `target.type`.
 * When the field's default is written otherwise under the new type (`@default("NORMAL")` on a
 * `String`, `@default(NORMAL)` on the enum `priority`; `"5"` and `5`), the old `@default` would no
 * longer be valid, so the fix gives the new one too, in the order `prisma db pull` writes a field
 * (`priority @default(NORMAL)`, `String @default("NORMAL") @db.VarChar(20)`): the target's
 * default, as the SQL fix sets it and the `column-default` fix writes it; or, when the target has
 * none, says to remove the attribute.
 */
function prismaTypeFix(ctx: BuildContext, target: Column, own: Column) {
  const type = prismaFieldType(target.type, own.notNull, ctx.enums);
  const at = own.span;
  const respelled =
    own.default !== undefined &&
    prismaDefault(own.default, own.type, ctx.naming) !== prismaDefault(own.default, target.type, ctx.naming);
  if (!respelled) return prismaFix(type, 'set the field type to', at);
  if (target.default === undefined)
    return prismaFix(type, 'remove the @default attribute and set the field type to', at);
  const withDefault = prismaFieldType(target.type, own.notNull, ctx.enums, [
    prismaDefault(target.default, target.type, ctx.naming),
  ]);
  return prismaFix(withDefault, 'set the field type and default to', at);
}

function prismaColumnFix(ctx: BuildContext, aspect: ColumnAspect, target: Column, own: Column) {
  const at = own.span;
  switch (aspect) {
    case 'type':
      return prismaTypeFix(ctx, target, own);
    case 'notNull':
      return prismaFix(
        prismaFieldType(own.type, target.notNull, ctx.enums),
        target.notNull ? 'make the field required' : 'make the field optional',
        at,
      );
    case 'default':
      return target.default === undefined
        ? prismaFix('', 'remove the @default attribute', at)
        : prismaFix(prismaDefault(target.default, target.type, ctx.naming), 'set the default to', at);
    default:
      return undefined;
  }
}

function aspectDraft(
  ctx: BuildContext,
  pair: TablePair,
  change: TableChange & { from: Column; to: Column },
  aspect: ColumnAspect,
): Draft | undefined {
  const prisma = prismaEnd(ctx);
  const { from, to } = change;
  let code = ASPECT_CODES[aspect];
  let note: string | undefined;
  if (prisma) {
    const own = prisma === 'from' ? from : to;
    const target = prisma === 'from' ? to : from;
    if (aspect === 'comment') return undefined;
    if (aspect === 'identity' || aspect === 'generated' || aspect === 'collation') {
      code = 'unmodelled-object';
      note = `Prisma cannot express ${aspect === 'collation' ? 'a column collation' : aspect === 'identity' ? 'identity columns (autoincrement() is the same to the client)' : 'generated columns'}`;
    }
    if (aspect === 'notNull' && own.type.endsWith('[]') && !own.notNull && target.notNull) {
      code = 'unmodelled-object';
      note =
        'Prisma creates scalar lists as nullable columns and cannot declare them NOT NULL; Prisma Client never writes NULL to a list, so the NOT NULL column works with it';
    }
    if (aspect === 'default') {
      if (target.identity && own.default !== undefined && /^nextval\(/.test(own.default)) return undefined;
      const client = clientDefaultOf(
        ctx,
        pair.from.schema,
        (prisma === 'from' ? pair.from : pair.to).name,
        own.name,
      );
      if (client && own.default === undefined) {
        code = 'client-default';
        note = `Prisma Client fills it in itself (${client.kind === 'updatedAt' ? '@updatedAt' : `${client.kind}(${(client.args ?? []).join(', ')})`}); writes outside Prisma get the database default`;
      }
    }
  }
  const name = change.kind === 'rename column' ? keyName(from.name, to.name) : from.name;
  const e = ends(ctx, {
    present: { from: true, to: true },
    span: { from: from.span, to: to.span },
    value: { from: aspectValue(from, aspect), to: aspectValue(to, aspect) },
    sql: (end) => {
      if (code === 'client-default' || (code === 'unmodelled-object' && aspect === 'notNull')) return [];
      const statements = nestedSql(pair, { kind: 'alter column', from, to, aspects: [aspect] }, end);
      if (aspect !== 'type' || !ctx.models) return statements;
      const [table, column] = end === 'from' ? [pair.from, from] : [pair.to, to];
      return withForeignKeys(ctx.models[end], ctx.models[other(end)], table, column.name, statements);
    },
    prisma: (end) =>
      code === 'client-default' || code === 'unmodelled-object'
        ? undefined
        : prismaColumnFix(ctx, aspect, end === 'from' ? to : from, end === 'from' ? from : to),
  });
  return {
    code,
    key: draftKey(
      code,
      `${pair.from.schema}.${pair.keyTable}.${name}${code === 'unmodelled-object' || code === 'comment' ? `:${aspect}` : ''}`,
    ),
    object: memberObject('column', pair, from.name),
    subject: `column ${pair.from.schema}.${pair.from.name}.${from.name}`,
    ...(note ? { note } : {}),
    ...e,
  };
}

/** Drafts for one column change of a table pair. */
export function columnDrafts(ctx: BuildContext, pair: TablePair, change: TableChange): Draft[] {
  switch (change.kind) {
    case 'add column':
    case 'drop column': {
      const presentOn: End = change.kind === 'drop column' ? 'from' : 'to';
      const column = change.column;
      const code: FindingCode = presentOn === 'from' ? 'column-missing' : 'column-extra';
      const e = ends(ctx, {
        present: { from: presentOn === 'from', to: presentOn === 'to' },
        span: {
          from: presentOn === 'from' ? column.span : pair.from.span,
          to: presentOn === 'to' ? column.span : pair.to.span,
        },
        sql: (end) => nestedSql(pair, change, end),
        prisma: (end) =>
          end === presentOn
            ? prismaFix('', `remove the field mapped to column ${column.name}`, column.span)
            : prismaFix(
                prismaField(column, end === 'from' ? pair.from : pair.to, { naming: ctx.naming }),
                `add the field to the model of table ${pair.to.name}`,
                (end === 'from' ? pair.from : pair.to).span,
              ),
      });
      return [
        {
          code,
          key: draftKey(code, `${pair.from.schema}.${pair.keyTable}.${column.name}`),
          object: memberObject('column', pair, column.name),
          subject: `column ${pair.from.schema}.${pair.from.name}.${column.name}`,
          ...e,
        },
      ];
    }
    case 'rename column': {
      const { from, to } = change;
      const e = ends(ctx, {
        present: { from: true, to: true },
        span: { from: from.span, to: to.span },
        value: { from: from.name, to: to.name },
        sql: (end) => nestedSql(pair, { kind: 'rename column', from, to, aspects: [] }, end),
        prisma: (end) =>
          prismaFix(
            `@map(${JSON.stringify(end === 'from' ? to.name : from.name)})`,
            'add to the field',
            (end === 'from' ? from : to).span,
          ),
      });
      const rename: Draft = {
        code: 'column-name',
        key: draftKey('column-name', `${pair.from.schema}.${pair.keyTable}.${looseName(from.name)}`),
        object: memberObject('column', pair, from.name),
        subject: `column ${pair.from.schema}.${pair.from.name}.${from.name}`,
        ...e,
      };
      const aspects = change.aspects.map((aspect) => aspectDraft(ctx, pair, change, aspect));
      return [rename, ...aspects.filter((d): d is Draft => d !== undefined)];
    }
    case 'alter column':
      return change.aspects
        .map((aspect) => aspectDraft(ctx, pair, change, aspect))
        .filter((d): d is Draft => d !== undefined);
    default:
      return [];
  }
}
