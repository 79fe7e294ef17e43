/**
 * `BoundedMemo`: results of a pure function of a short text (a name, a type spelling, a default),
 * remembered for the life of the process. Sources and fixes spell the same few names and defaults
 * hundreds of times, and each computation is a library call (a parse and deparse, a keyword check).
 * At `limit` entries the memo forgets everything at once, so a long-lived process stays bounded; a
 * run's working set is far smaller than the limit.
 */
export class BoundedMemo {
  readonly #values = new Map<string, string>();

  /** @param limit how many results are kept before all are forgotten (a positive integer). */
  constructor(readonly limit: number) {}

  /**
   * The result remembered under `key`, else `compute()`'s, remembered. `key` must determine the
   * result (include every input `compute` reads). An error thrown by `compute` is not remembered.
   */
  get(key: string, compute: () => string): string {
    let value = this.#values.get(key);
    if (value === undefined) {
      value = compute();
      if (this.#values.size >= this.limit) this.#values.clear();
      this.#values.set(key, value);
    }
    return value;
  }
}
