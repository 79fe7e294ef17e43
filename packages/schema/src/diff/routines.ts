/**
 * Routine changes. A routine's identity is schema, name and argument types (PostgreSQL's overload
 * rule), so a changed signature is a drop plus an add; everything else compares by `digest`.
 */
import type { Model, Routine } from '../model.js';
import type { Change, RoutineAspect } from './changes.js';
import { differingAspects } from './equivalence.js';
import { pairUp } from './match.js';
import type { Filter } from './options.js';

const ROUTINE_ASPECTS: readonly RoutineAspect[] = ['kind', 'returns', 'language', 'digest', 'comment'];

/** `public.touch(integer, text)`: how messages and keys name a routine. */
export function routineSignature(routine: Routine): string {
  return `${routine.schema}.${routine.name}(${routine.argumentTypes.join(', ')})`;
}

/** The routine changes of two models, unordered (`diffModels` sorts them). */
export function diffRoutines(from: Model, to: Model, filter: Filter): Change[] {
  const keep = (model: Model) =>
    model.routines.filter((item) => !filter.ignored('routine', [item.schema, item.name]));
  const pairing = pairUp(keep(from), keep(to), [routineSignature]);
  const changes: Change[] = [];
  for (const pair of pairing.pairs) {
    const aspects = differingAspects(pair.from, pair.to, ROUTINE_ASPECTS);
    if (aspects.length > 0) changes.push({ kind: 'alter routine', from: pair.from, to: pair.to, aspects });
  }
  for (const routine of pairing.onlyTo) changes.push({ kind: 'add routine', routine });
  for (const routine of pairing.onlyFrom) changes.push({ kind: 'drop routine', routine });
  return changes;
}
