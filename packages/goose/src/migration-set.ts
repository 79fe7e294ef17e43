/**
 * The plain-data description of a migrations folder that every reader returns.
 */

/** Which tool's folder layout a migration set was read from. */
export type MigrationFormat = 'goose' | 'prisma-migrate';

/** One migration of a folder, in the order its tool applies it. */
export interface Migration {
  /** goose: the version from the file name; Prisma Migrate: the 1-based position in folder order. */
  readonly version: number;
  /** goose: the file's base name (`00001_init.sql`); Prisma Migrate: the folder name. */
  readonly name: string;
  /** The file, as the folder path given to the reader joined with the relative path. */
  readonly file: string;
  /** `go` only for goose Go migrations, which are listed but never read. */
  readonly kind: 'sql' | 'go';
  /** The file's layout, deciding how its text is split into statements. */
  readonly format: MigrationFormat;
  /** The decoded UTF-8 text (a BOM kept, as goose sees it); absent for `go`. */
  readonly text?: string;
}

/** A migrations folder: its layout, its migrations in apply order, and notes for the user. */
export interface MigrationSet {
  readonly format: MigrationFormat;
  /** The folder as given to the reader. */
  readonly dir: string;
  readonly migrations: readonly Migration[];
  /** Things the user should know that are not errors (Go migrations that were not read, ...). */
  readonly notes: readonly string[];
}

/** A directory entry as the pure folder readers see it. */
export interface FolderEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}
