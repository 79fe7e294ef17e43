/**
 * `@prisma/prisma-schema-wasm`, loaded on first use: instantiating it is part of every run that
 * validates a schema, but none of a run that reads the Prisma side from the sync-check cache.
 */
import { createRequire } from 'node:module';
import type * as PrismaSchemaWasm from '@prisma/prisma-schema-wasm';

let loaded: typeof PrismaSchemaWasm | undefined;

/** The prisma-schema-wasm module (CommonJS; its WebAssembly is instantiated when it is required). */
export function prismaSchemaWasm(): typeof PrismaSchemaWasm {
  loaded ??= createRequire(import.meta.url)('@prisma/prisma-schema-wasm') as typeof PrismaSchemaWasm;
  return loaded;
}
