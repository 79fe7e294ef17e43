/**
 * GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` annotation per finding
 * or notice, on the culprit's file and line, then the summary line.
 *
 * @see https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */
import type { Severity } from '@gander/schema';
import { anchoredItems, itemText } from './locations.js';
import type { SyncCheckReport } from './report.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A workflow command's data: `%`, CR and LF escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The report as workflow commands, one per line. */
export function renderGithub(report: SyncCheckReport): string {
  const lines: string[] = [];
  for (const service of report.services) {
    if (service.error)
      lines.push(
        `::error title=${escapeProperty(`gander ${service.name}`)}::${escapeData(service.error.message)}`,
      );
    for (const { item, span } of anchoredItems(service)) {
      const props = [
        ...(span ? [`file=${escapeProperty(span.file)}`, `line=${span.line}`, `col=${span.column}`] : []),
        `title=${escapeProperty(`gander ${item.code}`)}`,
      ];
      lines.push(
        `::${COMMAND[item.severity]} ${props.join(',')}::${escapeData(itemText(item, service.name))}`,
      );
    }
  }
  const s = report.summary;
  lines.push(
    `gander sync-check: ${s.services} services, ${s.errors} errors, ${s.warnings} warnings, ${s.infos} info`,
  );
  return `${lines.join('\n')}\n`;
}
