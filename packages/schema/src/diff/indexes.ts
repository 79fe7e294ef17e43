/**
 * Index changes of one table (or materialized view), with the unique constraints that may stand
 * for an index (see `asIndex`): Prisma writes `@unique` as `CREATE UNIQUE INDEX`, goose migrations
 * often as `UNIQUE (...)`; both are the same thing to PostgreSQL's planner and to the data.
 *
 * Pairing, in passes: by name; then by the whole definition (`rename index` when only the name
 * differs); then by the key columns and expressions (`alter index` whose aspects include `name`).
 * A pair of two unique constraints is reported as constraint changes.
 */
import type { IndexAspect, IndexLike, TableChange } from './changes.js';
import { constraintPairChange, renameColumnList, withColumnsRenamed } from './constraints.js';
import { asIndex, indexSignature, keyColumnsSignature, keyText, same } from './equivalence.js';
import { pairUp } from './match.js';

/** The aspects in which two index-likes differ, compared as indexes (`name` first when it differs). */
export function indexAspects(from: IndexLike, to: IndexLike): IndexAspect[] {
  const a = asIndex(from);
  const b = asIndex(to);
  const aspects: IndexAspect[] = a.name === b.name ? [] : ['name'];
  if (a.unique !== b.unique) aspects.push('unique');
  if (a.method !== b.method) aspects.push('method');
  if (
    !same(
      a.keys.map((key) => keyText(key)),
      b.keys.map((key) => keyText(key)),
    )
  )
    aspects.push('keys');
  for (const aspect of ['include', 'predicate', 'nullsNotDistinct', 'comment'] as const) {
    if (!same(a[aspect], b[aspect])) aspects.push(aspect);
  }
  return aspects;
}

function pairChange(from: IndexLike, to: IndexLike): TableChange | undefined {
  if ('kind' in from && 'kind' in to) return constraintPairChange(from, to);
  const aspects = indexAspects(from, to);
  if (aspects.length === 0) return undefined;
  if (aspects.length === 1 && aspects[0] === 'name') return { kind: 'rename index', from, to };
  return { kind: 'alter index', from, to, aspects };
}

const INDEX_KEYS: readonly ((item: IndexLike) => string)[] = [
  (item) => item.name,
  (item) => indexSignature(asIndex(item)),
  (item) => keyColumnsSignature(asIndex(item)),
];

/** The index-like with renamed columns (old name -> new) under their new names (see `withColumnsRenamed`). */
function indexWithColumnsRenamed(item: IndexLike, renamed: ReadonlyMap<string, string>): IndexLike {
  if (renamed.size === 0) return item;
  if ('kind' in item) return withColumnsRenamed(item, renamed) as IndexLike;
  return {
    ...item,
    keys: item.keys.map((key) =>
      key.column === undefined ? key : { ...key, column: renamed.get(key.column) ?? key.column },
    ),
    include: renameColumnList(item.include, renamed),
  };
}

/**
 * Changes between two lists of index-likes: pairs in `from` order, then adds in `to` order, then
 * drops in `from` order. An unpaired unique constraint is an `add constraint` / `drop constraint`.
 * `renamed` (old column name -> new) makes the `from` items compare as if their table's columns
 * were renamed (a unique index on a column named without `@map` is the same index); the changes
 * still carry them as they are.
 */
export function diffIndexes(
  from: readonly IndexLike[],
  to: readonly IndexLike[],
  renamed: ReadonlyMap<string, string> = new Map(),
): TableChange[] {
  const original = new Map<IndexLike, IndexLike>();
  const mapped = from.map((item) => {
    const copy = indexWithColumnsRenamed(item, renamed);
    original.set(copy, item);
    return copy;
  });
  const own = (item: IndexLike) => original.get(item) ?? item;
  const pairing = pairUp(mapped, to, INDEX_KEYS);
  const changes: TableChange[] = [];
  for (const pair of pairing.pairs) {
    const change = pairChange(pair.from, pair.to);
    if (change) changes.push({ ...change, from: own(pair.from) } as TableChange);
  }
  for (const item of pairing.onlyTo) {
    changes.push(
      'kind' in item ? { kind: 'add constraint', constraint: item } : { kind: 'add index', index: item },
    );
  }
  for (const mappedItem of pairing.onlyFrom) {
    const item = own(mappedItem);
    changes.push(
      'kind' in item ? { kind: 'drop constraint', constraint: item } : { kind: 'drop index', index: item },
    );
  }
  return changes;
}
