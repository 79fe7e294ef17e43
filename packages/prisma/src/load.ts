/**
 * The one-call entry for commands: read, load the SQL parser, map.
 */
import { loadParser } from '@gander/schema';
import { readPrismaSchema } from './read.js';
import { type PrismaModelOptions, type PrismaModelResult, prismaToModel } from './to-model.js';

/**
 * Reads the schema at `path` (relative to `options.cwd`; see `readPrismaSchema`) and maps it (see
 * `prismaToModel`).
 *
 * @throws GanderError as `readPrismaSchema` and `prismaToModel` do.
 */
export async function loadPrismaSchema(
  path: string,
  options: PrismaModelOptions & { readonly cwd?: string } = {},
): Promise<PrismaModelResult> {
  const files = readPrismaSchema(path, options.cwd !== undefined ? { cwd: options.cwd } : {});
  await loadParser();
  return prismaToModel(files, options);
}
