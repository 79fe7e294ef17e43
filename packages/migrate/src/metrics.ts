/**
 * Prometheus metrics of a run, labelled by service, for Kubernetes Jobs: written to a textfile for
 * node-exporter's textfile collector and/or pushed to a Pushgateway.
 *
 * - `migration_duration_seconds{service}` (gauge): wall time of the run, seconds.
 * - `migration_failure_total{service}` (counter): 1 when the run failed, else 0.
 * - `migration_version{service}` (gauge): the database's goose version after the run.
 *
 * @see https://github.com/siimon/prom-client (Registry, Pushgateway)
 * @see https://github.com/prometheus/node_exporter#textfile-collector
 */
import { renameSync, writeFileSync } from 'node:fs';
import { GanderError } from '@gander/schema';
import { Counter, Gauge, Pushgateway, Registry } from 'prom-client';

/** What a run reports. `durationSeconds` in seconds; `version` absent when unknown. */
export interface RunMetrics {
  readonly service: string;
  readonly durationSeconds: number;
  readonly failed: boolean;
  readonly version?: number;
}

/** A fresh registry (never prom-client's global one) holding the three metrics of one run. */
export function metricsRegistry(run: RunMetrics): Registry {
  const registry = new Registry();
  const labelNames = ['service'] as const;
  const duration = new Gauge({
    name: 'migration_duration_seconds',
    help: 'Wall time of the last gander migrate run, in seconds.',
    labelNames,
    registers: [registry],
  });
  const failures = new Counter({
    name: 'migration_failure_total',
    help: 'gander migrate runs that failed.',
    labelNames,
    registers: [registry],
  });
  const version = new Gauge({
    name: 'migration_version',
    help: 'goose version of the database after the last gander migrate run.',
    labelNames,
    registers: [registry],
  });
  const labels = { service: run.service };
  duration.set(labels, run.durationSeconds);
  failures.inc(labels, run.failed ? 1 : 0);
  if (run.version !== undefined) version.set(labels, run.version);
  return registry;
}

/** Writes the metrics in the Prometheus text format to `path`, atomically (temp file + rename). */
export async function writeMetricsFile(path: string, run: RunMetrics): Promise<void> {
  const text = await metricsRegistry(run).metrics();
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    throw new GanderError('CONFIG', `cannot write metrics file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The URL without user info, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = '';
      u.password = '';
    }
    return u.toString();
  } catch {
    return '<invalid URL>';
  }
}

/**
 * Pushes the metrics to a Pushgateway (`PUT <url>/metrics/job/<job>/service/<service>`, replacing
 * the group's earlier values).
 *
 * @throws GanderError `CONFIG` when the gateway refuses or cannot be reached (the URL's user info is
 * never printed).
 */
export async function pushMetrics(
  gatewayUrl: string,
  run: RunMetrics,
  job = 'gander_migrate',
): Promise<void> {
  const gateway = new Pushgateway(gatewayUrl, { timeout: 10_000 }, metricsRegistry(run));
  try {
    await gateway.push({ jobName: job, groupings: { service: run.service } });
  } catch (error) {
    throw new GanderError(
      'CONFIG',
      `cannot push metrics to ${redactUrl(gatewayUrl)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
