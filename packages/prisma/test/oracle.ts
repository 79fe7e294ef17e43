/**
 * The Prisma oracle: Prisma's own schema engine (`@prisma/schema-engine-wasm`, in-process, pinned,
 * dev only) writes the SQL `prisma migrate diff --from-empty --to-schema <schema> --script` prints;
 * that SQL is applied to a fresh database on the real test server and the result introspected.
 * The live model must equal `prismaToModel`'s (spans and client-side defaults aside).
 *
 * NOTE: the engine needs a driver adapter even for a diff from empty; it gets `@prisma/adapter-pg`
 * on the test database. The adapter cannot decode PostgreSQL's `"char"` (OID 18), which only the
 * engine's own introspection reads; `charPatch` maps it to text as deps.md §4.3 describes.
 *
 * @see https://github.com/prisma/prisma/blob/main/packages/migrate/src/commands/MigrateDiff.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { introspect } from '@gander/introspect';
import type { PrismaFile } from '@gander/prisma';
import { type Model, normalizeDefault, normalizeExpression } from '@gander/schema';
import pg from 'pg';

const require = createRequire(import.meta.url);
const rootRequire = createRequire(join(dirname(require.resolve('pg')), '..', '..', 'package.json'));

interface EngineRuntime {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
  SchemaEngine: {
    new: (
      options: object,
      log: (message: string) => void,
      adapter: unknown,
    ) => Promise<{
      diff(params: object): Promise<{ exitCode: number; stdout: string }>;
      free(): void;
    }>;
  };
}

/** The few `WebAssembly` members used here (Node's global; not in this project's `lib`). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: WasmApi };

let runtime: Promise<EngineRuntime> | undefined;

/** Loads the schema engine WASM once per process (~50 ms). */
function loadEngine(): Promise<EngineRuntime> {
  runtime ??= (async () => {
    const bg = rootRequire.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const mod = (await import(bg)) as EngineRuntime;
    const wasm = new wasmApi.Module(readFileSync(join(dirname(bg), 'schema_engine_bg.wasm')));
    const instance = new wasmApi.Instance(wasm, { './schema_engine_bg.js': mod });
    mod.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return mod;
  })();
  return runtime;
}

interface PerformIO {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
}

/** Maps `"char"` (OID 18) columns to text in the adapter's results (deps.md §4.3). */
function charPatch(queryable: PerformIO): void {
  const original = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await original(query);
    for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
}

/** The SQL Prisma Migrate would run to create `files`' schema on an empty database. */
export async function prismaMigrateSql(files: readonly PrismaFile[], url: string): Promise<string> {
  const engine = await loadEngine();
  const { PrismaPg } = (await import(rootRequire.resolve('@prisma/adapter-pg'))) as {
    PrismaPg: new (o: object) => { connect(): Promise<PerformIO> };
  };
  const { bindMigrationAwareSqlAdapterFactory } = (await import(
    rootRequire.resolve('@prisma/driver-adapter-utils')
  )) as {
    bindMigrationAwareSqlAdapterFactory(f: unknown): unknown;
  };
  const factory = new PrismaPg({ connectionString: url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const queryable = await connect();
    charPatch(queryable);
    return queryable;
  };
  const datamodels = files.map((f) => [f.path, f.text]);
  const schemaEngine = await engine.SchemaEngine.new(
    { datamodels },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    const result = await schemaEngine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: files.map((f) => ({ path: f.path, content: f.text })) },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout;
  } finally {
    schemaEngine.free();
  }
}

/**
 * Runs `sql` (many statements) on the database at `url`, then introspects it, bookkeeping tables
 * included (a schema that models `goose_db_version` makes Prisma create it as an ordinary table).
 */
export async function applyAndIntrospect(url: string, sql: string, prelude = ''): Promise<Model> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (prelude) await client.query(prelude);
    await client.query(sql);
    return await introspect(client, { includeBookkeeping: true });
  } finally {
    await client.end();
  }
}

/**
 * The live model as the comparison sees it: defaults and index predicates through the normalisers
 * (idempotent, so this holds whether or not `introspect` already canonicalises them), and without
 * `schemaComments` (the template database's `COMMENT ON SCHEMA public`, not something Prisma writes).
 * Requires `loadParser()`.
 */
export function comparable(model: Model): Model {
  const { schemaComments: _comments, ...rest } = model;
  return {
    ...rest,
    tables: model.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) =>
        c.default === undefined ? c : { ...c, default: normalizeDefault(c.default) },
      ),
      indexes: t.indexes.map((i) =>
        i.predicate === undefined ? i : { ...i, predicate: normalizeExpression(i.predicate) },
      ),
    })),
  };
}
