import { isGanderError } from '@gander/schema/errors';
import { CommanderError } from 'commander';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { buildProgram, type CliIo } from './program.js';

export { EXIT } from './exit-codes.js';
export type { CliIo, CommandContext } from './program.js';

/**
 * Runs `gander` with the given arguments (without `node` and the script) and returns the exit code.
 * The one top-level error handler: a `GanderError` prints its message (no stack) and maps to its
 * documented exit code; anything else is an internal error (exit 70), with the stack under `--debug`.
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const fullIo: CliIo = {
    stdout: io.stdout ?? ((t) => process.stdout.write(t)),
    stderr: io.stderr ?? ((t) => process.stderr.write(t)),
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
  };
  let exitCode: number = EXIT.ok;
  const program = buildProgram({
    io: fullIo,
    exit(code) {
      exitCode = code;
    },
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') return EXIT.ok;
      return EXIT.error;
    }
    if (isGanderError(error)) {
      fullIo.stderr(`gander: ${error.message}\n`);
      if (error.hint) fullIo.stderr(`hint: ${error.hint}\n`);
      return exitCodeFor(error.code);
    }
    const debug = argv.includes('--debug');
    fullIo.stderr(
      `gander: internal error: ${error instanceof Error ? error.message : String(error)}\n` +
        (debug && error instanceof Error
          ? `${error.stack}\n`
          : 'Run again with --debug for the stack trace and report it.\n'),
    );
    return EXIT.internal;
  }
}
