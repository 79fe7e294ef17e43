/**
 * Pairing of two lists of objects, the one algorithm every object kind of the diff uses: pair by
 * identity key first, then (optionally) pair what is left by weaker keys, in passes.
 */
import { compare } from '../sort.js';

/** The outcome of `pairUp`: pairs in `from` order, then the unpaired of each side in their order. */
export interface Pairing<T> {
  readonly pairs: readonly { readonly from: T; readonly to: T; readonly pass: number }[];
  readonly onlyFrom: readonly T[];
  readonly onlyTo: readonly T[];
}

/**
 * Pairs `from` and `to` by each key function in turn (pass 0, 1, ...). An object whose key is
 * `undefined` in a pass sits that pass out; among several candidates the first unpaired one in
 * list order wins, so the result is deterministic for sorted input.
 */
export function pairUp<T>(
  from: readonly T[],
  to: readonly T[],
  keys: readonly ((item: T) => string | undefined)[],
): Pairing<T> {
  const pairs: { from: T; to: T; pass: number }[] = [];
  const freeFrom = new Set(from.map((_, i) => i));
  const freeTo = new Set(to.map((_, i) => i));
  keys.forEach((key, pass) => {
    const byKey = new Map<string, number[]>();
    for (const j of freeTo) {
      const k = key(to[j] as T);
      if (k === undefined) continue;
      byKey.set(k, [...(byKey.get(k) ?? []), j]);
    }
    for (const i of [...freeFrom]) {
      const k = key(from[i] as T);
      if (k === undefined) continue;
      const j = byKey.get(k)?.find((candidate) => freeTo.has(candidate));
      if (j === undefined) continue;
      pairs.push({ from: from[i] as T, to: to[j] as T, pass });
      freeFrom.delete(i);
      freeTo.delete(j);
    }
  });
  const order = new Map(from.map((item, i) => [item, i]));
  pairs.sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0));
  return {
    pairs,
    onlyFrom: [...freeFrom].sort((a, b) => a - b).map((i) => from[i] as T),
    onlyTo: [...freeTo].sort((a, b) => a - b).map((i) => to[i] as T),
  };
}

/** Sorts changes by a text key, stably, so the change set has one order whatever the input. */
export function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i, k: key(item) }))
    .sort((a, b) => compare(a.k, b.k) || a.i - b.i)
    .map((entry) => entry.item);
}
