/** Runs the built CLI (`node packages/cli/bin/gander.js`) as a real process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO, stripPrefix } from './helpers.js';

export interface ProcessRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly lines: string[];
}

/** Starts `gander migrate <args>`; `done` resolves when it exits. */
export function startGander(
  args: readonly string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<ProcessRun> } {
  const child = spawn(process.execPath, [join(REPO, 'packages/cli/bin/gander.js'), 'migrate', ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const done = new Promise<ProcessRun>((resolve) => {
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, lines: stripPrefix(stderr) }),
    );
  });
  return { child, done };
}

/** Runs `gander migrate <args>` to completion. */
export function runGander(args: readonly string[], env: Record<string, string> = {}): Promise<ProcessRun> {
  return startGander(args, env).done;
}
