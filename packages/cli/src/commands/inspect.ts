import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

/**
 * `gander inspect <source> [--format json|text] [--to-version V] [--replay pglite|URL]`: prints the
 * schema model of a migrations folder, a Prisma schema or a live database.
 */
export function registerInspect(program: Command, ctx: CommandContext): void {
  program
    .command('inspect')
    .description('print the schema model of a migrations folder, a schema.prisma or a postgres:// URL')
    .argument('<source>', 'migrations folder, .prisma file or folder, or postgres:// URL')
    .option('--format <format>', 'json or text', 'json')
    .option('--schema <name>', 'default schema for unqualified names', 'public')
    .option('--to-version <version>', 'fold migrations up to this version')
    .option(
      '--replay [target]',
      'replay the migrations into pglite or a postgres:// URL instead of folding them',
    )
    .action(
      async (
        source: string,
        opts: { format: string; schema: string; toVersion?: string; replay?: string | boolean },
      ) => {
        const { loadSource } = await import('../sources.js');
        const loaded = await loadSource(source, {
          cwd: ctx.io.cwd,
          env: ctx.io.env,
          defaultSchema: opts.schema,
          ...(opts.toVersion !== undefined ? { toVersion: Number(opts.toVersion) } : {}),
          ...(opts.replay !== undefined
            ? { replay: opts.replay === true ? 'pglite' : String(opts.replay) }
            : {}),
        });
        ctx.io.stdout(`${JSON.stringify(loaded.model, null, 2)}\n`);
        for (const note of loaded.notes) ctx.io.stderr(`note: ${note}\n`);
        ctx.exit(0);
      },
    );
}
