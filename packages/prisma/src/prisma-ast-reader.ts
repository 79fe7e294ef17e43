/**
 * The schema reader: `@mrleebo/prisma-ast` 0.15.0 with chevrotain's full location tracking, loaded on
 * first use (loading it costs about half a second, so commands that read no schema never pay it).
 *
 * @see https://github.com/MrLeebo/prisma-ast (0.15.0; 0.16 needs Node 22)
 */
import { createRequire } from 'node:module';
import type * as PrismaAst from '@mrleebo/prisma-ast';
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
    const { getSchema, PrismaParser, VisitorClassFactory } = createRequire(import.meta.url)(
      '@mrleebo/prisma-ast',
    ) as typeof PrismaAst;
    const parser = new PrismaParser({ nodeLocationTracking: 'full' });
    const visitor = new (VisitorClassFactory(parser))(parser);
    parse = (source) => getSchema(source, { parser, visitor });
  }
  return parse(text).list as readonly RawBlock[];
}
