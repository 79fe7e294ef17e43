/**
 * Prints a sync-check report in the format asked for: `json` (the report as is), `text` (grouped by
 * service and table, both sides' locations and the fix, a one-line summary), `sarif` and `github`.
 */
import { formatSpan, SEVERITY_RANK, type Severity, type SourceSpan } from '@gander/schema';
import type { Notice, ReportFinding, ServiceReport, SyncCheckReport } from './report.js';

export interface RenderOptions {
  readonly color: boolean;
  /** Only what fails the run, nothing when clean. */
  readonly quiet: boolean;
  readonly cwd: string;
}

/** The report as text for stdout (empty string for nothing). */
export async function renderReport(
  report: SyncCheckReport,
  format: 'text' | 'json' | 'sarif' | 'github',
  options: RenderOptions,
): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'text':
      return renderText(report, options);
    case 'sarif': {
      const { renderSarif } = await import('./sarif.js');
      return renderSarif(report);
    }
    case 'github': {
      const { renderGithub } = await import('./github.js');
      return renderGithub(report);
    }
  }
}

const COLORS: Record<Severity | 'dim' | 'bold', string> = {
  error: '31',
  warning: '33',
  info: '36',
  dim: '2',
  bold: '1',
};

function painter(color: boolean) {
  return (style: keyof typeof COLORS, text: string) =>
    color ? `\u001b[${COLORS[style]}m${text}\u001b[0m` : text;
}

function where(location: SourceSpan | 'database' | undefined): string {
  if (!location) return '-';
  return location === 'database' ? 'database' : formatSpan(location);
}

/** The text format (see the module doc). */
export function renderText(report: SyncCheckReport, options: RenderOptions): string {
  const paint = painter(options.color);
  const floor = SEVERITY_RANK[report.failOn];
  const shown = (severity: Severity) => !options.quiet || SEVERITY_RANK[severity] >= floor;
  const out: string[] = [];
  for (const service of report.services) {
    const notices = service.notices.filter((n) => shown(n.severity));
    const findings = service.findings.filter((f) => shown(f.severity));
    if (options.quiet && !service.error && notices.length === 0 && findings.length === 0) continue;
    out.push(paint('bold', `${service.name}`) + paint('dim', `  ${describeSources(service)}`));
    if (service.error) out.push(`  ${paint('error', 'error')}  ${service.error.message}`);
    for (const notice of notices) out.push(...noticeLines(notice, paint));
    let table = '';
    for (const finding of findings) {
      const group = finding.object.table
        ? `${finding.object.schema}.${finding.object.table}`
        : (finding.object.schema ?? finding.object.name);
      if (group !== table) {
        table = group;
        out.push(`  ${paint('bold', group)}`);
      }
      out.push(...findingLines(finding, paint));
    }
    if (!service.error && notices.length === 0 && findings.length === 0)
      out.push(`  ${paint('dim', 'in sync')}`);
    out.push('');
  }
  const s = report.summary;
  if (options.quiet && report.exitCode === 0) return '';
  const parts = [
    `${s.services} service${s.services === 1 ? '' : 's'}`,
    paint(s.errors ? 'error' : 'dim', `${s.errors} error${s.errors === 1 ? '' : 's'}`),
    paint(s.warnings ? 'warning' : 'dim', `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`),
    `${s.infos} info`,
    ...(s.accepted ? [`${s.accepted} accepted by the baseline file`] : []),
    ...(s.failedServices ? [paint('error', `${s.failedServices} not checked`)] : []),
  ];
  const verdict =
    report.exitCode === 0
      ? 'ok'
      : report.exitCode === 1
        ? `failed (--fail-on ${report.failOn})`
        : 'could not check every service';
  out.push(`gander sync-check: ${parts.join(', ')}: ${verdict}`);
  return `${out.join('\n')}\n`;
}

function describeSources(service: ServiceReport): string {
  const { migrations, prisma, database } = service.sources;
  const parts: string[] = [];
  if (migrations)
    parts.push(
      `migrations ${migrations.dir} (${migrations.count}, head ${migrations.head}${migrations.mode === 'fold' ? '' : `, ${migrations.mode}`})`,
    );
  if (prisma) parts.push(`prisma ${prisma.files.join(', ')}`);
  if (database)
    parts.push(
      `database ${database.label}${database.version !== undefined ? ` at ${database.version}` : ''}${database.pending.length ? `, ${database.pending.length} pending` : ''}`,
    );
  return parts.join('; ');
}

type Paint = ReturnType<typeof painter>;

function label(severity: Severity, paint: Paint): string {
  return paint(severity, severity.padEnd(7));
}

function noticeLines(notice: Notice, paint: Paint): string[] {
  const lines = [`  ${label(notice.severity, paint)} ${notice.code}  ${notice.message}`];
  if (notice.location) lines.push(`          ${paint('dim', `at ${where(notice.location)}`)}`);
  if (notice.hint) lines.push(`          ${paint('dim', `hint: ${notice.hint}`)}`);
  return lines;
}

function findingLines(finding: ReportFinding, paint: Paint): string[] {
  const lines = [`    ${label(finding.severity, paint)} ${finding.code}  ${finding.message}`];
  lines.push(
    `            ${paint('dim', finding.sides.map((s) => `${s.side}: ${s.present ? where(s.location) : `absent${s.location ? ` (near ${where(s.location)})` : ''}`}`).join('   '))}`,
  );
  for (const fix of finding.fixes) {
    const head = `fix ${fix.side} (${fix.kind === 'prisma' ? 'schema.prisma' : 'SQL'}): ${fix.description}${fix.location ? ` at ${where(fix.location)}` : ''}`;
    lines.push(`            ${head}`);
    for (const line of fix.text.split('\n')) lines.push(`              ${line}`);
  }
  return lines;
}
