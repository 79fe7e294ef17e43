/**
 * Enum changes: `add enum`, `drop enum`, `alter enum` with the labels added, removed or reordered,
 * and the heuristic `rename enum`.
 */
import type { EnumType, Model } from '../model.js';
import { quoteIdentifier } from '../normalize-type.js';
import type { Change, EnumAspect } from './changes.js';
import { looseName } from './columns.js';
import { same } from './equivalence.js';
import { pairUp } from './match.js';
import type { Filter } from './options.js';

/**
 * How the labels of two versions of an enum differ: labels only `to` has, labels only `from` has,
 * and whether the labels both have are in another relative order.
 */
export function enumValueChanges(
  from: EnumType,
  to: EnumType,
): { added: string[]; removed: string[]; reordered: boolean } {
  const added = to.values.filter((value) => !from.values.includes(value));
  const removed = from.values.filter((value) => !to.values.includes(value));
  const common = from.values.filter((value) => to.values.includes(value));
  const commonInTo = to.values.filter((value) => from.values.includes(value));
  return { added, removed, reordered: !same(common, commonInTo) };
}

/** The labels of an enum as one key (schema included: a rename never crosses schemas). */
function labelsKey(item: EnumType): string {
  return `${item.schema}\u0000${item.values.join('\u0000')}`;
}

/**
 * Pairs the enums left over by name that have the same labels in the same order: first those whose
 * names are equal but for case and `_` (`ConsentStatus` ~ `consent_status`), then those whose labels
 * no other leftover enum of either side shares (two leftover enums with the labels of a third are
 * left unpaired rather than guessed).
 */
function renamePairs(onlyFrom: readonly EnumType[], onlyTo: readonly EnumType[]) {
  const count = (items: readonly EnumType[]) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(labelsKey(item), (counts.get(labelsKey(item)) ?? 0) + 1);
    return counts;
  };
  const fromCounts = count(onlyFrom);
  const toCounts = count(onlyTo);
  const unique = (item: EnumType) =>
    fromCounts.get(labelsKey(item)) === 1 && toCounts.get(labelsKey(item)) === 1
      ? labelsKey(item)
      : undefined;
  return pairUp(onlyFrom, onlyTo, [(item) => `${labelsKey(item)}\u0000${looseName(item.name)}`, unique]);
}

/** The canonical type spelling of an enum (`public."ConsentStatus"`), as column types write it. */
export function enumTypeName(item: { readonly schema: string; readonly name: string }): string {
  return `${quoteIdentifier(item.schema)}.${quoteIdentifier(item.name)}`;
}

/**
 * The enum changes of two models, unordered (`diffModels` sorts them). With `detectRenames`, enums
 * left over by name pair by their labels into `rename enum` (see `renamePairs`).
 */
export function diffEnums(from: Model, to: Model, filter: Filter, detectRenames = false): Change[] {
  const keep = (model: Model) =>
    model.enums.filter((item) => !filter.ignored('enum', [item.schema, item.name]));
  const pairing = pairUp(keep(from), keep(to), [(item) => `${item.schema}.${item.name}`]);
  const changes: Change[] = [];
  for (const pair of pairing.pairs) {
    const values = enumValueChanges(pair.from, pair.to);
    const aspects: EnumAspect[] = [];
    if (!same(pair.from.values, pair.to.values)) aspects.push('values');
    if (pair.from.comment !== pair.to.comment) aspects.push('comment');
    if (aspects.length > 0)
      changes.push({ kind: 'alter enum', from: pair.from, to: pair.to, aspects, ...values });
  }
  const renamed = detectRenames
    ? renamePairs(pairing.onlyFrom, pairing.onlyTo)
    : { pairs: [], onlyFrom: pairing.onlyFrom, onlyTo: pairing.onlyTo };
  for (const pair of renamed.pairs) changes.push({ kind: 'rename enum', from: pair.from, to: pair.to });
  for (const item of renamed.onlyTo) changes.push({ kind: 'add enum', enum: item });
  for (const item of renamed.onlyFrom) changes.push({ kind: 'drop enum', enum: item });
  return changes;
}

/**
 * The column types a set of enum renames makes equal: the `from` enum's canonical type name mapped
 * to the `to` enum's (`public.consent_status` -> `public."ConsentStatus"`), for `columnAspects`.
 */
export function enumTypeAliases(changes: readonly Change[]): ReadonlyMap<string, string> {
  const aliases = new Map<string, string>();
  for (const change of changes) {
    if (change.kind === 'rename enum') aliases.set(enumTypeName(change.from), enumTypeName(change.to));
  }
  return aliases;
}
