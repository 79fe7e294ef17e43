/** Drafts for constraint, index and trigger changes of a table pair. */
import type { ConstraintAspect, IndexAspect, IndexLike, TableChange } from '../diff/changes.js';
import { constraintIdentity } from '../diff/constraints.js';
import { asIndex, keyColumnsSignature } from '../diff/equivalence.js';
import type { Constraint, ForeignKeyConstraint } from '../model.js';
import { memberObject, nestedSql, type TablePair } from './build-columns.js';
import { triggerDraft } from './build-triggers.js';
import type { FindingCode } from './codes.js';
import { type BuildContext, type End, ends, keyName, prismaEnd, prismaFix } from './context.js';
import { type Draft, draftKey } from './draft.js';
import { isPrismaIndex, prismaActions } from './prisma-fix.js';
import { prismaKeyFix } from './prisma-key-fix.js';
import { constraintDefinition, createIndex } from './sql-text.js';

/**
 * An index or constraint named after its table or columns (`users_pkey`, `sessions_token_hash_key`)
 * whose name only follows a table rename or a column rename (`@@map` / `@map` missing): the rename
 * finding covers it.
 */
function followsTable(pair: TablePair, a: string, b: string): boolean {
  let name = pair.from.name !== pair.to.name ? a.split(pair.from.name).join(pair.to.name) : a;
  for (const [from, to] of pair.renamedColumns ?? []) name = name.split(from).join(to);
  return name !== a && name === b;
}

function describe(item: IndexLike | Constraint, pair: TablePair): string {
  return 'kind' in item ? constraintDefinition(item) : createIndex(item, pair.from).replace(/;$/, '');
}

/** Whether Prisma can say this object at all (else a Prisma side without it is `unmodelled-object`). */
function expressible(item: Constraint | IndexLike): boolean {
  if (!('kind' in item)) return isPrismaIndex(item);
  return (
    item.kind === 'primary key' || item.kind === 'foreign key' || (item.kind === 'unique' && !item.deferrable)
  );
}

function presenceCode(item: Constraint | IndexLike, presentOn: End): FindingCode {
  const suffix = presentOn === 'from' ? 'missing' : 'extra';
  if (!('kind' in item)) return item.unique ? `unique-${suffix}` : `index-${suffix}`;
  switch (item.kind) {
    case 'primary key':
      return 'primary-key';
    case 'unique':
      return `unique-${suffix}`;
    case 'foreign key':
      return `fk-${suffix}`;
    default:
      return `constraint-${suffix}`;
  }
}

function presenceDraft(
  ctx: BuildContext,
  pair: TablePair,
  change: TableChange,
  item: Constraint | IndexLike,
  presentOn: End,
): Draft {
  const prisma = prismaEnd(ctx);
  const unmodelled = prisma !== undefined && prisma !== presentOn && !expressible(item);
  const code: FindingCode = unmodelled ? 'unmodelled-object' : presenceCode(item, presentOn);
  const kind = 'kind' in item ? 'constraint' : 'index';
  const e = ends(ctx, {
    present: { from: presentOn === 'from', to: presentOn === 'to' },
    span: {
      from: presentOn === 'from' ? item.span : pair.from.span,
      to: presentOn === 'to' ? item.span : pair.to.span,
    },
    sql: (end) => (unmodelled ? [] : nestedSql(pair, change, end)),
    prisma: (end) =>
      unmodelled
        ? undefined
        : end === presentOn
          ? prismaFix('', `remove the attribute that declares ${item.name}`, item.span)
          : prismaKeyFix(
              ctx,
              item,
              end === 'from' ? pair.from : pair.to,
              presentOn === 'from' ? pair.from : pair.to,
              {
                relationField: true,
              },
            ),
  });
  const path = code === 'primary-key' ? 'primary key' : item.name;
  return {
    code,
    key: draftKey(code, `${pair.from.schema}.${pair.keyTable}.${path}`),
    object: memberObject(kind, pair, item.name),
    subject: `${kind} ${item.name} on ${pair.from.schema}.${pair.from.name} (${describe(item, pair)})`,
    ...(unmodelled ? { note: `Prisma cannot express it; keep it in the migrations` } : {}),
    ...e,
  };
}

function codeOfConstraintAspect(constraint: Constraint, aspect: ConstraintAspect): FindingCode | undefined {
  if (aspect === 'comment') return 'comment';
  if (aspect === 'deferrable' || aspect === 'validated' || aspect === 'noInherit')
    return 'constraint-options';
  switch (constraint.kind) {
    case 'primary key':
      return 'primary-key';
    case 'unique':
      return 'index-definition';
    case 'foreign key':
      return aspect === 'onDelete' || aspect === 'onUpdate' ? 'fk-actions' : 'fk-definition';
    default:
      return 'constraint-definition';
  }
}

function actionsText(fk: ForeignKeyConstraint): string {
  return `ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}`;
}

function renameDraft(
  ctx: BuildContext,
  pair: TablePair,
  from: Constraint | IndexLike,
  to: Constraint | IndexLike,
  code: FindingCode,
): Draft {
  const identity =
    code === 'index-name'
      ? keyColumnsSignature(asIndex(from as IndexLike))
      : constraintIdentity(from as Constraint);
  const e = ends(ctx, {
    present: { from: true, to: true },
    span: { from: from.span, to: to.span },
    value: { from: from.name, to: to.name },
    sql: (end) =>
      nestedSql(
        pair,
        code === 'index-name'
          ? { kind: 'rename index', from: from as IndexLike, to: to as IndexLike }
          : { kind: 'rename constraint', from: from as Constraint, to: to as Constraint },
        end,
      ),
    prisma: (end) =>
      prismaFix(
        `map: ${JSON.stringify((end === 'from' ? to : from).name)}`,
        'set the map argument of the attribute that declares it',
        (end === 'from' ? from : to).span,
      ),
  });
  return {
    code,
    key: draftKey(code, `${pair.from.schema}.${pair.keyTable}:${identity}`),
    object: memberObject(
      'kind' in from && code === 'constraint-name' ? 'constraint' : 'index',
      pair,
      from.name,
    ),
    subject: `${code === 'index-name' ? 'index' : 'constraint'} ${from.name} on ${pair.from.schema}.${pair.from.name} (${describe(from, pair)})`,
    ...e,
  };
}

function alterDraft(
  ctx: BuildContext,
  pair: TablePair,
  change: TableChange,
  from: Constraint | IndexLike,
  to: Constraint | IndexLike,
  code: FindingCode,
): Draft | undefined {
  const prisma = prismaEnd(ctx);
  let finalCode = code;
  if (prisma) {
    if (code === 'comment') return undefined;
    const target = prisma === 'from' ? to : from;
    if (code === 'constraint-options' || (code === 'index-definition' && !expressible(target)))
      finalCode = 'unmodelled-object';
  }
  const value = (item: Constraint | IndexLike) =>
    code === 'fk-actions'
      ? actionsText(item as ForeignKeyConstraint)
      : code === 'comment'
        ? (item.comment ?? 'no comment')
        : describe(item, pair);
  const e = ends(ctx, {
    present: { from: true, to: true },
    span: { from: from.span, to: to.span },
    value: { from: value(from), to: value(to) },
    sql: (end) => (finalCode === 'unmodelled-object' ? [] : nestedSql(pair, change, end)),
    prisma: (end) => {
      if (finalCode === 'unmodelled-object') return undefined;
      const target = end === 'from' ? to : from;
      const own = end === 'from' ? from : to;
      if (code === 'fk-actions' && 'kind' in target && target.kind === 'foreign key') {
        return prismaFix(prismaActions(target), 'set in the @relation attribute', own.span);
      }
      const fix = prismaKeyFix(
        ctx,
        target,
        end === 'from' ? pair.from : pair.to,
        end === 'from' ? pair.to : pair.from,
        {
          relationField: false,
        },
      );
      return fix && own.span ? { ...fix, location: own.span } : fix;
    },
  });
  const kind = 'kind' in from ? 'constraint' : 'index';
  return {
    code: finalCode,
    key: draftKey(finalCode, `${pair.from.schema}.${pair.keyTable}.${keyName(from.name, to.name)}:${code}`),
    object: memberObject(kind, pair, from.name),
    subject: `${kind} ${from.name} on ${pair.from.schema}.${pair.from.name}`,
    ...(finalCode === 'unmodelled-object' ? { note: 'Prisma cannot express this part of it' } : {}),
    ...e,
  };
}

function groupAspects<A extends string>(
  aspects: readonly A[],
  codeOf: (aspect: A) => FindingCode | undefined,
): FindingCode[] {
  const codes: FindingCode[] = [];
  for (const aspect of aspects) {
    const code = codeOf(aspect);
    if (code && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

function indexAspectCode(aspect: IndexAspect): FindingCode | undefined {
  if (aspect === 'name') return undefined;
  if (aspect === 'unique') return 'index-unique';
  return aspect === 'comment' ? 'comment' : 'index-definition';
}

/** Drafts for one constraint, index or trigger change of a table pair. */
export function keyDrafts(ctx: BuildContext, pair: TablePair, change: TableChange): Draft[] {
  const drafts: (Draft | undefined)[] = [];
  switch (change.kind) {
    case 'add constraint':
    case 'drop constraint':
      drafts.push(
        presenceDraft(
          ctx,
          pair,
          change,
          change.constraint,
          change.kind === 'drop constraint' ? 'from' : 'to',
        ),
      );
      break;
    case 'add index':
    case 'drop index':
      drafts.push(
        presenceDraft(ctx, pair, change, change.index, change.kind === 'drop index' ? 'from' : 'to'),
      );
      break;
    case 'rename constraint':
      if (!followsTable(pair, change.from.name, change.to.name))
        drafts.push(renameDraft(ctx, pair, change.from, change.to, 'constraint-name'));
      break;
    case 'rename index':
      if (!followsTable(pair, change.from.name, change.to.name))
        drafts.push(renameDraft(ctx, pair, change.from, change.to, 'index-name'));
      break;
    case 'alter constraint': {
      const { from, to } = change;
      if (change.aspects.includes('name') && !followsTable(pair, from.name, to.name)) {
        drafts.push(
          renameDraft(ctx, pair, from, to, from.kind === 'unique' ? 'index-name' : 'constraint-name'),
        );
      }
      for (const code of groupAspects(change.aspects, (aspect) =>
        aspect === 'name' ? undefined : codeOfConstraintAspect(from, aspect),
      )) {
        drafts.push(alterDraft(ctx, pair, change, from, to, code));
      }
      break;
    }
    case 'alter index': {
      const { from, to } = change;
      if (change.aspects.includes('name') && !followsTable(pair, from.name, to.name))
        drafts.push(renameDraft(ctx, pair, from, to, 'index-name'));
      for (const code of groupAspects(change.aspects, indexAspectCode))
        drafts.push(alterDraft(ctx, pair, change, from, to, code));
      break;
    }
    case 'add trigger':
    case 'drop trigger':
    case 'alter trigger':
      drafts.push(triggerDraft(ctx, pair, change));
      break;
    default:
      break;
  }
  return drafts.filter((d): d is Draft => d !== undefined);
}
