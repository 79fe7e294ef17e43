import { GanderError } from '@gander/schema/errors';
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

interface SyncCheckFlags {
  config?: string;
  migrations?: string;
  prisma?: string[];
  databaseUrl?: string;
  database: boolean;
  replay?: string | boolean;
  format: string;
  failOn: string;
  baselineFile?: string;
  quiet?: boolean;
  timings?: boolean;
  cache: boolean;
}

/**
 * `gander sync-check [service...]`: compares each service's migrations, Prisma schema and (when
 * given) live database and reports every disagreement. Exit 0 clean, 1 findings at or above
 * `--fail-on`, 2 bad input or an unreachable database.
 */
export function registerSyncCheck(program: Command, ctx: CommandContext): void {
  program
    .command('sync-check')
    .description('check that the migrations, schema.prisma and the database agree')
    .argument('[service...]', 'services of gander.config.json to check (default: all)')
    .option(
      '--config <file>',
      'configuration file (default: gander.config.{json,yaml,ts} or package.json "gander", searched upwards)',
    )
    .option('--migrations <dir>', 'migrations folder (goose or Prisma Migrate); overrides the configuration')
    .option('--prisma <path...>', 'schema.prisma file(s) or schema folder; overrides the configuration')
    .option(
      '--database-url <url>',
      "PostgreSQL URL or key=value string (default: the service's databaseUrlEnv, else DATABASE_URL)",
    )
    .option('--no-database', 'never connect to a database, even if DATABASE_URL is set')
    .option(
      '--replay [target]',
      'replay the migrations into pglite (default) or an empty database URL instead of folding them',
    )
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'text')
    .option('--fail-on <severity>', 'exit 1 on findings of this severity or worse: error or warning', 'error')
    .option('--baseline-file <file>', 'a JSON report of accepted findings: only new findings are reported')
    .option('--quiet', 'print only findings at or above --fail-on, and nothing when clean')
    .option('--timings', 'print the time spent per part on stderr')
    .option(
      '--no-cache',
      'compute every service afresh and store nothing (default: results of unchanged inputs are reused)',
    )
    .action(async (names: string[], flags: SyncCheckFlags) => {
      const format = flags.format as Format;
      if (!FORMATS.includes(format))
        throw new GanderError('USAGE', `--format ${flags.format}: expected one of ${FORMATS.join(', ')}`);
      if (flags.failOn !== 'error' && flags.failOn !== 'warning')
        throw new GanderError('USAGE', `--fail-on ${flags.failOn}: expected error or warning`);
      const { runSyncCheck } = await import('../sync-check/run.js');
      const { report, timings } = await runSyncCheck({
        cwd: ctx.io.cwd,
        env: ctx.io.env,
        ...(flags.config ? { config: flags.config } : {}),
        services: names,
        ...(flags.migrations !== undefined ? { migrations: flags.migrations } : {}),
        ...(flags.prisma !== undefined ? { prisma: flags.prisma } : {}),
        ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
        database: flags.database,
        ...(flags.replay !== undefined
          ? { replay: flags.replay === true ? 'pglite' : String(flags.replay) }
          : {}),
        failOn: flags.failOn,
        ...(flags.baselineFile ? { baselineFile: flags.baselineFile } : {}),
        cache: flags.cache,
      });
      const { renderReport } = await import('../sync-check/render.js');
      const text = await timings.time('output', () =>
        renderReport(report, format, {
          color: useColor(ctx.io.env),
          quiet: flags.quiet === true,
          cwd: ctx.io.cwd,
        }),
      );
      if (text) ctx.io.stdout(text);
      for (const service of report.services) {
        if (service.error)
          ctx.io.stderr(
            `gander: ${service.name}: ${service.error.message}\n${service.error.hint ? `hint: ${service.error.hint}\n` : ''}`,
          );
      }
      if (flags.timings) {
        ctx.io.stderr(
          `timings (ms): ${Object.entries(timings.ms)
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(', ')}\n`,
        );
      }
      ctx.exit(report.exitCode);
    });
}

/** Colour only for a terminal, never with `NO_COLOR` set (https://no-color.org). */
function useColor(env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true && env.TERM !== 'dumb';
}
