/**
 * A finding before the policy and the side names are applied: what one change says about one
 * aspect, seen from the two ends of a comparison (`from`, `to`). `toFindings` and
 * `combineFindings` turn drafts into `Finding`s.
 */
import type { SourceSpan } from '../model.js';
import { codeFamily, FINDING_CODES, type FindingCode } from './codes.js';
import { type Policy, severityFor } from './policy.js';
import type { Finding, FindingObject, FindingSide, Fix, Side } from './types.js';

/** One end of a draft. */
export interface DraftSide {
  readonly present: boolean;
  /** The object's (or, when absent, its table's) span in this source. */
  readonly span?: SourceSpan;
  readonly value?: string;
  /** How to make this end agree with the other one. */
  readonly fix?: Omit<Fix, 'side'>;
}

export interface Draft {
  readonly code: FindingCode;
  readonly key: string;
  readonly object: FindingObject;
  /** `column public.users.email`. */
  readonly subject: string;
  /** Said after the values, e.g. why a difference is only info. */
  readonly note?: string;
  /** Replaces the code's summary in the message, where the code's own would mislead. */
  readonly summary?: string;
  readonly from: DraftSide;
  readonly to: DraftSide;
}

/** Two sources compared: `from` is the one listed first in the order migrations, prisma, database. */
export interface Leg {
  readonly from: Side;
  readonly to: Side;
}

/** The sources in report order. */
export const SIDE_ORDER: readonly Side[] = ['migrations', 'prisma', 'database'];

/** The draft seen from the other end: sides swapped, `-missing` <-> `-extra`. */
export function swapDraft(draft: Draft): Draft {
  const code = draft.code.endsWith('-missing')
    ? draft.code.replace(/-missing$/, '-extra')
    : draft.code.endsWith('-extra')
      ? draft.code.replace(/-extra$/, '-missing')
      : draft.code;
  return { ...draft, code: code as FindingCode, from: draft.to, to: draft.from };
}

/** The key of a draft's code family plus its subject path (see `Finding.key`). */
export function draftKey(code: FindingCode, rest: string): string {
  return `${codeFamily(code)}:${rest}`;
}

function sideValue(side: DraftSide): string {
  return side.value ?? (side.present ? 'present' : 'absent');
}

/** `uuid in migrations, database; text in prisma`: sides grouped by what they say. */
export function describeSides(sides: readonly { readonly side: Side; readonly draft: DraftSide }[]): string {
  const groups = new Map<string, Side[]>();
  for (const { side, draft } of sides) {
    const value = sideValue(draft);
    groups.set(value, [...(groups.get(value) ?? []), side]);
  }
  return [...groups].map(([value, names]) => `${value} in ${names.join(', ')}`).join('; ');
}

/**
 * The finding of drafts about one disagreement: `parts` gives each source's end (one per source,
 * any order); `culprit` is set with three sources when one disagrees with the two others, and then
 * only its fix is kept.
 */
export function finishDraft(
  draft: Draft,
  parts: readonly { readonly side: Side; readonly draft: DraftSide }[],
  policy: Policy | undefined,
  culprit?: Side,
): Finding | undefined {
  const severity = severityFor(draft.code, draft.object.path, policy);
  if (severity === 'off') return undefined;
  const ordered = [...parts].sort((a, b) => SIDE_ORDER.indexOf(a.side) - SIDE_ORDER.indexOf(b.side));
  const sides: FindingSide[] = ordered.map(({ side, draft: end }) => {
    const location = side === 'database' ? 'database' : end.span;
    return {
      side,
      present: end.present,
      ...(location !== undefined ? { location } : {}),
      ...(end.value !== undefined ? { value: end.value } : {}),
    };
  });
  const fixes: Fix[] = ordered
    .filter(({ side, draft: end }) => end.fix !== undefined && (culprit === undefined || side === culprit))
    .map(({ side, draft: end }) => ({ side, ...(end.fix as Omit<Fix, 'side'>) }));
  const lead = culprit ? `${culprit} disagrees with the other sources: ` : '';
  const message = `${draft.subject}: ${lead}${draft.summary ?? FINDING_CODES[draft.code].summary} (${describeSides(ordered)})${draft.note ? `; ${draft.note}` : ''}`;
  return {
    code: draft.code,
    severity,
    message,
    object: draft.object,
    key: draft.key,
    sides,
    ...(culprit ? { culprit } : {}),
    fixes,
  };
}
