/**
 * Runs the `gander` CLI in-process for the end-to-end tests under `test/`.
 */
import { main } from '@gander/cli';

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  /** The exit code `main` returned (the documented codes, `EXIT` in `@gander/cli`). */
  code: number;
  /** Everything written to stdout, concatenated. */
  stdout: string;
  /** Everything written to stderr, concatenated. */
  stderr: string;
}

/**
 * Runs `gander <argv>` through `main` with `cwd` as the working directory and `env` as the whole
 * environment (plus `NO_COLOR=1`, which `env` may override), capturing both streams. A failing
 * command shows in `code` and `stderr`.
 */
export async function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    env: { NO_COLOR: '1', ...env },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}
