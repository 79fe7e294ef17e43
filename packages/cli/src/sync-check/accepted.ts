/**
 * `--baseline-file`: findings recorded in an earlier JSON report (`gander sync-check --format json >
 * gander-baseline.json`) are accepted; only new ones are reported. A finding is matched by service
 * name and `key` (which names the object and the aspect, never a line number), so edits elsewhere
 * in the files do not make an accepted finding new.
 */
import { existsSync, readFileSync } from 'node:fs';
import { GanderError } from '@gander/schema';

/**
 * The accepted findings of a baseline file, as `service + "\u0000" + key`.
 * @throws GanderError `FILE_NOT_FOUND`; `CONFIG` when the file is not a sync-check JSON report.
 */
export function readAccepted(file: string): Set<string> {
  if (!existsSync(file)) {
    throw new GanderError('FILE_NOT_FOUND', `${file}: no such baseline file`, {
      hint: 'create it with: gander sync-check --format json > <file>',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GanderError('CONFIG', `${file}: invalid JSON: ${(error as Error).message}`);
  }
  const services = (data as { services?: unknown })?.services;
  if ((data as { tool?: unknown })?.tool !== 'gander sync-check' || !Array.isArray(services)) {
    throw new GanderError(
      'CONFIG',
      `${file}: not a gander sync-check JSON report (expected "tool": "gander sync-check" and a "services" list)`,
    );
  }
  const out = new Set<string>();
  for (const service of services as { name?: unknown; findings?: unknown }[]) {
    if (typeof service?.name !== 'string' || !Array.isArray(service.findings)) continue;
    for (const finding of service.findings as { key?: unknown }[]) {
      if (typeof finding?.key === 'string') out.add(`${service.name}\u0000${finding.key}`);
    }
  }
  return out;
}
