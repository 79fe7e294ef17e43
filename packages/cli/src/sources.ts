import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { GanderError, type Model } from '@gander/schema';

/**
 * What a command-line source argument names:
 * - `database`: a `postgres://` / `postgresql://` URL or a libpq `key=value` string;
 * - `migrations`: a folder of goose `.sql` files or a Prisma Migrate folder;
 * - `prisma`: a `.prisma` file, or a folder holding `.prisma` files / `schema.prisma`.
 */
export type SourceKind = 'database' | 'migrations' | 'prisma';

export interface LoadedSource {
  readonly kind: SourceKind;
  /** What the user passed, with any password removed: fit for output. */
  readonly label: string;
  readonly model: Model;
  /** Extra facts a command may print (opaque statements, version folded to, ...). */
  readonly notes: readonly string[];
}

export interface LoadOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Schema unqualified names resolve to (default `public`). */
  readonly defaultSchema?: string;
  /** Fold migrations up to this version (inclusive). */
  readonly toVersion?: number;
  /** Replay migrations instead of folding: `pglite` or a PostgreSQL URL. */
  readonly replay?: string;
}

/** Decides what kind of source a command-line argument names. @throws GanderError USAGE / FILE_NOT_FOUND */
export function classifySource(spec: string, cwd: string): SourceKind {
  if (/^postgres(ql)?:\/\//i.test(spec) || /^\s*\w+\s*=/.test(spec)) return 'database';
  const path = resolve(cwd, spec);
  if (!existsSync(path)) {
    throw new GanderError(
      'FILE_NOT_FOUND',
      `${spec}: no such file or folder (expected a migrations folder, a .prisma file or a postgres:// URL)`,
    );
  }
  if (statSync(path).isFile()) {
    if (path.endsWith('.prisma')) return 'prisma';
    throw new GanderError(
      'USAGE',
      `${spec}: expected a migrations folder, a .prisma file or a postgres:// URL`,
    );
  }
  return looksLikePrismaFolder(path) ? 'prisma' : 'migrations';
}

function looksLikePrismaFolder(dir: string): boolean {
  return existsSync(resolve(dir, 'schema.prisma')) && !existsSync(resolve(dir, 'migration_lock.toml'));
}

/**
 * Loads any source into a model. Packages are imported lazily so a command only pays for what it
 * reads. @throws GanderError from the package that reads the source.
 */
export async function loadSource(spec: string, options: LoadOptions): Promise<LoadedSource> {
  const kind = classifySource(spec, options.cwd);
  switch (kind) {
    case 'database':
      return await loadDatabase(spec, options);
    case 'migrations':
      return await loadMigrations(spec, options);
    case 'prisma':
      return await loadPrisma(spec, options);
  }
}

/**
 * Reads a live database: `spec` (URL or `key=value`) completed by `PG*` / `POSTGRES_*` variables.
 * @throws GanderError `USAGE` (bad connection string), `DB_CONNECT` (names host, port, database; never
 *   the password), `DB_QUERY` (catalog unreadable).
 */
async function loadDatabase(spec: string, options: LoadOptions): Promise<LoadedSource> {
  const { connect, describeConnection, introspect, resolveConnection } = await import('@gander/introspect');
  const config = resolveConnection(spec, options.env);
  const client = await connect(config);
  try {
    const model = await introspect(
      client,
      options.defaultSchema ? { defaultSchema: options.defaultSchema } : {},
    );
    return { kind: 'database', label: describeConnection(config), model, notes: [] };
  } finally {
    await client.end();
  }
}

/**
 * Reads a migrations folder: folded statically (`foldMigrations`), or with `replay` applied to
 * PGlite / an empty database and introspected (`replay`). Notes list the opaque statements the
 * static fold could not model (with file:line:column) and the folder's own notes.
 * @throws GanderError `SQL_SYNTAX`, `GOOSE_DIRECTIVE`, `GOOSE_VERSION`, `FILE_NOT_FOUND` from reading;
 *   `REPLAY_FAILED`, `DB_CONNECT`, `USAGE` (database not empty) from replaying.
 */
async function loadMigrations(spec: string, options: LoadOptions): Promise<LoadedSource> {
  const { foldMigrations, readMigrations } = await import('@gander/goose');
  const set = await readMigrations(resolve(options.cwd, spec));
  const toVersion = options.toVersion !== undefined ? { toVersion: options.toVersion } : {};
  if (options.replay !== undefined) {
    const { replay } = await import('@gander/introspect');
    const replayed = await replay(set, options.replay, { ...toVersion, env: options.env });
    return {
      kind: 'migrations',
      label: spec,
      model: replayed.model,
      notes: [
        ...set.notes,
        `replayed ${replayed.migrations} migrations (version ${replayed.version}) into ${options.replay === 'pglite' ? 'PGlite' : 'the database'}`,
      ],
    };
  }
  const folded = await foldMigrations(set, {
    ...toVersion,
    ...(options.defaultSchema ? { defaultSchema: options.defaultSchema } : {}),
  });
  const opaque = folded.opaque.map(
    (o) => `${o.span.file}:${o.span.line}:${o.span.column}: opaque statement (${o.statement}): ${o.note}`,
  );
  return { kind: 'migrations', label: spec, model: folded.model, notes: [...set.notes, ...opaque] };
}

/**
 * Reads a Prisma schema (file, schema folder, or a project folder with prisma.config.ts /
 * package.json) into the model of the database Prisma Migrate would build.
 * @throws GanderError `PRISMA_SCHEMA` (Prisma's message at file:line:column), `FILE_NOT_FOUND`, `CONFIG`.
 */
async function loadPrisma(spec: string, options: LoadOptions): Promise<LoadedSource> {
  const { loadPrismaSchema } = await import('@gander/prisma');
  const result = await loadPrismaSchema(spec, {
    cwd: options.cwd,
    ...(options.defaultSchema ? { defaultSchema: options.defaultSchema } : {}),
  });
  const clientDefaults = result.clientDefaults.map(
    (d) => `${d.table.name}.${d.column}: ${d.kind}() is filled in by Prisma Client, not a database default`,
  );
  return { kind: 'prisma', label: spec, model: result.model, notes: [...result.notes, ...clientDefaults] };
}
