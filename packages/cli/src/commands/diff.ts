import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import type { CommandContext } from '../program.js';

/**
 * `gander diff <left> <right>`: compares the models of any two sources (migrations folder, folded
 * or `--replay`ed; postgres URL; Prisma schema) with `diffModels` (left = from, right = to), the
 * bookkeeping tables of goose and Prisma Migrate left out. Prints one line per difference (see
 * `diff-lines.ts`); exit 0 when equal, 1 with the differences listed, 2 when a source cannot be read.
 */
export function registerDiff(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .description(
      'compare the schema models of two sources (migrations folder, postgres:// URL, schema.prisma)',
    )
    .argument('<left>', 'migrations folder, .prisma file or folder, or postgres:// URL')
    .argument('<right>', 'migrations folder, .prisma file or folder, or postgres:// URL')
    .option('--schema <name>', 'default schema for unqualified names', 'public')
    .option('--to-version <version>', 'fold migrations up to this version')
    .option(
      '--replay [target]',
      'replay migrations sources into pglite or a postgres:// URL instead of folding them',
    )
    .option('--spans', 'end each line with where each side defined the object (file:line:column)')
    .action(
      async (
        left: string,
        right: string,
        opts: { schema: string; toVersion?: string; replay?: string | boolean; spans?: boolean },
      ) => {
        const [{ loadSource }, { diffModels }, { diffLines }] = await Promise.all([
          import('../sources.js'),
          import('@gander/schema'),
          import('../diff-lines.js'),
        ]);
        const options = {
          cwd: ctx.io.cwd,
          env: ctx.io.env,
          defaultSchema: opts.schema,
          ...(opts.toVersion !== undefined ? { toVersion: Number(opts.toVersion) } : {}),
          ...(opts.replay !== undefined
            ? { replay: opts.replay === true ? 'pglite' : String(opts.replay) }
            : {}),
        };
        const a = await loadSource(left, options);
        const b = await loadSource(right, options);
        const changes = diffModels(a.model, b.model, { detectRenames: false });
        const lines = diffLines(changes, { left: a.label, right: b.label, spans: opts.spans === true });
        if (lines.length === 0) {
          ctx.io.stdout(`no differences between ${a.label} and ${b.label}\n`);
          ctx.exit(EXIT.ok);
          return;
        }
        ctx.io.stdout(
          `${lines.join('\n')}\n${lines.length} difference(s) between ${a.label} and ${b.label}\n`,
        );
        ctx.exit(EXIT.findings);
      },
    );
}
