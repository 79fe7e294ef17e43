/** Trigger changes of one table, paired by name. */
import type { Trigger } from '../model.js';
import type { TableChange, TriggerAspect } from './changes.js';
import { differingAspects } from './equivalence.js';
import { pairUp } from './match.js';

const TRIGGER_ASPECTS: readonly TriggerAspect[] = [
  'timing',
  'events',
  'updateColumns',
  'level',
  'function',
  'digest',
  'comment',
];

/** Alters in `from` order, then adds in `to` order, then drops in `from` order. */
export function diffTriggers(from: readonly Trigger[], to: readonly Trigger[]): TableChange[] {
  const pairing = pairUp(from, to, [(trigger) => trigger.name]);
  const changes: TableChange[] = [];
  for (const pair of pairing.pairs) {
    const aspects = differingAspects(pair.from, pair.to, TRIGGER_ASPECTS);
    if (aspects.length > 0) changes.push({ kind: 'alter trigger', from: pair.from, to: pair.to, aspects });
  }
  for (const trigger of pairing.onlyTo) changes.push({ kind: 'add trigger', trigger });
  for (const trigger of pairing.onlyFrom) changes.push({ kind: 'drop trigger', trigger });
  return changes;
}
