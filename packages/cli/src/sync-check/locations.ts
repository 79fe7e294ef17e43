/**
 * Where to anchor a finding or notice in a file, for formats that need one (SARIF, GitHub
 * annotations): the culprit's location, else the first file location of any side, else the service's
 * first Prisma file or migrations folder.
 */
import type { SourceSpan } from '@gander/schema';
import type { Notice, ReportFinding, ServiceReport } from './report.js';

/** Every finding and notice of a service with the file place it is shown at (if any). */
export function anchoredItems(service: ServiceReport): { item: ReportFinding | Notice; span?: SourceSpan }[] {
  const fallback: SourceSpan | undefined = service.sources.prisma?.files[0]
    ? { file: service.sources.prisma.files[0], line: 1, column: 1 }
    : undefined;
  const out: { item: ReportFinding | Notice; span?: SourceSpan }[] = [];
  for (const notice of service.notices) {
    const span = notice.location ?? fallback;
    out.push({ item: notice, ...(span ? { span } : {}) });
  }
  for (const finding of service.findings) {
    const spans = finding.sides
      .map((s) => ({ side: s.side, at: s.location }))
      .filter((s): s is { side: typeof s.side; at: SourceSpan } => !!s.at && s.at !== 'database');
    const span =
      spans.find((s) => s.side === finding.culprit)?.at ??
      spans.find((s) => s.side === 'prisma')?.at ??
      spans[0]?.at ??
      fallback;
    out.push({ item: finding, ...(span ? { span } : {}) });
  }
  return out;
}

/** The text of an item with its fixes, for formats with one message field. */
export function itemText(item: ReportFinding | Notice, service: string): string {
  const fixes = 'fixes' in item ? item.fixes.map((f) => `fix ${f.side}: ${f.description}: ${f.text}`) : [];
  const hint = 'hint' in item && item.hint ? [`hint: ${item.hint}`] : [];
  return [`[${service}] ${item.message}`, ...fixes, ...hint].join('\n');
}
