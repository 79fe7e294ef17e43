/** Types of `corpus.mjs` (see its module doc). */
import type { Model } from '@gander/schema';

/** A migration chain of the corpora and what its review found. */
export interface ParityChain {
  readonly name: string;
  /** Absolute path of the migrations folder. */
  readonly dir: string;
  /** First line of the replay error from an empty database, file names relative to `dir`. */
  readonly replayError?: string;
  /** First line of the static fold's error, file names relative to `dir`. */
  readonly foldError?: string;
  /** The last version both sides build, compared when the whole chain cannot be. */
  readonly lastGood?: number;
  /** Why the chain cannot replay (reviewed). */
  readonly reason?: string;
  /** Reviewed differences: every difference key matching `pattern` is explained by `reason`. */
  readonly known?: readonly { readonly pattern: RegExp; readonly reason: string }[];
}

/** One row of `pnpm corpus`. */
export interface ParityRow {
  readonly chain: string;
  readonly migrations: number;
  readonly statements: number;
  readonly opaque: number;
  /** Objects compared (undefined when nothing could be compared). */
  readonly objects: number | undefined;
  readonly equal: number | undefined;
  /** Differences no reviewed pattern explains, e.g. `table public.t (columns)`. */
  readonly differences: readonly string[];
  /** Differences a reviewed pattern explains. */
  readonly known: readonly string[];
  readonly replayError?: string;
  readonly foldError?: string;
  /** The version compared when the whole chain could not be. */
  readonly comparedTo?: number;
}

export const chains: readonly ParityChain[];
export function compareModels(
  folded: Model,
  replayed: Model,
): { objects: number; equal: number; differences: string[] };
export function freshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }>;
export function parityRow(
  chain: ParityChain,
  createDatabase: () => Promise<{ url: string; drop(): Promise<void> }>,
): Promise<ParityRow>;
