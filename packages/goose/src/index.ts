export {
  type Annotation,
  type AnnotationResult,
  extractAnnotation,
  isAnnotationLine,
} from './annotations.js';
export { type EnvLookup, InterpolateError, interpolate } from './envsub.js';
export {
  type FoldOptions,
  type FoldResult,
  foldMigrationSet,
  foldMigrations,
  foldStatements,
} from './fold/fold-migrations.js';
export type { OpaqueStatement } from './fold/state.js';
export { goQuote, goTrimSpace } from './go-strings.js';
export { collectGooseMigrations, compareBytes, type GooseListing } from './goose-folder.js';
export type { FolderEntry, Migration, MigrationFormat, MigrationSet } from './migration-set.js';
export { migrationStatements } from './migration-statements.js';
export {
  collectPrismaMigrations,
  comparePrismaFolders,
  type PrismaFolder,
  splitPlainSql,
} from './prisma-migrate.js';
export { type ReadMigrationsOptions, readMigrations } from './read-migrations.js';
export {
  createPositionMapper,
  type Position,
  type PositionMapper,
  positionOfByteOffset,
  spanAt,
} from './spans.js';
export {
  type Direction,
  endsWithSemicolon,
  type ParsedMigration,
  type ParsedMigrationBoth,
  type ParseOptions,
  parseSqlMigration,
  parseSqlMigrationBoth,
  type Statement,
} from './split.js';
export { isSequentialVersion, isTimestampVersion, parseVersion, type VersionResult } from './versions.js';
