/**
 * Sequence changes. A sequence owned by a column of a left-out table (a bookkeeping table, an
 * ignored one) is left out with it.
 */
import type { Model, Sequence } from '../model.js';
import type { Change, SequenceAspect } from './changes.js';
import { differingAspects } from './equivalence.js';
import { pairUp } from './match.js';
import type { Filter } from './options.js';

const SEQUENCE_ASPECTS: readonly SequenceAspect[] = [
  'type',
  'start',
  'increment',
  'min',
  'max',
  'cache',
  'cycle',
  'ownedBy',
  'comment',
];

function kept(sequence: Sequence, filter: Filter): boolean {
  if (filter.ignored('sequence', [sequence.schema, sequence.name])) return false;
  const owner = sequence.ownedBy;
  return !owner || !filter.ignored('table', [owner.schema, owner.table]);
}

/** The sequence changes of two models, unordered (`diffModels` sorts them). */
export function diffSequences(from: Model, to: Model, filter: Filter): Change[] {
  const keep = (model: Model) => model.sequences.filter((item) => kept(item, filter));
  const pairing = pairUp(keep(from), keep(to), [(item) => `${item.schema}.${item.name}`]);
  const changes: Change[] = [];
  for (const pair of pairing.pairs) {
    const aspects = differingAspects(pair.from, pair.to, SEQUENCE_ASPECTS);
    if (aspects.length > 0) changes.push({ kind: 'alter sequence', from: pair.from, to: pair.to, aspects });
  }
  for (const sequence of pairing.onlyTo) changes.push({ kind: 'add sequence', sequence });
  for (const sequence of pairing.onlyFrom) changes.push({ kind: 'drop sequence', sequence });
  return changes;
}
