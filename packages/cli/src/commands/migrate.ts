import { isAbsolute, join } from 'node:path';
import type { ConnectionConfig } from '@gander/introspect';
import type * as Migrate from '@gander/migrate';
import { GanderError, type GanderErrorCode, isGanderError } from '@gander/schema/errors';
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

/**
 * Exit codes of `gander migrate` (README "Migrations"): 0 success; 1 the run did not complete (a
 * migration failed, goose refused the state, e.g. missing migrations or `down` at version 0, the lock
 * was not taken in time, `validate` found edited or deleted files); 2 bad input (usage, a file that
 * does not parse, a duplicate version, a missing folder, an unreachable database or bad credentials);
 * 70 internal error.
 */
export const MIGRATE_EXIT: Readonly<Partial<Record<GanderErrorCode, number>>> = {
  MIGRATION_FAILED: 1,
  MIGRATION_STATE: 1,
  LOCK_TIMEOUT: 1,
};

const USAGE = `Usage: gander migrate [OPTIONS] COMMAND [ARGS]            (DSN from --database-url, GOOSE_DBSTRING, PG*, POSTGRES_*)
       gander migrate [OPTIONS] postgres DBSTRING COMMAND [ARGS] (goose's order)

Commands: up, up-by-one, up-to VERSION, down, down-to VERSION, redo, reset, status, version,
          create NAME [sql|go], fix, validate

goose flags: -dir DIR  -table NAME  -allow-missing  -no-versioning  -s  -v  -timeout DUR  -env FILE  -no-color
gander flags: --database-url URL  --dry-run  --no-lock  --lock-wait-timeout DUR (default 5m)
              --statement-timeout DUR  --lock-timeout DUR  --format text|json  --log-format text|json
              --metrics-file PATH  --pushgateway-url URL  --service NAME
Environment: GOOSE_DRIVER GOOSE_DBSTRING GOOSE_MIGRATION_DIR GOOSE_TABLE DATABASE_URL PG* POSTGRES_HOST/PORT/USER/PASSWORD/DATABASE
Exit codes: 0 ok, 1 migration failed / state refused / lock timeout / checksum findings, 2 bad input or unreachable database
`;

const MUTATING = new Set(['up', 'up-by-one', 'up-to', 'down', 'down-to', 'redo', 'reset']);

/** `-h` / `-help` in goose's spellings: given alone, they print `USAGE` as `parseArgs` would decide. */
const HELP_FLAGS = new Set(['-h', '--h', '-help', '--help']);

/** `gander migrate ...`: goose-compatible migration runner (both argument orders; see `USAGE`). */
export function registerMigrate(program: Command, ctx: CommandContext): void {
  program
    .command('migrate')
    .description(
      "apply goose migrations (goose's commands, flags and version table, plus locking and checksums)",
    )
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[args...]')
    .action(async (args: string[]) => {
      // Usage alone needs none of the runner (loading it and its packages takes ~300 ms).
      if (args.length > 0 && args.every((a) => HELP_FLAGS.has(a))) return void ctx.io.stdout(USAGE);
      const m = await import('@gander/migrate');
      const { resolveConnection } = await import('@gander/introspect');
      let logger = m.createLogger('text', ctx.io.stderr);
      try {
        const parsed = m.parseArgs(args);
        if (parsed.bools.h || parsed.bools.help) return void ctx.io.stdout(USAGE);
        if (parsed.bools.version) return void ctx.io.stdout('gander migrate (goose v3.27.3 compatible)\n');
        const env = m.loadEnvFile(ctx.io.env, parsed.strings.env, join(ctx.io.cwd, '.env'));
        const inv = m.resolveInvocation(parsed, env);
        const logFormat = parsed.strings['log-format'] === 'json' ? 'json' : 'text';
        const config = needsDatabase(inv)
          ? resolveConnection(inv.dbstring ?? env.DATABASE_URL, env)
          : undefined;
        logger = m.createLogger(logFormat, ctx.io.stderr, config?.password);
        const out = (text: string) => ctx.io.stdout(m.maskSecret(text, config?.password));
        const code = await runInvocation(m, inv, { ...ctx, logger, out, env, config });
        ctx.exit(code);
      } catch (error) {
        if (!isGanderError(error)) throw error;
        logger.log('error', `gander migrate: ${error.message}${error.hint ? `\nhint: ${error.hint}` : ''}`, {
          code: error.code,
          ...(error.source
            ? { file: error.source.file, line: error.source.line, column: error.source.column }
            : {}),
          ...(error.hint ? { hint: error.hint } : {}),
        });
        ctx.exit(MIGRATE_EXIT[error.code] ?? 2);
      }
    });
}

function needsDatabase(inv: Migrate.Invocation): boolean {
  if (inv.command === 'create' || inv.command === 'fix') return false;
  if (inv.command === 'validate') return inv.dbstring !== undefined;
  if (inv.command === 'status' || inv.command === 'version') return !inv.parsed.bools['no-versioning'];
  return true;
}

interface RunContext extends CommandContext {
  readonly logger: Migrate.Logger;
  readonly out: (text: string) => void;
  readonly env: Record<string, string | undefined>;
  readonly config: ConnectionConfig | undefined;
}

function versionArg(inv: Migrate.Invocation): number {
  const raw = inv.args[0];
  if (raw === undefined)
    throw new GanderError(
      'USAGE',
      `${inv.command} must be of form: gander migrate [OPTIONS] ${inv.command} VERSION`,
    );
  if (!/^[+-]?\d+$/.test(raw)) throw new GanderError('USAGE', `version must be a number (got '${raw}')`);
  return Number(raw);
}

async function runInvocation(m: typeof Migrate, inv: Migrate.Invocation, ctx: RunContext): Promise<number> {
  const { logger, out } = ctx;
  const json = inv.parsed.strings.format === 'json';
  if (inv.command === 'create') {
    const name = inv.args[0];
    if (name === undefined)
      throw new GanderError('USAGE', 'create must be of form: gander migrate [OPTIONS] create NAME [go|sql]');
    const type = inv.args[1] ? { type: inv.args[1] } : {};
    const path = await m.createMigration(inv.dir, name, {
      ...type,
      sequential: inv.parsed.bools.s === true,
      cwd: ctx.io.cwd,
    });
    logger.log('info', `Created new file: ${path}`, { event: 'created', file: path });
    return 0;
  }
  if (inv.command === 'fix') {
    for (const line of await m.fixMigrations(inv.dir, { cwd: ctx.io.cwd }))
      logger.log('info', line, { event: 'renamed' });
    return 0;
  }
  const { readMigrations } = await import('@gander/goose');
  const readFolder = inv.command !== 'version' || inv.parsed.bools['no-versioning'] === true;
  const migrations = readFolder
    ? (await readMigrations(inv.dir, { format: 'goose', allowEmpty: true, cwd: ctx.io.cwd })).migrations
    : [];
  if (inv.command === 'validate' && !ctx.config) {
    const entries = m.validateMigrations(migrations);
    if (json) out(`${JSON.stringify({ migrations: entries }, null, 2)}\n`);
    else if (inv.parsed.bools.v) out(validateTable(entries));
    return 0;
  }
  if (!ctx.config) return printWithoutDatabase(m, inv, ctx, migrations);
  const client = await m.openSession(ctx.config);
  const started = process.hrtime.bigint();
  let failed = true;
  let version: number | undefined;
  const deadline = inv.parsed.strings.timeout ? m.parseDurationMs(inv.parsed.strings.timeout, 'timeout') : 0;
  const timer =
    deadline > 0
      ? setTimeout(() => void cancelBackend(m, ctx.config as ConnectionConfig, client), deadline)
      : undefined;
  try {
    for (const [flag, setting] of [
      ['statement-timeout', 'statement_timeout'],
      ['lock-timeout', 'lock_timeout'],
    ] as const) {
      const value = inv.parsed.strings[flag];
      if (value !== undefined) await client.query(`SET ${setting} = ${m.parseDurationMs(value, flag)}`);
    }
    const base = {
      client,
      migrations,
      table: inv.table,
      noVersioning: inv.parsed.bools['no-versioning'] === true,
    };
    if (inv.command === 'status' || inv.command === 'validate') {
      if (inv.command === 'validate') m.validateMigrations(migrations);
      const report = await m.readStatus({
        ...base,
        readOnly: inv.command === 'validate' || inv.parsed.bools['dry-run'] === true,
      });
      version = report.version;
      if (json) out(`${JSON.stringify(report, null, 2)}\n`);
      else if (inv.command === 'status') {
        for (const line of m.STATUS_HEADER) logger.log('info', line);
        for (const e of report.migrations)
          logger.log('info', m.statusRow(e.cell, e.file), {
            version: e.version,
            state: e.state,
            file: e.file,
          });
      }
      for (const f of report.findings) logger.log('warn', findingText(f), { event: 'checksum', ...f });
      failed = false;
      return inv.command === 'validate' && report.findings.length > 0 ? 1 : 0;
    }
    if (inv.command === 'version') {
      const result = await m.readVersion({ ...base, readOnly: inv.parsed.bools['dry-run'] === true });
      version = result.version;
      if (json) out(`${JSON.stringify({ version: result.version })}\n`);
      else logger.log('info', result.line, { version: result.version });
      failed = false;
      return 0;
    }
    const command = toCommand(inv);
    const lockWait = inv.parsed.strings['lock-wait-timeout'];
    const result = await m.runCommand(command, {
      ...base,
      allowMissing: inv.parsed.bools['allow-missing'] === true,
      dryRun: inv.parsed.bools['dry-run'] === true,
      lock: inv.parsed.bools['no-lock']
        ? false
        : lockWait
          ? { waitTimeoutMs: m.parseDurationMs(lockWait, 'lock-wait-timeout') }
          : {},
      env: (name) => ctx.env[name],
      onEvent: (event) => logEvent(m, logger, event, verboseOf(inv, ctx.env)),
    });
    version = result.version;
    if (result.dryRun) {
      for (const p of result.planned) {
        logger.log(
          'info',
          `DRY-RUN ${p.direction.padEnd(4)} ${p.file} (${p.useTx ? 'transaction' : 'NO TRANSACTION'}, ${p.statements} statement${p.statements === 1 ? '' : 's'})`,
          { event: 'planned', ...p },
        );
      }
      if (result.planned.length === 0) logger.log('info', 'DRY-RUN nothing to run', { event: 'planned' });
    }
    if (json) out(`${JSON.stringify(runJson(result), null, 2)}\n`);
    if (result.log)
      logger.log('info', `${result.dryRun ? 'DRY-RUN ' : ''}${result.log}`, {
        event: 'done',
        ...(result.version !== undefined ? { version: result.version } : {}),
      });
    if (result.error) throw result.error;
    failed = false;
    return 0;
  } finally {
    if (timer) clearTimeout(timer);
    if (MUTATING.has(inv.command) && !inv.parsed.bools['dry-run']) {
      if (version === undefined && !inv.parsed.bools['no-versioning'])
        version = await currentVersionOf(m, client, inv.table);
      await writeMetrics(m, inv, ctx, {
        durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
        failed,
        version,
      });
    }
    await client.end().catch(() => undefined);
  }
}

/** `status` / `version` under `-no-versioning`: goose reads only the files. */
async function printWithoutDatabase(
  m: typeof Migrate,
  inv: Migrate.Invocation,
  ctx: RunContext,
  migrations: readonly Migrate.MigrationSource[],
): Promise<number> {
  const json = inv.parsed.strings.format === 'json';
  if (inv.command === 'version') {
    const result = await m.readVersion({ migrations, noVersioning: true });
    if (json) ctx.out(`${JSON.stringify({ version: result.version })}\n`);
    else ctx.logger.log('info', result.line, { version: result.version });
    return 0;
  }
  const report = await m.readStatus({ migrations, noVersioning: true });
  if (json) ctx.out(`${JSON.stringify(report, null, 2)}\n`);
  else
    for (const line of [...m.STATUS_HEADER, ...report.migrations.map((e) => m.statusRow(e.cell, e.file))])
      ctx.logger.log('info', line);
  return 0;
}

function toCommand(inv: Migrate.Invocation): Migrate.MigrateCommand {
  switch (inv.command) {
    case 'up-to':
    case 'down-to':
      return { kind: inv.command, version: versionArg(inv) };
    case 'up':
    case 'up-by-one':
    case 'down':
    case 'redo':
    case 'reset':
      return { kind: inv.command };
    default:
      throw new GanderError('USAGE', `"${inv.command}": no such command`);
  }
}

/** goose's `-v`: off, or on with or without colour (`-no-color`, `NO_COLOR` parsed as a Go bool; none in JSON logs). */
function verboseOf(
  inv: Migrate.Invocation,
  env: Record<string, string | undefined>,
): { readonly color: boolean } | undefined {
  if (!inv.parsed.bools.v) return undefined;
  const noColorEnv = /^(1|t|T|true|TRUE|True)$/.test(env.NO_COLOR ?? '');
  return {
    color: inv.parsed.strings['log-format'] !== 'json' && !inv.parsed.bools['no-color'] && !noColorEnv,
  };
}

function logEvent(
  m: typeof Migrate,
  logger: Migrate.Logger,
  event: Migrate.RunEvent,
  verbose: { readonly color: boolean } | undefined,
): void {
  if (event.kind === 'trace') {
    if (!verbose) return;
    const { trace, step } = event;
    const where =
      trace.kind === 'statement'
        ? { file: trace.statement.span.file, line: trace.statement.span.line }
        : { file: step.file };
    logger.log('info', m.verboseText(trace, verbose.color), {
      event: trace.kind,
      version: step.version,
      ...where,
    });
  } else if (event.kind === 'lock-wait') {
    logger.log(
      'info',
      `gander: waiting for the migration lock (advisory lock ${event.lockId}) held by another runner`,
      { event: 'lock-wait' },
    );
  } else if (event.kind === 'step' && event.result.status === 'applied') {
    const { step } = event.result;
    const base = step.file.split('/').pop() as string;
    const label = step.statements.length > 0 ? 'OK   ' : 'EMPTY ';
    logger.log('info', `${label}${base} (${m.gooseDuration(event.result.durationNs)})`, {
      event: 'migrated',
      direction: step.direction,
      version: step.version,
      file: step.file,
      durationSeconds: event.result.durationNs / 1e9,
    });
  }
}

function findingText(f: Migrate.ChecksumFinding): string {
  return f.state === 'edited'
    ? `gander: WARNING ${f.file} (version ${f.version}) was edited after it was applied (sha256 ${f.recorded?.slice(0, 12)}... recorded, ${f.actual?.slice(0, 12)}... now)`
    : `gander: WARNING ${f.file} (version ${f.version}) is applied but its file was deleted`;
}

function runJson(r: Migrate.RunResult): unknown {
  return {
    command: r.command,
    dryRun: r.dryRun,
    planned: r.planned,
    results: r.results.map((x) => ({
      status: x.status,
      direction: x.step.direction,
      version: x.step.version,
      file: x.step.file,
      useTx: x.step.useTx,
      durationSeconds: x.durationNs / 1e9,
      ...(x.status === 'failed' ? { error: x.error.message, statementsRun: x.statementsRun } : {}),
    })),
    notRun: r.notRun.map((s) => ({
      direction: s.direction,
      version: s.migration.version,
      file: s.migration.file,
    })),
    ...(r.version !== undefined ? { version: r.version } : {}),
    ...(r.error ? { error: { code: r.error.code, message: r.error.message } } : {}),
  };
}

function validateTable(entries: readonly Migrate.ValidateEntry[]): string {
  const rows = [
    ['Type', 'Txn', 'Up', 'Down', 'Name'],
    ['────', '───', '──', '────', '────'],
    ...entries.map((e) => [e.kind, e.useTx ? '✔' : '✘', String(e.up ?? 0), String(e.down ?? 0), e.file]),
  ];
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => [...(r[i] as string)].length)));
  return rows
    .map((r) => `${r.map((c, i) => c + ' '.repeat((widths[i] as number) - [...c].length + 3)).join('')}\n`)
    .join('');
}

async function currentVersionOf(
  m: typeof Migrate,
  client: Migrate.SqlClient,
  table: string,
): Promise<number | undefined> {
  try {
    return m.currentVersion(await m.listVersionRows(client, table));
  } catch {
    return undefined;
  }
}

async function writeMetrics(
  m: typeof Migrate,
  inv: Migrate.Invocation,
  ctx: RunContext,
  run: { durationSeconds: number; failed: boolean; version: number | undefined },
): Promise<void> {
  const file = inv.parsed.strings['metrics-file'];
  const gateway = inv.parsed.strings['pushgateway-url'] ?? ctx.env.GANDER_PUSHGATEWAY_URL;
  if (!file && !gateway) return;
  const metrics: Migrate.RunMetrics = {
    service: inv.parsed.strings.service ?? ctx.env.GANDER_SERVICE ?? 'gander',
    durationSeconds: run.durationSeconds,
    failed: run.failed,
    ...(run.version !== undefined ? { version: run.version } : {}),
  };
  if (file) await m.writeMetricsFile(isAbsolute(file) ? file : join(ctx.io.cwd, file), metrics);
  if (gateway) await m.pushMetrics(gateway, metrics);
}

/** goose's `-timeout`: cancels the running statement from a second session when the deadline passes. */
async function cancelBackend(m: typeof Migrate, config: ConnectionConfig, client: object): Promise<void> {
  const other = await m.openSession(config, 'gander-migrate-timeout').catch(() => undefined);
  if (!other) return;
  await other
    .query('SELECT pg_cancel_backend($1)', [(client as { processID?: number }).processID])
    .catch(() => undefined);
  await other.end().catch(() => undefined);
}
