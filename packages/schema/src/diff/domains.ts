/** Domain changes; the base type compares by `typeKey`, checks by name and expression. */
import type { Domain, Model } from '../model.js';
import type { Change, DomainAspect } from './changes.js';
import { same, sameType } from './equivalence.js';
import { pairUp } from './match.js';
import type { Filter } from './options.js';

/** The aspects in which two versions of a domain differ. */
export function domainAspects(from: Domain, to: Domain): DomainAspect[] {
  const aspects: DomainAspect[] = [];
  if (!sameType(from.type, to.type)) aspects.push('type');
  for (const aspect of ['notNull', 'default', 'collation', 'checks', 'comment'] as const) {
    if (!same(from[aspect], to[aspect])) aspects.push(aspect);
  }
  return aspects;
}

/** The domain changes of two models, unordered (`diffModels` sorts them). */
export function diffDomains(from: Model, to: Model, filter: Filter): Change[] {
  const keep = (model: Model) =>
    model.domains.filter((item) => !filter.ignored('domain', [item.schema, item.name]));
  const pairing = pairUp(keep(from), keep(to), [(item) => `${item.schema}.${item.name}`]);
  const changes: Change[] = [];
  for (const pair of pairing.pairs) {
    const aspects = domainAspects(pair.from, pair.to);
    if (aspects.length > 0) changes.push({ kind: 'alter domain', from: pair.from, to: pair.to, aspects });
  }
  for (const domain of pairing.onlyTo) changes.push({ kind: 'add domain', domain });
  for (const domain of pairing.onlyFrom) changes.push({ kind: 'drop domain', domain });
  return changes;
}
