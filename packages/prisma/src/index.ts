/**
 * `@gander/prisma`: schema.prisma to the schema model of the database Prisma Migrate builds from it.
 */
export type { ClientDefault } from './columns.js';
export { prisma7Compatible } from './compat.js';
export type { ClientDefaultKind } from './defaults.js';
export type { PrismaFile, PrismaFiles } from './files.js';
export { loadPrismaSchema } from './load.js';
export {
  byteLength,
  clipBytes,
  foreignKeyName,
  indexName,
  joinTableNames,
  primaryKeyName,
  uniqueIndexName,
} from './names.js';
export { readPrismaSchema } from './read.js';
export type { AttributeSpan, EnumSpans, FieldSpans, ModelSpans, PrismaSpans } from './spans.js';
export { type PrismaModelOptions, type PrismaModelResult, prismaToModel } from './to-model.js';
