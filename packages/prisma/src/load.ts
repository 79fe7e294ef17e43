/**
 * The one-call entry for commands: read, load the SQL parser, map.
 */
import { loadParser } from '@gander/schema';
import { readPrismaSchema } from './read.js';
import { type PrismaModelOptions, type PrismaModelResult, prismaToModel } from './to-model.js';

/**
 * Reads the schema at `path` (see `readPrismaSchema`) and maps it (see `prismaToModel`).
 *
 * @throws GanderError as `readPrismaSchema` and `prismaToModel` do.
 */
export async function loadPrismaSchema(
  path: string,
  options: PrismaModelOptions = {},
): Promise<PrismaModelResult> {
  const files = readPrismaSchema(path);
  await loadParser();
  return prismaToModel(files, options);
}
