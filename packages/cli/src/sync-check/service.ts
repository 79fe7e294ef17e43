/**
 * One service's sync-check: read its sources, fold the migrations (at the database's applied
 * versions too, when a database is given), compare, and explain what the comparison alone cannot
 * (pending migrations, a baseline that builds nothing).
 */
import { basename } from 'node:path';
import type { Migration, MigrationSet } from '@gander/goose';
import type { PrismaFiles, PrismaModelResult } from '@gander/prisma';
import {
  ALL_FINDING_CODES,
  type ClientDefault,
  DEFAULT_BOOKKEEPING_TABLES,
  type FindingCode,
  GanderError,
  isFindingCode,
  isGanderError,
  loadParser,
  type Model,
  type ObjectRule,
  type Policy,
  type PolicySeverity,
  type PrismaEnumName,
  type PrismaModelName,
} from '@gander/schema';
import type { ServiceConfig } from '../config.js';
import { baselineNotices } from './baseline.js';
import type { ResultCache } from './cache.js';
import { compareSources } from './compare.js';
import { type DatabaseSide, readDatabaseSide } from './database.js';
import { foldChain, type MigrationsSide, readMigrationsSide } from './migrations.js';
import {
  NOTICE_CODES,
  type Notice,
  type NoticeCode,
  type ReportFinding,
  type ServiceSources,
} from './report.js';
import type { Timings } from './timings.js';

/** How to check a service (the command's flags after config and environment are applied). */
export interface ServiceRunOptions {
  readonly env: NodeJS.ProcessEnv;
  /** The database URL for this service, if any. */
  readonly databaseUrl?: string;
  /** Replay the migrations (`pglite` or a URL) instead of folding them. */
  readonly replay?: string;
  readonly timings: Timings;
  /** Stored results of earlier runs (see `cache.ts`); none with `--no-cache`. */
  readonly cache?: ResultCache;
}

export interface ServiceOutcome {
  readonly sources: ServiceSources;
  readonly notices: Notice[];
  readonly findings: ReportFinding[];
}

/**
 * Checks one service. Severity overrides in `service.severity` apply to findings and notices.
 * @throws GanderError for input that cannot be read (the caller records it as the service's error).
 */
export async function checkService(
  service: ServiceConfig,
  options: ServiceRunOptions,
): Promise<ServiceOutcome> {
  const { timings } = options;
  const notices: Notice[] = [];
  const sources: { -readonly [K in keyof ServiceSources]: ServiceSources[K] } = {};

  let prisma: PrismaSide | undefined;
  if (service.prisma.length > 0) {
    prisma = await timings.time('prisma', () => readPrisma(service, options.cache));
    sources.prisma = { files: service.prisma };
  }

  let side: MigrationsSide | undefined;
  if (service.migrations)
    side = await timings.time('sql', () =>
      readMigrationsSide(service, service.migrations as string, options.cache),
    );

  let database: DatabaseSide | undefined;
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    database = await timings.time('database', () => readDatabaseSide(url, options.env, service));
  }

  let head: Model | undefined;
  let applied: Model | undefined;
  const pending: Migration[] = [];
  if (side) {
    notices.push(...side.notices);
    const set = side.set;
    const models = await timings.time('sql', () =>
      migrationModels(side, service, options, database, pending, notices),
    );
    head = models.head;
    applied = models.applied;
    sources.migrations = {
      dir: set.dir,
      format: set.format,
      count: side.count,
      head: side.head,
      mode: options.replay ? `replay:${options.replay === 'pglite' ? 'pglite' : 'database'}` : 'fold',
      ...(service.baseline ? { baseline: service.baseline } : {}),
    };
  }
  if (database) {
    sources.database = {
      label: database.label,
      ...(database.versions ? { version: database.versions.current } : {}),
      pending: pending.map((m) => ({ version: m.version, file: m.file })),
    };
  }
  if (!side && prisma)
    notices.push(
      notice(
        'source-missing',
        `service "${service.name}" has a Prisma schema but no migrations folder: nothing creates its tables`,
        undefined,
        'set "migrations" in gander.config.json',
      ),
    );
  if (side && !prisma && !database)
    notices.push(
      notice(
        'source-missing',
        `service "${service.name}" has migrations but no Prisma schema and no database to compare them with`,
        undefined,
        'set "prisma" in gander.config.json or pass --database-url',
      ),
    );

  const policy = policyOf(service);
  await loadParser(); // the comparison normalises SQL, and results read from the cache loaded nothing
  const findings = timings.timeSync('diff', () =>
    compareSources(
      {
        ...(head ? { migrations: head } : {}),
        ...(applied ? { migrationsApplied: applied } : {}),
        ...(prisma ? { prisma: prisma.model } : {}),
        ...(database ? { database: database.model } : {}),
      },
      {
        diff: { ignore: service.ignore, bookkeepingTables: bookkeepingTables(service) },
        policy,
        clientDefaults: prisma?.clientDefaults ?? [],
        pendingFiles: pending.map((m) => m.file),
        prismaEnums: prisma?.enums ?? [],
        prismaModels: prisma?.models ?? [],
      },
    ),
  );
  if (side && prisma && !service.baseline) notices.push(...baselineNotices(side, findings));
  return { sources, notices: applyNoticePolicy(notices, service), findings };
}

/**
 * Tables that are not part of the schema: goose's version table (as configured), gander migrate's
 * checksum table beside it, and Prisma Migrate's `_prisma_migrations`.
 */
function bookkeepingTables(service: ServiceConfig): string[] {
  const table = service.gooseTable.split('.').pop() as string;
  return [...new Set([...DEFAULT_BOOKKEEPING_TABLES, table, `${table}_gander_checksums`])];
}

/** The Prisma side: its model, client-side defaults, enum blocks (Prisma name -> type) and model blocks' names. */
interface PrismaSide {
  readonly model: Model;
  readonly clientDefaults: ClientDefault[];
  readonly enums: PrismaEnumName[];
  readonly models: PrismaModelName[];
}

async function readPrisma(service: ServiceConfig, cache: ResultCache | undefined): Promise<PrismaSide> {
  // Reading the files (for the cache key) needs none of the mapping, which loads prisma-ast.
  const { readPrismaSchema } = await import('@gander/prisma/read');
  const parts = service.prisma.map((path) => readPrismaSchema(path));
  const files = { files: parts.flatMap((p) => p.files), origin: parts[0]?.origin ?? 'file' };
  const inputs = [service.defaultSchema, files.origin, files.files.map((f) => [f.path, f.text])];
  const stored = cache?.read<PrismaSide>('prisma', inputs);
  if (stored) return stored;
  const { prismaToModel } = await import('@gander/prisma');
  const side = await mapPrisma(files, service, prismaToModel);
  cache?.write('prisma', inputs, side);
  return side;
}

async function mapPrisma(
  files: PrismaFiles,
  service: ServiceConfig,
  prismaToModel: (files: PrismaFiles, options: { defaultSchema: string }) => PrismaModelResult,
): Promise<PrismaSide> {
  await loadParser();
  const result = prismaToModel(files, { defaultSchema: service.defaultSchema });
  const clientDefaults = result.clientDefaults.map(
    (d): ClientDefault => ({
      schema: d.table.schema,
      table: d.table.name,
      column: d.column,
      kind: d.kind,
      args: d.args,
      span: d.span,
    }),
  );
  const enums = Object.entries(result.spans.enums).map(
    ([prismaName, e]): PrismaEnumName => ({
      ...e.type,
      prismaName,
      valueNames: Object.fromEntries(Object.entries(e.values).map(([name, value]) => [value.dbName, name])),
    }),
  );
  const models = Object.entries(result.spans.models)
    .filter(([, m]) => m.kind === 'model')
    .map(
      ([prismaName, m]): PrismaModelName => ({
        ...m.table,
        prismaName,
        fields: Object.fromEntries(
          Object.entries(m.fields).flatMap(([name, f]) => (f.column === undefined ? [] : [[f.column, name]])),
        ),
      }),
    );
  return { model: result.model, clientDefaults, enums, models };
}

/**
 * The migrations' models: `head` (every migration) and, against a database with a version table,
 * `applied` (the migrations it applied). Records pending and unknown versions.
 */
async function migrationModels(
  side: MigrationsSide,
  service: ServiceConfig,
  options: ServiceRunOptions,
  database: DatabaseSide | undefined,
  pending: Migration[],
  notices: Notice[],
): Promise<{ head: Model; applied?: Model }> {
  const set = side.set;
  const build = async (chain: MigrationSet): Promise<Model> => {
    if (options.replay) {
      const { replay } = await import('@gander/introspect');
      const replayed = (await replay(chain, options.replay, { env: options.env })).model;
      const { withFoldSpans } = await import('./replay-spans.js');
      try {
        return withFoldSpans(
          replayed,
          (await foldChain(side, chain, service.defaultSchema, options.cache)).model,
        );
      } catch (error) {
        if (isGanderError(error)) return replayed; // positions only: the replay stands without them
        throw error;
      }
    }
    const result = await foldChain(side, chain, service.defaultSchema, options.cache);
    if (result.opaque.length > 0) {
      const first = result.opaque[0];
      notices.push(
        notice(
          'opaque-statements',
          `${result.opaque.length} statement${result.opaque.length === 1 ? '' : 's'} of the migrations cannot be folded statically (${[...new Set(result.opaque.map((o) => o.statement))].join(', ')}); what they create is not compared`,
          first?.span,
          'run with --replay pglite to execute them',
        ),
      );
    }
    return result.model;
  };
  const head = await build(set);
  const versions = database?.versions;
  if (database && !versions) {
    notices.push(
      notice(
        'version-table-missing',
        `the database has no ${service.gooseTable} table: comparing it with every migration`,
        undefined,
        'run `gander migrate up` (or goose) against it, or set "gooseTable"',
      ),
    );
  }
  if (!versions) return { head };
  const floor = service.baseline?.version ?? 0;
  const known = new Set(set.migrations.map((m) => m.version));
  for (const version of [...versions.applied].sort((a, b) => a - b)) {
    if (!known.has(version) && version > floor) {
      notices.push(
        notice(
          'migration-unknown',
          `the database has applied version ${version}, which no migration file has (deleted or renamed?)`,
          undefined,
          'restore the file or remove its row from the version table',
        ),
      );
    }
  }
  const appliedChain = set.migrations.filter(
    (m) =>
      (service.baseline && m.version === floor && m.file === service.baseline.file) ||
      versions.applied.has(m.version),
  );
  pending.push(...set.migrations.filter((m) => !appliedChain.includes(m)));
  for (const m of pending) {
    notices.push(
      notice(
        'migration-pending',
        `${basename(m.file)} (version ${m.version}) is not applied to the database`,
        { file: m.file, line: 1, column: 1 },
        'run `gander migrate up` (or `goose up`)',
      ),
    );
  }
  if (pending.length === 0) return { head };
  return { head, applied: await build({ ...set, migrations: appliedChain }) };
}

function notice(code: NoticeCode, message: string, location?: Notice['location'], hint?: string): Notice {
  return {
    code,
    severity: NOTICE_CODES[code],
    message,
    ...(location ? { location } : {}),
    ...(hint ? { hint } : {}),
  };
}

/**
 * The finding policy of a service's `severity` map: a finding code (`column-default`), an object
 * pattern and code (`public.users.email:index-missing`), or an object pattern alone
 * (`public.audit_*`). Notice codes are applied to notices separately.
 *
 * @throws GanderError `CONFIG` for a key that looks like a code but is none.
 */
export function policyOf(service: ServiceConfig): Policy {
  const codes: Partial<Record<FindingCode, PolicySeverity>> = {};
  const objects: ObjectRule[] = [];
  const unknown = (code: string): never => {
    throw new GanderError(
      'CONFIG',
      `service "${service.name}": severity: "${code}" is not a finding or notice code`,
      {
        hint: `codes: ${[...ALL_FINDING_CODES, ...Object.keys(NOTICE_CODES)].join(', ')}`,
      },
    );
  };
  for (const [key, severity] of Object.entries(service.severity)) {
    const colon = key.lastIndexOf(':');
    if (colon >= 0) {
      const code = key.slice(colon + 1);
      if (!isFindingCode(code)) unknown(code);
      objects.push({ pattern: key.slice(0, colon), codes: [code as FindingCode], severity });
    } else if (isFindingCode(key)) {
      codes[key] = severity;
    } else if (key in NOTICE_CODES) {
    } else if (/^[a-z]+(-[a-z]+)+$/.test(key)) {
      unknown(key);
    } else {
      objects.push({ pattern: key, severity });
    }
  }
  return { codes, objects };
}

function applyNoticePolicy(notices: readonly Notice[], service: ServiceConfig): Notice[] {
  const out: Notice[] = [];
  for (const n of notices) {
    const severity = service.severity[n.code] ?? n.severity;
    if (severity !== 'off') out.push(severity === n.severity ? n : { ...n, severity });
  }
  return out;
}
