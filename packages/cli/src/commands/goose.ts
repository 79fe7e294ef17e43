import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { GanderError } from '@gander/schema/errors';
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

/**
 * `gander goose split <file> [--down] [--format json|text]`: splits one goose SQL migration exactly
 * as goose v3.27.3 does and prints the statements of one direction, so anyone can compare gander's
 * split with goose's on their own files. JSON: `{"statements": ["..."], "useTx": true}`.
 * `ENVSUB ON` sections are substituted from the environment, as goose does.
 * Exit codes: 0 split, 2 the file is missing or goose would reject it (message `file:line:col: ...`).
 */
export function registerGoose(program: Command, ctx: CommandContext): void {
  const goose = program
    .command('goose')
    .description("goose's file format: see how gander reads goose migrations");
  goose
    .command('split')
    .description('print the statements goose would run for one migration file')
    .argument('<file>', 'a goose .sql migration')
    .option('--down', 'the -- +goose Down section instead of Up')
    .option('--format <format>', 'json or text', 'json')
    .action(async (file: string, opts: { down?: boolean; format: string }) => {
      if (opts.format !== 'json' && opts.format !== 'text') {
        throw new GanderError('USAGE', `--format: expected json or text, got ${JSON.stringify(opts.format)}`);
      }
      const { parseSqlMigration } = await import('@gander/goose');
      const path = isAbsolute(file) ? file : join(ctx.io.cwd, file);
      const bytes = await readFile(path).catch((error: unknown) => {
        throw new GanderError(
          'FILE_NOT_FOUND',
          `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          { cause: error },
        );
      });
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const env = ctx.io.env;
      const parsed = parseSqlMigration(text, {
        file,
        direction: opts.down ? 'down' : 'up',
        env: (name) => env[name],
      });
      if (opts.format === 'json') {
        ctx.io.stdout(
          `${JSON.stringify({ statements: parsed.statements.map((s) => s.sql), useTx: parsed.useTx }, null, 2)}\n`,
        );
      } else {
        ctx.io.stdout(`-- useTx: ${parsed.useTx}, ${parsed.statements.length} statement(s)\n`);
        for (const [i, s] of parsed.statements.entries()) {
          ctx.io.stdout(
            `-- statement ${i + 1} at ${s.span.file}:${s.span.line}:${s.span.column}\n${s.sql}\n`,
          );
        }
      }
      ctx.exit(0);
    });
}
