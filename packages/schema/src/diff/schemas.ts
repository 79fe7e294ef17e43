/** Schema (namespace) and extension changes. */
import type { Model } from '../model.js';
import type { Change } from './changes.js';
import { pairUp } from './match.js';
import type { Filter } from './options.js';

/** Schemas only one side has, and schema comments that differ. */
export function diffSchemas(from: Model, to: Model, filter: Filter): Change[] {
  const keep = (model: Model) => model.schemas.filter((schema) => !filter.ignored('schema', [schema]));
  const pairing = pairUp(keep(from), keep(to), [(schema) => schema]);
  const changes: Change[] = [];
  for (const { from: schema } of pairing.pairs) {
    const a = from.schemaComments?.[schema];
    const b = to.schemaComments?.[schema];
    if (a !== b) {
      changes.push({
        kind: 'alter schema',
        schema,
        from: a !== undefined ? { comment: a } : {},
        to: b !== undefined ? { comment: b } : {},
        aspects: ['comment'],
      });
    }
  }
  const span = (model: Model, schema: string) => {
    const at = model.schemaSpans?.[schema];
    return at ? { span: at } : {};
  };
  for (const schema of pairing.onlyTo) changes.push({ kind: 'add schema', schema, ...span(to, schema) });
  for (const schema of pairing.onlyFrom) changes.push({ kind: 'drop schema', schema, ...span(from, schema) });
  return changes;
}

/** Extensions by name; a different target schema is `alter extension`. */
export function diffExtensions(from: Model, to: Model, filter: Filter): Change[] {
  const keep = (model: Model) => model.extensions.filter((item) => !filter.ignored('extension', [item.name]));
  const pairing = pairUp(keep(from), keep(to), [(item) => item.name]);
  const changes: Change[] = [];
  for (const pair of pairing.pairs) {
    if (pair.from.schema !== pair.to.schema) {
      changes.push({ kind: 'alter extension', from: pair.from, to: pair.to, aspects: ['schema'] });
    }
  }
  for (const extension of pairing.onlyTo) changes.push({ kind: 'add extension', extension });
  for (const extension of pairing.onlyFrom) changes.push({ kind: 'drop extension', extension });
  return changes;
}
