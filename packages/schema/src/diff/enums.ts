/** Enum changes: `add enum`, `drop enum`, `alter enum` with the labels added, removed or reordered. */
import type { EnumType, Model } from '../model.js';
import type { Change, EnumAspect } from './changes.js';
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

/** The enum changes of two models, unordered (`diffModels` sorts them). */
export function diffEnums(from: Model, to: Model, filter: Filter): Change[] {
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
  for (const item of pairing.onlyTo) changes.push({ kind: 'add enum', enum: item });
  for (const item of pairing.onlyFrom) changes.push({ kind: 'drop enum', enum: item });
  return changes;
}
