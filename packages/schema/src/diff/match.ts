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
  const at: number[] = [];
  const freeFrom: boolean[] = from.map(() => true);
  const freeTo: boolean[] = to.map(() => true);
  keys.forEach((key, pass) => {
    const byKey = new Map<string, number[]>();
    for (let j = 0; j < to.length; j++) {
      if (!freeTo[j]) continue;
      const k = key(to[j] as T);
      if (k === undefined) continue;
      const list = byKey.get(k);
      if (list) list.push(j);
      else byKey.set(k, [j]);
    }
    if (byKey.size === 0) return;
    for (let i = 0; i < from.length; i++) {
      if (!freeFrom[i]) continue;
      const k = key(from[i] as T);
      if (k === undefined) continue;
      const j = byKey.get(k)?.find((candidate) => freeTo[candidate]);
      if (j === undefined) continue;
      pairs.push({ from: from[i] as T, to: to[j] as T, pass });
      at.push(i);
      freeFrom[i] = false;
      freeTo[j] = false;
    }
  });
  // Back into `from` order (each pass pairs in it; later passes interleave).
  const ordered = pairs
    .map((pair, n) => ({ pair, i: at[n] as number }))
    .sort((a, b) => a.i - b.i)
    .map(({ pair }) => pair);
  return {
    pairs: ordered,
    onlyFrom: from.filter((_, i) => freeFrom[i]),
    onlyTo: to.filter((_, j) => freeTo[j]),
  };
}

/** Sorts changes by a text key, stably, so the change set has one order whatever the input. */
export function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i, k: key(item) }))
    .sort((a, b) => compare(a.k, b.k) || a.i - b.i)
    .map((entry) => entry.item);
}
