/** Drafts for trigger changes; Prisma cannot express triggers, so against Prisma they are info. */
import type { TableChange } from '../diff/changes.js';
import { memberObject, nestedSql, type TablePair } from './build-columns.js';
import type { FindingCode } from './codes.js';
import { type BuildContext, type End, ends, other, prismaEnd } from './context.js';
import { type Draft, draftKey } from './draft.js';

/** The draft of an `add` / `drop` / `alter trigger` change, or none for a comment against Prisma. */
export function triggerDraft(
  ctx: BuildContext,
  pair: TablePair,
  change: Extract<TableChange, { kind: 'add trigger' | 'drop trigger' | 'alter trigger' }>,
): Draft | undefined {
  const prisma = prismaEnd(ctx);
  const presentOn: End | undefined =
    change.kind === 'add trigger' ? 'to' : change.kind === 'drop trigger' ? 'from' : undefined;
  const trigger = change.kind === 'alter trigger' ? change.from : change.trigger;
  const commentOnly =
    change.kind === 'alter trigger' && change.aspects.length === 1 && change.aspects[0] === 'comment';
  if (prisma && commentOnly) return undefined;
  const unmodelled = prisma !== undefined && (presentOn === undefined || presentOn === other(prisma));
  const code: FindingCode = unmodelled
    ? 'unmodelled-object'
    : commentOnly
      ? 'comment'
      : presentOn === 'from'
        ? 'trigger-missing'
        : presentOn === 'to'
          ? 'trigger-extra'
          : 'trigger-definition';
  const e = ends(ctx, {
    present: { from: presentOn !== 'to', to: presentOn !== 'from' },
    span: {
      from:
        presentOn === 'to'
          ? pair.from.span
          : change.kind === 'alter trigger'
            ? change.from.span
            : trigger.span,
      to:
        presentOn === 'from' ? pair.to.span : change.kind === 'alter trigger' ? change.to.span : trigger.span,
    },
    ...(change.kind === 'alter trigger'
      ? { value: { from: `digest ${change.from.digest}`, to: `digest ${change.to.digest}` } }
      : {}),
    sql: (end) => (unmodelled ? [] : nestedSql(pair, change, end)),
  });
  return {
    code,
    key: draftKey(code, `${pair.from.schema}.${pair.keyTable}.${trigger.name}`),
    object: memberObject('trigger', pair, trigger.name),
    subject: `trigger ${trigger.name} on ${pair.from.schema}.${pair.from.name}`,
    ...(unmodelled ? { note: 'Prisma cannot express triggers' } : {}),
    ...e,
  };
}
