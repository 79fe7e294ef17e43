/**
 * The schemas the Prisma tests run over: every case folder in `fixtures/prisma/` and the Prisma
 * schemas of the shared corpora.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const fixturesDir = join(root, 'fixtures', 'prisma');
export const corporaDir = join(root, '..', 'shared', 'corpora');

/** SQL run before a schema's migration: objects its `dbgenerated(...)` defaults call. */
const uuidV7Shim =
  'CREATE FUNCTION public.uuid_generate_v7() RETURNS uuid LANGUAGE sql AS $$ SELECT gen_random_uuid() $$;';

export interface SchemaCase {
  readonly name: string;
  /** File or folder given to `readPrismaSchema`. */
  readonly path: string;
  /** SQL to run before the migration (functions the defaults call). */
  readonly prelude: string;
  /** Routines the prelude creates, left out of the comparison. */
  readonly preludeRoutines: readonly string[];
  /** Extensions the prelude creates, left out of the comparison. */
  readonly preludeExtensions?: readonly string[];
}

interface CaseOptions {
  readonly prelude?: string;
  readonly preludeRoutines?: readonly string[];
  readonly preludeExtensions?: readonly string[];
}

/** Fixture cases that build a schema (a folder without `expected-error.json`). */
export function fixtureCases(): SchemaCase[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !existsSync(join(fixturesDir, d.name, 'expected-error.json')))
    .map((d) => {
      const dir = join(fixturesDir, d.name);
      const caseFile = join(dir, 'case.json');
      const options: CaseOptions = existsSync(caseFile) ? JSON.parse(readFileSync(caseFile, 'utf8')) : {};
      const input = existsSync(join(dir, 'schema')) ? join(dir, 'schema') : join(dir, 'schema.prisma');
      return {
        name: d.name,
        path: input,
        prelude: options.prelude ?? '',
        preludeRoutines: options.preludeRoutines ?? [],
        preludeExtensions: options.preludeExtensions ?? [],
      };
    });
}

/** Fixture cases that must fail: `expected-error.json` holds `{ code, message }`. */
export function errorCases(): { name: string; path: string; expected: { code: string; message: string } }[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(fixturesDir, d.name, 'expected-error.json')))
    .map((d) => {
      const dir = join(fixturesDir, d.name);
      const input = existsSync(join(dir, 'schema')) ? join(dir, 'schema') : join(dir, 'schema.prisma');
      return {
        name: d.name,
        path: input,
        expected: JSON.parse(readFileSync(join(dir, 'expected-error.json'), 'utf8')),
      };
    });
}

const girok = join(corporaDir, 'beegy-labs__my-girok', 'services');

/** The Prisma schemas of the shared corpora (my-girok's 8, documenso, langfuse, hatchet's history). */
export function corpusCases(): SchemaCase[] {
  const services = ['auth', 'authorization', 'hr', 'identity', 'legal', 'mail', 'notification', 'personal'];
  const girokCases = services.map((s) => ({
    name: `my-girok ${s}-service`,
    path: join(
      girok,
      `${s}-service`,
      'prisma',
      s === 'identity' ? 'identity/schema.prisma' : 'schema.prisma',
    ),
    prelude: uuidV7Shim,
    preludeRoutines: ['uuid_generate_v7'],
  }));
  return [
    ...girokCases,
    {
      // Its gin_trgm_ops indexes need pg_trgm, which documenso's migrations create (not its schema).
      name: 'documenso',
      path: join(corporaDir, 'documenso__documenso/packages/prisma/schema.prisma'),
      prelude: 'CREATE EXTENSION pg_trgm;',
      preludeRoutines: [],
      preludeExtensions: ['pg_trgm'],
    },
    {
      name: 'langfuse',
      path: join(corporaDir, 'langfuse__langfuse/packages/shared/prisma/schema.prisma'),
      prelude: '',
      preludeRoutines: [],
    },
    {
      name: 'hatchet history',
      path: join(corporaDir, 'hatchet-dev__hatchet/history-b7a706a18f0c/prisma/schema.prisma'),
      prelude: '',
      preludeRoutines: [],
    },
  ];
}
