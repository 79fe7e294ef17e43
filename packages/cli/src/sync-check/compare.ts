/**
 * The legs of sync-check: migrations <-> Prisma always, migrations <-> database and Prisma <->
 * database when a database is given, combined so that with three sources each finding names the one
 * that disagrees, and differences a pending migration will resolve are marked pending.
 */
import {
  type ClientDefault,
  combineFindings,
  type DiffOptions,
  diffModels,
  type Finding,
  type FindingContext,
  type Model,
  type Policy,
  type PrismaEnumName,
  type PrismaModelName,
  toFindings,
} from '@gander/schema';
import type { ReportFinding } from './report.js';

/** The models of a service's sources; `migrationsApplied` is the fold at the database's applied versions. */
export interface ServiceModels {
  /** All migrations folded (head). */
  readonly migrations?: Model;
  /** Migrations folded at the database's applied versions (when a database and pending migrations exist). */
  readonly migrationsApplied?: Model;
  readonly prisma?: Model;
  readonly database?: Model;
}

export interface CompareOptions {
  readonly diff: DiffOptions;
  readonly policy: Policy;
  readonly clientDefaults: readonly ClientDefault[];
  /** Files of the pending migrations, in apply order. */
  readonly pendingFiles: readonly string[];
  /** The Prisma schema's enum blocks by the type they map to, so Prisma fixes use their names. */
  readonly prismaEnums?: readonly PrismaEnumName[];
  /** The Prisma schema's model blocks with their field names, so Prisma fixes use their names. */
  readonly prismaModels?: readonly PrismaModelName[];
}

function enumsOf(
  models: readonly (Model | undefined)[],
  prismaEnums: readonly PrismaEnumName[] = [],
): PrismaEnumName[] {
  const blocks = new Map<string, PrismaEnumName>();
  for (const p of prismaEnums) {
    const id = `${p.schema}\u0000${p.name}`;
    if (!blocks.has(id)) blocks.set(id, p); // the first of a name, as a search finds it
  }
  const seen = new Map<string, PrismaEnumName>();
  for (const model of models) {
    for (const e of model?.enums ?? []) {
      const block = blocks.get(`${e.schema}\u0000${e.name}`);
      seen.set(`${e.schema}.${e.name}`, {
        schema: e.schema,
        name: e.name,
        ...(block?.prismaName ? { prismaName: block.prismaName } : {}),
        ...(block?.valueNames ? { valueNames: block.valueNames } : {}),
      });
    }
  }
  return [...seen.values()];
}

/**
 * The findings between whichever sources are present (at least two, else none). Against a database
 * the migrations side is the fold at its applied versions; a difference that only the pending
 * migrations explain is reported as `info` with `pending` naming the migration files.
 */
export function compareSources(models: ServiceModels, options: CompareOptions): ReportFinding[] {
  const { migrations: head, prisma, database } = models;
  const applied = models.migrationsApplied ?? head;
  const context: Omit<FindingContext, 'from' | 'to'> = {
    clientDefaults: options.clientDefaults,
    enums: enumsOf([head, prisma, database], options.prismaEnums),
    prismaModels: options.prismaModels ?? [],
    policy: options.policy,
  };
  const diff = (a: Model, b: Model) => diffModels(a, b, options.diff);
  let findings: Finding[];
  let drift: Set<string> = new Set();
  if (head && prisma && database && applied) {
    const migrationsDatabase = diff(applied, database);
    drift = new Set(
      toFindings(migrationsDatabase, { ...context, policy: {}, from: 'migrations', to: 'database' }).map(
        (f) => f.key,
      ),
    );
    const models = {
      migrationsPrisma: { from: head, to: prisma },
      migrationsDatabase: { from: applied, to: database },
      prismaDatabase: { from: prisma, to: database },
    };
    findings = combineFindings(
      {
        migrationsPrisma: diff(head, prisma),
        migrationsDatabase,
        prismaDatabase: diff(prisma, database),
        models,
      },
      context,
    );
  } else if (head && prisma) {
    findings = toFindings(diff(head, prisma), {
      ...context,
      models: { from: head, to: prisma },
      from: 'migrations',
      to: 'prisma',
    });
  } else if (applied && database) {
    const changes = diff(applied, database);
    findings = toFindings(changes, {
      ...context,
      models: { from: applied, to: database },
      from: 'migrations',
      to: 'database',
    });
    drift = new Set(findings.map((f) => f.key));
  } else if (prisma && database) {
    findings = toFindings(diff(prisma, database), {
      ...context,
      models: { from: prisma, to: database },
      from: 'prisma',
      to: 'database',
    });
  } else {
    return [];
  }
  if (!head || !applied || applied === head || !database) return findings;
  return markPending(findings, pendingEffects(applied, head, options), drift);
}

/** Keys of what the pending migrations change, each with the migration files that do it. */
function pendingEffects(applied: Model, head: Model, options: CompareOptions): Map<string, string[]> {
  const effects = toFindings(diffModels(applied, head, options.diff), { from: 'migrations', to: 'prisma' });
  const out = new Map<string, string[]>();
  for (const finding of effects) {
    const location = finding.sides.find((s) => s.side === 'prisma')?.location;
    const file =
      location && location !== 'database' && options.pendingFiles.includes(location.file)
        ? [location.file]
        : [...options.pendingFiles];
    out.set(finding.key, file);
  }
  return out;
}

function markPending(
  findings: readonly Finding[],
  pending: ReadonlyMap<string, string[]>,
  drift: ReadonlySet<string>,
): ReportFinding[] {
  return findings.map((finding) => {
    const files = pending.get(finding.key);
    if (!files || drift.has(finding.key)) return finding;
    return {
      ...finding,
      severity: 'info',
      pending: files,
      message: `${finding.message}; pending: the database gets it when ${files.length === 1 ? 'this migration is' : 'these migrations are'} applied`,
    };
  });
}
