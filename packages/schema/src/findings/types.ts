/**
 * Findings: what `gander sync-check` reports, one per disagreement between two (or three) sources,
 * as plain JSON-serialisable data. Built from change sets by `toFindings` (two sources) and
 * `combineFindings` (three sources).
 */
import type { ObjectKind } from '../diff/options.js';
import type { SourceSpan } from '../model.js';
import type { FindingCode } from './codes.js';

/** The three sources gander compares. */
export type Side = 'migrations' | 'prisma' | 'database';

export type Severity = 'error' | 'warning' | 'info';

/** Severities from least to most severe; `SEVERITY_RANK[s]` orders them. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/**
 * A default Prisma Client fills in itself: the database never sees it, so a database default on
 * the same column is reported as info (`client-default`), not as a default that differs.
 *
 * The Prisma adapter produces one per field with `@default(uuid())`, `@default(cuid())`,
 * `@default(nanoid())`, `@default(ulid())` or `@updatedAt`; names are database names (after
 * `@map` / `@@map`), as PostgreSQL folds them.
 */
export interface ClientDefault {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  /** `uuid` (any version), `cuid` (1 or 2), `nanoid`, `ulid`, or `updatedAt` for `@updatedAt`. */
  readonly kind: 'uuid' | 'cuid' | 'nanoid' | 'ulid' | 'updatedAt';
  /** Arguments as written, e.g. `['7']` for `uuid(7)`. */
  readonly args?: readonly string[];
  /** The field's span in schema.prisma. */
  readonly span?: SourceSpan;
}

/** What the object of a finding is and what it is called. */
export interface FindingObject {
  readonly kind: ObjectKind;
  /** Schema of the object (absent for schemas and extensions). */
  readonly schema?: string;
  /** The table (or view) the object belongs to, for columns, constraints, indexes, triggers. */
  readonly table?: string;
  /** The object's name; for a rename, the name of the side listed first in `sides`. */
  readonly name: string;
  /** Dotted path, the form ignore rules and policy object rules match: `public.users.email`. */
  readonly path: string;
}

/** One source's view of the object of a finding. */
export interface FindingSide {
  readonly side: Side;
  /** Whether this source has the object (for a rename: under its own name). */
  readonly present: boolean;
  /**
   * Where this source defines the object: migration file:line, schema.prisma:line, or `'database'`
   * for a live database. When the source lacks the object, the place of its table if known.
   */
  readonly location?: SourceSpan | 'database';
  /** What this source says about the differing aspect, in SQL terms (`uuid`, `NOT NULL`, `no default`). */
  readonly value?: string;
}

/** A way to make one source agree. */
export interface Fix {
  /** The source the fix edits. */
  readonly side: Side;
  /**
   * `prisma`: text to put in schema.prisma (an attribute, a field line, a block);
   * `sql`: statements for a new migration (side `migrations`) or to run on the database (side `database`).
   */
  readonly kind: 'prisma' | 'sql';
  readonly text: string;
  /** One line saying what to do with `text`. */
  readonly description: string;
  /** Where to apply it, when known. */
  readonly location?: SourceSpan;
}

/** One disagreement, as reported. */
export interface Finding {
  /** Stable code (see `FINDING_CODES`). */
  readonly code: FindingCode;
  readonly severity: Severity;
  /** One sentence: what differs, and the values each side has. */
  readonly message: string;
  readonly object: FindingObject;
  /**
   * Stable identity of the disagreement, independent of which source is compared to which:
   * `<code family>:<path>[:<aspect>]`. Baseline files record it; the three-way view merges on it.
   */
  readonly key: string;
  /** The sources compared, in the order migrations, prisma, database. */
  readonly sides: readonly FindingSide[];
  /** With three sources: the one that disagrees with the other two (absent when all differ or with two). */
  readonly culprit?: Side;
  /** Ways to resolve it, one per source that could change (only the culprit's with three sources). */
  readonly fixes: readonly Fix[];
}
