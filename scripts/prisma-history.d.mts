/** Types of `prisma-history.mjs` (see its module doc). */
import type { Change } from '@gander/schema';

/** A project compared: Prisma Migrate folder and schema.prisma (absolute), reviewed table file. */
export interface PrismaHistoryProject {
  readonly name: string;
  readonly migrations: string;
  readonly schema: string;
  readonly expected: string;
}

/** One difference: `kind` (change kind and differing aspects) and the object's dotted path. */
export interface DifferenceRow {
  readonly kind: string;
  readonly object: string;
}

/** A reviewed difference: why it is there (a key of `reasons.json`) and where (file:line, both sides). */
export interface ReviewedRow extends DifferenceRow {
  readonly reason: string;
  readonly evidence: string;
}

export const prismaHistoryProjects: readonly PrismaHistoryProject[];
export function prismaHistoryReasons(): Record<string, string>;
export function reviewedRows(project: PrismaHistoryProject): ReviewedRow[];
export function differenceRows(changes: readonly Change[]): DifferenceRow[];
export function prismaHistory(
  project: PrismaHistoryProject,
  databaseUrl: string,
): Promise<{ migrations: number; statements: number; tables: number; rows: DifferenceRow[] }>;
export function reviewDifferences(
  found: readonly DifferenceRow[],
  reviewed: readonly ReviewedRow[],
): { table: ReviewedRow[]; unreviewed: DifferenceRow[]; gone: ReviewedRow[] };
export function withScratchDatabase<T>(adminUrl: string, fn: (url: string) => Promise<T>): Promise<T>;
export function printPrismaHistory(adminUrl: string, log?: (line: string) => void): Promise<void>;
