/**
 * `runSyncCheck`: the whole command without its output: configuration, service selection, the
 * database URL of each service, every service's check, accepted findings, and the report.
 */
import { relative, resolve } from 'node:path';
import { GanderError, isGanderError, type SourceSpan } from '@gander/schema';
import { type GanderConfig, loadConfig, type ServiceConfig } from '../config.js';
import { readAccepted } from './accepted.js';
import { cacheDirectory, openCache } from './cache.js';
import { REPORT_VERSION, type ServiceReport, type SyncCheckReport, summarize } from './report.js';
import { checkService } from './service.js';
import { Timings } from './timings.js';

/** The command's inputs after parsing (flags override the configuration). */
export interface SyncCheckOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** `--config`. */
  readonly config?: string;
  /** Service names to check (default all). */
  readonly services?: readonly string[];
  /** `--migrations`, `--prisma`: override the (single) service's paths. */
  readonly migrations?: string;
  readonly prisma?: readonly string[];
  /** `--database-url`. */
  readonly databaseUrl?: string;
  /** False for `--no-database`: never connect, whatever the environment says. */
  readonly database?: boolean;
  /** `--replay [pglite|url]`. */
  readonly replay?: string;
  readonly failOn: 'error' | 'warning';
  /** `--baseline-file`: a previous JSON report whose findings are accepted. */
  readonly baselineFile?: string;
  /** False for `--no-cache`: compute everything, store nothing (default: the cache of `cache.ts`). */
  readonly cache?: boolean;
}

/**
 * Runs sync-check. A service whose input cannot be read gets `error` (exit code 2) and the others
 * still run. Paths in the report are relative to `cwd`.
 *
 * @throws GanderError `CONFIG` / `USAGE` before any service runs (bad configuration, unknown service,
 *   flags that need exactly one service).
 */
export async function runSyncCheck(
  options: SyncCheckOptions,
): Promise<{ report: SyncCheckReport; timings: Timings }> {
  const timings = new Timings();
  const config = await timings.time('config', () => loadConfig(options.cwd, options.config, options.env));
  const services = selectServices(config, options);
  const accepted = options.baselineFile
    ? readAccepted(resolve(options.cwd, options.baselineFile))
    : undefined;
  const cacheDir = options.cache === false ? undefined : cacheDirectory(options.cwd, options.env);
  const cache = cacheDir ? openCache(cacheDir) : undefined;
  const reports: ServiceReport[] = [];
  for (const service of services) {
    const databaseUrl = databaseUrlFor(service, services.length, options);
    let report: ServiceReport;
    try {
      const outcome = await checkService(service, {
        env: options.env,
        ...(databaseUrl ? { databaseUrl } : {}),
        ...(options.replay ? { replay: options.replay } : {}),
        ...(cache ? { cache } : {}),
        timings,
      });
      const kept = outcome.findings.filter((f) => !accepted?.has(`${service.name}\u0000${f.key}`));
      report = {
        name: service.name,
        sources: outcome.sources,
        notices: outcome.notices,
        findings: kept,
        accepted: outcome.findings.length - kept.length,
      };
    } catch (error) {
      if (!isGanderError(error)) throw error;
      report = {
        name: service.name,
        sources: {},
        notices: [],
        findings: [],
        accepted: 0,
        error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) },
      };
    }
    reports.push(relativize(report, options.cwd));
  }
  const { summary, exitCode } = summarize(reports, options.failOn);
  const report: SyncCheckReport = {
    version: REPORT_VERSION,
    tool: 'gander sync-check',
    ...(config.file ? { config: relative(options.cwd, config.file) || config.file } : {}),
    failOn: options.failOn,
    services: reports,
    summary,
    exitCode,
  };
  return { report, timings };
}

function selectServices(config: GanderConfig, options: SyncCheckOptions): ServiceConfig[] {
  let services = [...config.services];
  if (options.services && options.services.length > 0) {
    const names = new Set(config.services.map((s) => s.name));
    const unknown = options.services.filter((name) => !names.has(name));
    if (unknown.length > 0) {
      throw new GanderError(
        'USAGE',
        `no service named ${unknown.map((n) => `"${n}"`).join(', ')}${config.file ? ` in ${config.file}` : ''}`,
        {
          hint: `services: ${[...names].join(', ')}`,
        },
      );
    }
    services = services.filter((s) => options.services?.includes(s.name));
  }
  const overrides = options.migrations !== undefined || options.prisma !== undefined;
  if (overrides) {
    if (services.length !== 1) {
      throw new GanderError(
        'USAGE',
        `--migrations and --prisma apply to one service; ${services.length} are selected`,
        {
          hint: 'name the service: gander sync-check <service> --prisma ...',
        },
      );
    }
    const [only] = services as [ServiceConfig];
    services = [
      {
        ...only,
        ...(options.migrations !== undefined ? { migrations: resolve(options.cwd, options.migrations) } : {}),
        ...(options.prisma !== undefined
          ? { prisma: options.prisma.map((p) => resolve(options.cwd, p)) }
          : {}),
      },
    ];
  }
  const empty = services.find((s) => !s.migrations && s.prisma.length === 0);
  if (empty) {
    throw new GanderError(
      'USAGE',
      `service "${empty.name}": no migrations folder and no Prisma schema to check`,
      {
        hint: 'run in a folder with migrations/ and prisma/schema.prisma, pass --migrations and --prisma, or write a gander.config.json',
      },
    );
  }
  return services;
}

/**
 * The database of a service: `--database-url` (one service only), else the variable the service
 * names in `databaseUrlEnv`, else `DATABASE_URL` when exactly one service runs. None with `--no-database`.
 */
function databaseUrlFor(
  service: ServiceConfig,
  count: number,
  options: SyncCheckOptions,
): string | undefined {
  if (options.database === false) return undefined;
  if (options.databaseUrl) {
    if (count !== 1)
      throw new GanderError('USAGE', `--database-url applies to one service; ${count} are selected`, {
        hint: 'name the service, or set "databaseUrlEnv" per service in the configuration',
      });
    return options.databaseUrl;
  }
  if (service.databaseUrlEnv) return options.env[service.databaseUrlEnv] || undefined;
  return count === 1 ? options.env.DATABASE_URL || undefined : undefined;
}

/** The report with every path relative to `cwd`. */
function relativize(report: ServiceReport, cwd: string): ServiceReport {
  // A report names a few files many times: each is made relative once.
  const paths = new Map<string, string>();
  const rel = (path: string) => {
    let out = paths.get(path);
    if (out === undefined) {
      out = relative(cwd, path) || path;
      paths.set(path, out);
    }
    return out;
  };
  const relSpan = <T extends SourceSpan | 'database' | undefined>(span: T): T =>
    !span || span === 'database'
      ? span
      : ({ ...(span as SourceSpan), file: rel((span as SourceSpan).file) } as T);
  const { migrations, prisma, database } = report.sources;
  return {
    ...report,
    sources: {
      ...(migrations
        ? {
            migrations: {
              ...migrations,
              dir: rel(migrations.dir),
              ...(migrations.baseline
                ? { baseline: { ...migrations.baseline, file: rel(migrations.baseline.file) } }
                : {}),
            },
          }
        : {}),
      ...(prisma ? { prisma: { files: prisma.files.map(rel) } } : {}),
      ...(database
        ? { database: { ...database, pending: database.pending.map((p) => ({ ...p, file: rel(p.file) })) } }
        : {}),
    },
    notices: report.notices.map((n) => (n.location ? { ...n, location: relSpan(n.location) } : n)),
    findings: report.findings.map((f) => ({
      ...f,
      sides: f.sides.map((s) => (s.location ? { ...s, location: relSpan(s.location) } : s)),
      fixes: f.fixes.map((x) => (x.location ? { ...x, location: relSpan(x.location) } : x)),
      ...(f.pending ? { pending: f.pending.map(rel) } : {}),
    })),
  };
}
