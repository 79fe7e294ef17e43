/**
 * The schema reader: `@mrleebo/prisma-ast` 0.15.0 with chevrotain's full location tracking. It is a
 * static import, so the CLI's bundle holds it (a `createRequire`d module is left out of a bundle);
 * commands that map no schema never load this package's index (the CLI imports it lazily, and reads
 * files through `@gander/prisma/read`), so they never pay for loading it.
 *
 * @see https://github.com/MrLeebo/prisma-ast (0.15.0; 0.16 needs Node 22)
 */
import { getSchema, PrismaParser, VisitorClassFactory } from '@mrleebo/prisma-ast';
import type { RawBlock } from './raw-schema.js';

let parse: ((text: string) => { readonly list: readonly unknown[] }) | undefined;

/**
 * The nodes prisma-ast's `getSchema` builds for `text` (blocks, comments and blank lines).
 *
 * @throws what `getSchema` throws for text its grammar rejects (a chevrotain error with the
 *   `token` it stopped on).
 */
export function readWithPrismaAst(text: string): readonly RawBlock[] {
  if (!parse) {
    const parser = new PrismaParser({ nodeLocationTracking: 'full' });
    const visitor = new (VisitorClassFactory(parser))(parser);
    parse = (source) => getSchema(source, { parser, visitor });
  }
  return parse(text).list as readonly RawBlock[];
}
