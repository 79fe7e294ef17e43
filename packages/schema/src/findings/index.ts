/**
 * Findings from change sets: `toFindings` for two sources, `combineFindings` for the three legs of
 * migrations, Prisma and database, naming the source that disagrees with the other two.
 */
import type { Change } from '../diff/changes.js';
import type { Model } from '../model.js';
import { changeDrafts } from './build.js';
import type { BuildContext } from './context.js';
import { type Draft, finishDraft, type Leg, SIDE_ORDER, swapDraft } from './draft.js';
import type { Policy } from './policy.js';
import { type PrismaModelName, pullName } from './prisma-names.js';
import type { PrismaEnumName } from './prisma-types.js';
import type { ClientDefault, Finding, Side } from './types.js';

/** What `toFindings` needs besides the changes. */
export interface FindingContext {
  /** The source `diffModels`' `from` model came from. */
  readonly from: Side;
  /** The source of the `to` model; must differ from `from`. */
  readonly to: Side;
  /** The Prisma side's client-side defaults (see `ClientDefault`); only used when a side is `prisma`. */
  readonly clientDefaults?: readonly ClientDefault[];
  /**
   * Enum types of the models, so Prisma fixes name enum types (`Role`) rather than `Unsupported(...)`:
   * by `prismaName` (and their values by `valueNames`) when the Prisma schema has a block for the type,
   * else by the name the enum-missing fix gives the block it adds, `prisma db pull`'s.
   */
  readonly enums?: readonly PrismaEnumName[];
  /**
   * The Prisma schema's model blocks with their field names, so Prisma fixes call models and fields
   * by the names the schema uses (`userId` for column `user_id`); objects not listed get the names
   * `prisma db pull` would give them.
   */
  readonly prismaModels?: readonly PrismaModelName[];
  /**
   * The two models `changes` were computed from (`diffModels(from, to)`): SQL fixes then see the
   * foreign keys around a column whose type changes, in other tables too, and drop and re-add them.
   */
  readonly models?: { readonly from: Model; readonly to: Model };
  /** Severity overrides (see `Policy`). */
  readonly policy?: Policy;
}

function orient(leg: Leg): { leg: Leg; flip: boolean } {
  return SIDE_ORDER.indexOf(leg.from) <= SIDE_ORDER.indexOf(leg.to)
    ? { leg, flip: false }
    : { leg: { from: leg.to, to: leg.from }, flip: true };
}

function drafts(
  changes: readonly Change[],
  context: Omit<FindingContext, 'policy'>,
): { leg: Leg; drafts: Draft[] } {
  const { leg, flip } = orient({ from: context.from, to: context.to });
  const enums = (context.enums ?? []).map((e) => ({ ...e, prismaName: e.prismaName ?? pullName(e.name) }));
  const ctx: BuildContext = {
    leg: { from: context.from, to: context.to },
    clientDefaults: context.clientDefaults ?? [],
    enums,
    naming: { enums, models: context.prismaModels ?? [] },
    ...(context.models ? { models: context.models } : {}),
  };
  const raw = changes.flatMap((change) => changeDrafts(ctx, change));
  return { leg, drafts: flip ? raw.map(swapDraft) : raw };
}

/**
 * The findings of a change set between two sources, in change order. The comparison is reported
 * in source order (migrations, prisma, database): `*-missing` means the later source lacks what
 * the earlier has, whichever way `changes` was computed. Severities follow `context.policy` over
 * the defaults of `FINDING_CODES`; findings the policy turns off are left out.
 *
 * @throws Error when `context.from === context.to`.
 */
export function toFindings(changes: readonly Change[], context: FindingContext): Finding[] {
  if (context.from === context.to) throw new Error(`toFindings: both sides are ${context.from}`);
  const { leg, drafts: list } = drafts(changes, context);
  const out: Finding[] = [];
  for (const draft of list) {
    const finding = finishDraft(
      draft,
      [
        { side: leg.from, draft: draft.from },
        { side: leg.to, draft: draft.to },
      ],
      context.policy,
    );
    if (finding) out.push(finding);
  }
  return out;
}

/** The three change sets of `combineFindings`, each from `diffModels(first, second)`. */
export interface ThreeLegs {
  readonly migrationsPrisma: readonly Change[];
  readonly migrationsDatabase: readonly Change[];
  readonly prismaDatabase: readonly Change[];
  /** The models each leg compared, when known (see `FindingContext.models`). */
  readonly models?: {
    readonly migrationsPrisma: { readonly from: Model; readonly to: Model };
    readonly migrationsDatabase: { readonly from: Model; readonly to: Model };
    readonly prismaDatabase: { readonly from: Model; readonly to: Model };
  };
}

/**
 * Findings over three sources. A disagreement seen in exactly two legs has a culprit: the source
 * both legs share (the other two agree), and the finding reads from its view (`*-missing` when the
 * culprit lacks the object), with all three sources' locations and only the culprit's fix. Seen in
 * all three legs, all sources differ: no culprit, every fix. Seen in one leg only (the equivalences
 * made the third comparison equal), it is reported as in `toFindings`.
 *
 * Order: first appearance, legs in the order migrations-prisma, migrations-database, prisma-database.
 */
export function combineFindings(
  legs: ThreeLegs,
  context: Omit<FindingContext, 'from' | 'to' | 'models'> = {},
): Finding[] {
  const models = (leg: keyof NonNullable<ThreeLegs['models']>) =>
    legs.models ? { models: legs.models[leg] } : {};
  const all = [
    drafts(legs.migrationsPrisma, {
      ...context,
      ...models('migrationsPrisma'),
      from: 'migrations',
      to: 'prisma',
    }),
    drafts(legs.migrationsDatabase, {
      ...context,
      ...models('migrationsDatabase'),
      from: 'migrations',
      to: 'database',
    }),
    drafts(legs.prismaDatabase, { ...context, ...models('prismaDatabase'), from: 'prisma', to: 'database' }),
  ];
  const byKey = new Map<string, { leg: Leg; draft: Draft }[]>();
  for (const { leg, drafts: list } of all) {
    for (const draft of list) {
      const entries = byKey.get(draft.key) ?? [];
      if (!entries.some((entry) => entry.leg === leg)) byKey.set(draft.key, [...entries, { leg, draft }]);
    }
  }
  const out: Finding[] = [];
  for (const entries of byKey.values()) {
    const finding = combine(entries, context.policy);
    if (finding) out.push(finding);
  }
  return out;
}

function combine(
  entries: readonly { leg: Leg; draft: Draft }[],
  policy: Policy | undefined,
): Finding | undefined {
  const first = entries[0] as { leg: Leg; draft: Draft };
  const legsSeen = new Set(entries.map((entry) => `${entry.leg.from}-${entry.leg.to}`));
  if (legsSeen.size === 2) {
    const [a, b] = entries as [{ leg: Leg; draft: Draft }, { leg: Leg; draft: Draft }];
    const culprit = [a.leg.from, a.leg.to].find((side) => side === b.leg.from || side === b.leg.to) as Side;
    const view = (entry: { leg: Leg; draft: Draft }) =>
      entry.leg.to === culprit ? entry.draft : swapDraft(entry.draft);
    const va = view(a);
    const vb = view(b);
    const others = [a, b].map((entry) => (entry.leg.from === culprit ? entry.leg.to : entry.leg.from));
    return finishDraft(
      va,
      [
        { side: culprit, draft: va.to },
        { side: others[0] as Side, draft: va.from },
        { side: others[1] as Side, draft: vb.from },
      ],
      policy,
      culprit,
    );
  }
  if (legsSeen.size === 3) {
    const ends = new Map<Side, Draft['from']>();
    for (const { leg, draft } of entries) {
      if (!ends.has(leg.from)) ends.set(leg.from, draft.from);
      if (!ends.has(leg.to)) ends.set(leg.to, draft.to);
    }
    return finishDraft(
      first.draft,
      [...ends].map(([side, draft]) => ({ side, draft })),
      policy,
    );
  }
  return finishDraft(
    first.draft,
    [
      { side: first.leg.from, draft: first.draft.from },
      { side: first.leg.to, draft: first.draft.to },
    ],
    policy,
  );
}

export type { Leg } from './draft.js';
