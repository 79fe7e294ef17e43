import { Command } from 'commander';
import { registerDiff } from './commands/diff.js';
import { registerGoose } from './commands/goose.js';
import { registerInspect } from './commands/inspect.js';
import { registerMigrate } from './commands/migrate.js';
import { registerSyncCheck } from './commands/sync-check.js';

/** Where a command writes and what it reads from its surroundings (tests pass their own). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** Handed to every command: its IO and the way to report its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /** Sets the process exit code of this run (0 by default). */
  exit(code: number): void;
}

/**
 * Builds the `gander` command tree. Each subcommand lives in `commands/<name>.ts` as a
 * `register<Name>(program, ctx)` function and is registered below. Commands load their packages with
 * `await import(...)` inside the action, so `gander --help` and unrelated commands stay fast. They
 * write through `ctx.io`, throw `GanderError` for bad input, and never call `process.exit`.
 */
export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('gander')
    .description('Keep goose migrations, schema.prisma and the live PostgreSQL database in agreement.')
    .option('--debug', 'print stack traces of internal errors')
    .showHelpAfterError()
    .configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr })
    .exitOverride();
  registerInspect(program, ctx);
  registerMigrate(program, ctx);
  registerGoose(program, ctx);
  registerDiff(program, ctx);
  registerSyncCheck(program, ctx);
  return program;
}
