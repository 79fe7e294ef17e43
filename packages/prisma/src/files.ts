/**
 * The schema files of one Prisma schema: what `readPrismaSchema` reads and `prismaToModel` maps.
 */

/** One `.prisma` file: `path` as it appears in messages and spans, `text` its content. */
export interface PrismaFile {
  readonly path: string;
  readonly text: string;
}

/** A Prisma schema: one file, or every `.prisma` file of a schema folder, sorted by path. */
export interface PrismaFiles {
  readonly files: readonly PrismaFile[];
  /** How the files were found (`file`, `folder`, `prisma.config.ts`, `package.json`), for notes. */
  readonly origin: string;
}
