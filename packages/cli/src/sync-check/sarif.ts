/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one rule per code,
 * one result per finding or notice, located at the culprit's file:line when there is one.
 *
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * @see https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
import { FINDING_CODES, type Severity } from '@gander/schema';
import { anchoredItems, itemText } from './locations.js';
import { NOTICE_CODES, type NoticeCode, type SyncCheckReport } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

function ruleFor(code: string) {
  const finding = (FINDING_CODES as Record<string, { severity: Severity; summary: string } | undefined>)[
    code
  ];
  const severity = finding?.severity ?? NOTICE_CODES[code as NoticeCode] ?? 'warning';
  return {
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: finding?.summary ?? code.replace(/-/g, ' ') },
    defaultConfiguration: { level: LEVEL[severity] },
  };
}

/** The report as a SARIF 2.1.0 log (JSON text). Paths are relative to the folder gander ran in. */
export function renderSarif(report: SyncCheckReport): string {
  const results: unknown[] = [];
  const codes = new Set<string>();
  for (const service of report.services) {
    for (const { item, span } of anchoredItems(service)) {
      codes.add(item.code);
      results.push({
        ruleId: item.code,
        level: LEVEL[item.severity],
        message: { text: itemText(item, service.name) },
        ...(span
          ? {
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: span.file.split('\\').join('/') },
                    region: { startLine: span.line, startColumn: span.column },
                  },
                },
              ],
            }
          : {}),
        partialFingerprints: {
          ganderKey: `${service.name}:${'key' in item ? item.key : `${item.code}:${span ? `${span.file}:${span.line}` : ''}`}`,
        },
      });
    }
  }
  const rules = [...codes].sort().map(ruleFor);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'gander', rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
