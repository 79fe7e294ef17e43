/**
 * Wall time of sync-check's parts, in milliseconds, for `scripts/bench-sync-check.mjs` and `--timings`.
 */

/** The parts measured: reading the configuration, Prisma, SQL (reading and folding), the database, the diff. */
export type TimingPart = 'config' | 'prisma' | 'sql' | 'database' | 'diff' | 'output';

/** Accumulates milliseconds per part (`performance.now()` differences). */
export class Timings {
  readonly ms: Record<TimingPart, number> = { config: 0, prisma: 0, sql: 0, database: 0, diff: 0, output: 0 };

  async time<T>(part: TimingPart, run: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await run();
    } finally {
      this.ms[part] += performance.now() - start;
    }
  }

  timeSync<T>(part: TimingPart, run: () => T): T {
    const start = performance.now();
    try {
      return run();
    } finally {
      this.ms[part] += performance.now() - start;
    }
  }
}
