/** View and materialized view changes, with the index changes of materialized views. */
import type { Model } from '../model.js';
import type { Change, ViewAspect } from './changes.js';
import { differingAspects } from './equivalence.js';
import { diffIndexes } from './indexes.js';
import { pairUp } from './match.js';
import type { Filter } from './options.js';

const VIEW_ASPECTS: readonly ViewAspect[] = ['materialized', 'digest', 'columns', 'comment'];

/** The view changes of two models, unordered (`diffModels` sorts them). */
export function diffViews(from: Model, to: Model, filter: Filter): Change[] {
  const keep = (model: Model) =>
    model.views.filter((item) => !filter.ignored('view', [item.schema, item.name]));
  const pairing = pairUp(keep(from), keep(to), [(item) => `${item.schema}.${item.name}`]);
  const changes: Change[] = [];
  for (const pair of pairing.pairs) {
    const aspects = differingAspects(pair.from, pair.to, VIEW_ASPECTS);
    const indexes = (view: typeof pair.from) =>
      view.indexes.filter((index) => !filter.ignored('index', [view.schema, view.name, index.name]));
    const nested = diffIndexes(indexes(pair.from), indexes(pair.to));
    if (aspects.length > 0 || nested.length > 0) {
      changes.push({ kind: 'alter view', from: pair.from, to: pair.to, aspects, changes: nested });
    }
  }
  for (const view of pairing.onlyTo) changes.push({ kind: 'add view', view });
  for (const view of pairing.onlyFrom) changes.push({ kind: 'drop view', view });
  return changes;
}
