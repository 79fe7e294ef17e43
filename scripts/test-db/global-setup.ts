/**
 * Vitest global setup: one server per PostgreSQL major for the whole run, unless
 * `GANDER_TEST_DATABASE_URL` names one (then every major uses it, and the tests read the version the
 * server reports). Test files get their own database through `useTestDatabase()`.
 */
import type { TestProject } from 'vitest/node';
import { reapStale, type ServerMajor, startTestServer, type TestServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    ganderPgUrls: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.GANDER_TEST_DATABASE_URL;
  if (external) {
    project.provide('ganderPgUrls', { '16': external, '18': external });
    return async () => {};
  }
  reapStale();
  const majors: ServerMajor[] = [16, 18];
  const servers: TestServer[] = await Promise.all(majors.map((m) => startTestServer(m)));
  const stopAll = async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void stopAll().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  project.provide('ganderPgUrls', Object.fromEntries(servers.map((s) => [String(s.major), s.url])));
  return async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll();
  };
}
