/** Drafts for one top-level change (the nested table changes are in `build-columns` / `build-keys`). */
import type { Change } from '../diff/changes.js';
import { changeSubject } from '../diff/index.js';
import { invertChange } from '../diff/invert.js';
import { routineSignature } from '../diff/routines.js';
import type { SourceSpan } from '../model.js';
import { columnDrafts, type TablePair } from './build-columns.js';
import { keyDrafts } from './build-keys.js';
import type { FindingCode } from './codes.js';
import { type BuildContext, type End, ends, keyName, other, prismaEnd, prismaFix } from './context.js';
import { type Draft, draftKey } from './draft.js';
import { prismaEnum, prismaExtension, prismaModel } from './prisma-fix.js';
import { changeSql } from './sql-fix.js';
import type { FindingObject } from './types.js';

type Group = ReturnType<typeof changeSubject>['group'];

/** Object kinds Prisma can express (anything else missing on the Prisma side is `unmodelled-object`). */
const PRISMA_KINDS: ReadonlySet<Group> = new Set(['table', 'enum']);

function sqlFor(change: Change, end: End): string[] {
  return end === 'from' ? changeSql(change) : changeSql(invertChange(change));
}

function objectOf(change: Change): FindingObject {
  const { group, name } = changeSubject(change);
  const dot = name.indexOf('.');
  if (group === 'schema' || group === 'extension' || dot < 0) return { kind: group, name, path: name };
  return { kind: group, schema: name.slice(0, dot), name: name.slice(dot + 1), path: name };
}

function spanOf(change: Change, end: End): SourceSpan | undefined {
  if (change.kind === 'add schema' || change.kind === 'drop schema') return change.span;
  if ('from' in change && 'to' in change) {
    return ((end === 'from' ? change.from : change.to) as { readonly span?: SourceSpan }).span;
  }
  for (const field of ['extension', 'enum', 'domain', 'sequence', 'table', 'view', 'routine'] as const) {
    if (field in change) return (change as unknown as Record<string, { span?: SourceSpan }>)[field]?.span;
  }
  return undefined;
}

function presenceDraft(ctx: BuildContext, change: Change, presentOn: End): Draft | undefined {
  const object = objectOf(change);
  const group = object.kind as Group;
  const prisma = prismaEnd(ctx);
  if (prisma === other(presentOn) && change.kind === 'add sequence' && change.sequence.ownedBy)
    return undefined;
  if (prisma === other(presentOn) && change.kind === 'drop sequence' && change.sequence.ownedBy)
    return undefined;
  const unmodelled = prisma === other(presentOn) && !PRISMA_KINDS.has(group);
  const extension = unmodelled && 'extension' in change ? change.extension : undefined;
  const code = (
    unmodelled ? 'unmodelled-object' : `${group}-${presentOn === 'from' ? 'missing' : 'extra'}`
  ) as FindingCode;
  const span = spanOf(change, presentOn);
  const e = ends(ctx, {
    present: { from: presentOn === 'from', to: presentOn === 'to' },
    span: presentOn === 'from' ? { ...(span ? { from: span } : {}) } : { ...(span ? { to: span } : {}) },
    sql: (end) => (unmodelled ? [] : sqlFor(change, end)),
    prisma: (end) => {
      if (extension)
        return prismaFix(
          prismaExtension(extension),
          'add to the extensions list of the datasource (needs previewFeatures = ["postgresqlExtensions"] in the generator), or leave it to the migrations',
        );
      if (unmodelled) return undefined;
      if (end === presentOn)
        return prismaFix('', `remove the ${group === 'table' ? 'model' : group} for ${object.path}`, span);
      if (change.kind === 'add table' || change.kind === 'drop table') {
        return prismaFix(prismaModel(change.table, ctx.naming), 'add the model (relation fields by hand)');
      }
      if (change.kind === 'add enum' || change.kind === 'drop enum')
        return prismaFix(prismaEnum(change.enum, ctx.naming), 'add the enum');
      return undefined;
    },
  });
  const noun = group === 'routine' && 'routine' in change ? change.routine.kind : group;
  return {
    code,
    key: draftKey(code, object.path),
    object,
    subject: `${noun} ${object.path}`,
    ...(extension
      ? {
          summary: 'not declared in schema.prisma',
          note: 'Prisma declares extensions only with the postgresqlExtensions preview feature; without it, keep it in the migrations',
        }
      : unmodelled
        ? { note: 'Prisma cannot express it; keep it in the migrations' }
        : {}),
    ...e,
  };
}

function enumNameDraft(ctx: BuildContext, change: Extract<Change, { kind: 'rename enum' }>): Draft {
  const object = objectOf(change);
  return {
    code: 'enum-name',
    key: draftKey(
      'enum-name',
      `${change.from.schema}.${[change.from.name, change.to.name].sort().join('|')}`,
    ),
    object,
    subject: `enum ${object.path}`,
    ...ends(ctx, {
      present: { from: true, to: true },
      span: {
        ...(change.from.span ? { from: change.from.span } : {}),
        ...(change.to.span ? { to: change.to.span } : {}),
      },
      value: { from: change.from.name, to: change.to.name },
      sql: (end) => sqlFor(change, end),
      prisma: (end) =>
        prismaFix(
          `@@map(${JSON.stringify((end === 'from' ? change.to : change.from).name)})`,
          'add to the enum',
          (end === 'from' ? change.from : change.to).span,
        ),
    }),
  };
}

function tableDrafts(
  ctx: BuildContext,
  change: Extract<Change, { kind: 'alter table' | 'rename table' }>,
): Draft[] {
  const pair: TablePair = {
    from: change.from,
    to: change.to,
    keyTable: keyName(change.from.name, change.to.name),
    renamedColumns: new Map(
      change.changes.flatMap((c) => (c.kind === 'rename column' ? [[c.from.name, c.to.name] as const] : [])),
    ),
  };
  const prisma = prismaEnd(ctx);
  const drafts: Draft[] = [];
  const object: FindingObject = {
    kind: 'table',
    schema: change.from.schema,
    name: change.from.name,
    path: `${change.from.schema}.${change.from.name}`,
  };
  const subject = `table ${object.path}`;
  if (change.kind === 'rename table') {
    drafts.push({
      code: 'table-name',
      key: draftKey(
        'table-name',
        `${change.from.schema}.${[change.from.name, change.to.name].sort().join('|')}`,
      ),
      object,
      subject,
      ...ends(ctx, {
        present: { from: true, to: true },
        span: { from: change.from.span, to: change.to.span },
        value: { from: change.from.name, to: change.to.name },
        sql: (end) => sqlFor({ ...change, aspects: [], changes: [] }, end),
        prisma: (end) =>
          prismaFix(
            `@@map(${JSON.stringify((end === 'from' ? change.to : change.from).name)})`,
            'add to the model',
            (end === 'from' ? change.from : change.to).span,
          ),
      }),
    });
  }
  for (const aspect of change.aspects) {
    if (prisma && aspect === 'comment') continue;
    const code: FindingCode = prisma
      ? 'unmodelled-object'
      : aspect === 'comment'
        ? 'comment'
        : 'table-definition';
    const value = (end: End) => {
      const table = end === 'from' ? change.from : change.to;
      const v = table[aspect];
      return v === undefined ? 'none' : typeof v === 'string' ? v : JSON.stringify(v);
    };
    drafts.push({
      code,
      key: draftKey(code, `${change.from.schema}.${pair.keyTable}:${aspect}`),
      object,
      subject,
      ...(prisma ? { note: 'Prisma cannot express partitioning or inheritance' } : {}),
      ...ends(ctx, {
        present: { from: true, to: true },
        span: { from: change.from.span, to: change.to.span },
        value: { from: value('from'), to: value('to') },
        sql: (end) =>
          prisma ? [] : sqlFor({ ...change, kind: 'alter table', aspects: [aspect], changes: [] }, end),
      }),
    });
  }
  for (const nested of change.changes)
    drafts.push(...columnDrafts(ctx, pair, nested), ...keyDrafts(ctx, pair, nested));
  return drafts;
}

function definitionDraft(
  ctx: BuildContext,
  change: Change & { from: unknown; to: unknown; aspects: readonly string[] },
): Draft | undefined {
  const object = objectOf(change);
  const group = object.kind as Group;
  const prisma = prismaEnd(ctx);
  const commentOnly = change.aspects.every((aspect) => aspect === 'comment');
  if (prisma && commentOnly) return undefined;
  let code: FindingCode;
  let note: string | undefined;
  if (change.kind === 'alter enum') {
    code = commentOnly
      ? 'comment'
      : change.added.length > 0 || change.removed.length > 0
        ? 'enum-values'
        : 'enum-order';
  } else if (commentOnly) code = 'comment';
  else if (prisma && !PRISMA_KINDS.has(group)) {
    code = 'unmodelled-object';
    note = 'Prisma cannot express its definition';
  } else code = (group === 'extension' ? 'extension-schema' : `${group}-definition`) as FindingCode;
  const value = (end: End): string | undefined => {
    const item = (end === 'from' ? change.from : change.to) as Record<string, unknown>;
    if (change.kind === 'alter enum') return (item.values as string[]).join(', ');
    if (change.kind === 'alter extension') return String(item.schema);
    if (code === 'comment') return item.comment === undefined ? 'no comment' : JSON.stringify(item.comment);
    if ('digest' in item) return `digest ${String(item.digest)}`;
    return change.aspects.map((aspect) => `${aspect} ${JSON.stringify(item[aspect] ?? null)}`).join(', ');
  };
  return {
    code,
    key: draftKey(code, object.path),
    object,
    subject: `${group === 'routine' && change.kind === 'alter routine' ? change.from.kind : group} ${group === 'routine' && change.kind === 'alter routine' ? routineSignature(change.from) : object.path}`,
    ...(note ? { note } : {}),
    ...ends(ctx, {
      present: { from: true, to: true },
      span: {
        ...(spanOf(change, 'from') ? { from: spanOf(change, 'from') } : {}),
        ...(spanOf(change, 'to') ? { to: spanOf(change, 'to') } : {}),
      },
      value: { from: value('from'), to: value('to') },
      sql: (end) => (code === 'unmodelled-object' ? [] : sqlFor(change, end)),
      prisma: (end) =>
        change.kind === 'alter enum'
          ? prismaFix(
              prismaEnum(end === 'from' ? change.to : change.from, ctx.naming),
              'make the enum read',
              spanOf(change, end),
            )
          : undefined,
    }),
  };
}

/** The drafts of one change seen through `ctx.leg`. */
export function changeDrafts(ctx: BuildContext, change: Change): Draft[] {
  switch (change.kind) {
    case 'alter table':
    case 'rename table':
      return tableDrafts(ctx, change);
    case 'rename enum':
      return [enumNameDraft(ctx, change)];
    case 'alter view': {
      const drafts: Draft[] = [];
      if (change.aspects.length > 0)
        drafts.push(...[definitionDraft(ctx, change)].filter((d): d is Draft => d !== undefined));
      const pair: TablePair = {
        from: { ...change.from, kind: 'table', inherits: [], columns: [], constraints: [], triggers: [] },
        to: { ...change.to, kind: 'table', inherits: [], columns: [], constraints: [], triggers: [] },
        keyTable: change.from.name,
      };
      for (const nested of change.changes) drafts.push(...keyDrafts(ctx, pair, nested));
      return drafts;
    }
    case 'alter schema':
    case 'alter extension':
    case 'alter enum':
    case 'alter domain':
    case 'alter sequence':
    case 'alter routine':
      return [definitionDraft(ctx, change)].filter((d): d is Draft => d !== undefined);
    default:
      return [presenceDraft(ctx, change, change.kind.startsWith('drop') ? 'from' : 'to')].filter(
        (d): d is Draft => d !== undefined,
      );
  }
}
