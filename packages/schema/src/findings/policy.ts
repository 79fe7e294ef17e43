/**
 * The severity policy: the default severity of each code (`FINDING_CODES`), overridden per code,
 * then per object. `'off'` drops the finding.
 */
import { matchesPattern } from '../diff/options.js';
import { FINDING_CODES, type FindingCode } from './codes.js';
import type { Finding, Severity } from './types.js';

/** A severity, or `off` to leave the finding out. */
export type PolicySeverity = Severity | 'off';

/** A per-object override: findings on objects whose path matches `pattern` (and `codes`, if set). */
export interface ObjectRule {
  /** Pattern over the finding's `object.path` (syntax of `DiffOptions.ignore`: `public.users.*`). */
  readonly pattern: string;
  /** Limit the rule to these codes; every code when absent. */
  readonly codes?: readonly FindingCode[];
  readonly severity: PolicySeverity;
}

/** What a user configures (`gander.config.json` `severity` / `rules`). */
export interface Policy {
  /** Severity per code, over the defaults. */
  readonly codes?: Readonly<Partial<Record<FindingCode, PolicySeverity>>>;
  /** Per-object rules, over `codes`; the last matching rule wins. */
  readonly objects?: readonly ObjectRule[];
}

/**
 * The severity of a finding of `code` on the object at `path` under `policy`: the last matching
 * object rule, else the code's override, else the code's default.
 */
export function severityFor(code: FindingCode, path: string, policy: Policy = {}): PolicySeverity {
  let severity: PolicySeverity = policy.codes?.[code] ?? FINDING_CODES[code].severity;
  for (const rule of policy.objects ?? []) {
    if (rule.codes && !rule.codes.includes(code)) continue;
    if (matchesPattern(rule.pattern, path.split('.'))) severity = rule.severity;
  }
  return severity;
}

/** The findings with the policy's severities; findings turned `off` are left out. Order kept. */
export function applyPolicy(findings: readonly Finding[], policy: Policy = {}): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const severity = severityFor(finding.code, finding.object.path, policy);
    if (severity !== 'off') out.push(severity === finding.severity ? finding : { ...finding, severity });
  }
  return out;
}
