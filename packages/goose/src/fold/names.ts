import type { FoldState } from './state.js';

/** NAMEDATALEN - 1: the longest identifier PostgreSQL keeps, in bytes. */
const MAX_IDENTIFIER_BYTES = 63;

/** UTF-8 length in bytes (a lone surrogate counts as U+FFFD, as `TextEncoder` writes it), without encoding. */
const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/** Clips a name to at most `bytes` UTF-8 bytes without splitting a character (`pg_mbcliplen`). */
function clipBytes(name: string, bytes: number): string {
  if (byteLength(name) <= bytes) return name;
  let out = '';
  let used = 0;
  for (const ch of name) {
    const size = byteLength(ch);
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
}

/** Truncates an identifier to 63 bytes, as the scanner does (`truncate_identifier`). */
export function truncateIdentifier(name: string): string {
  return clipBytes(name, MAX_IDENTIFIER_BYTES);
}

/**
 * `name1_name2_label` truncated to 63 bytes by shortening the longer of name1/name2 first, exactly as
 * PostgreSQL's `makeObjectName` does.
 *
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/commands/indexcmds.c (makeObjectName)
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string | undefined): string {
  let overhead = 0;
  if (name2 !== undefined) overhead += 1;
  if (label !== undefined) overhead += byteLength(label) + 1;
  const available = MAX_IDENTIFIER_BYTES - overhead;
  let n1 = byteLength(name1);
  let n2 = name2 !== undefined ? byteLength(name2) : 0;
  while (n1 + n2 > available) {
    if (n1 > n2) n1 -= 1;
    else n2 -= 1;
  }
  let out = clipBytes(name1, n1);
  if (name2 !== undefined) out += `_${clipBytes(name2, n2)}`;
  if (label !== undefined) out += `_${label}`;
  return out;
}

/**
 * Picks a relation name that collides with no relation (and, for constraint indexes, no constraint)
 * of the schema, appending 1, 2, ... to the label (`ChooseRelationName`).
 */
export function chooseRelationName(
  state: FoldState,
  schema: string,
  name1: string,
  name2: string | undefined,
  label: string,
  isConstraint: boolean,
  taken: ReadonlySet<string> = new Set(),
): string {
  for (let pass = 0; ; pass += 1) {
    const name = makeObjectName(name1, name2, pass === 0 ? label : `${label}${pass}`);
    if (taken.has(name)) continue;
    if (state.relationExists(schema, name)) continue;
    if (isConstraint && state.constraintExists(schema, name)) continue;
    return name;
  }
}

/** Picks a CHECK / FOREIGN KEY constraint name free in the schema (`ChooseConstraintName`). */
export function chooseConstraintName(
  state: FoldState,
  schema: string,
  name1: string,
  name2: string | undefined,
  label: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  for (let pass = 0; ; pass += 1) {
    const name = makeObjectName(name1, name2, pass === 0 ? label : `${label}${pass}`);
    if (taken.has(name) || state.constraintExists(schema, name)) continue;
    return name;
  }
}

/**
 * The column part of a generated index / foreign key name: names joined with `_`, stopping once 63
 * bytes are reached (`ChooseIndexNameAddition`, `ChooseForeignKeyConstraintNameAddition`).
 */
export function nameAddition(columns: readonly string[]): string {
  let out = '';
  for (const column of columns) {
    if (out !== '') out += '_';
    out += column;
    if (byteLength(out) >= MAX_IDENTIFIER_BYTES + 1) break;
  }
  return out;
}

/** Index column names with duplicates renamed `name1`, `name2`, ... (`ChooseIndexColumnNames`). */
export function indexColumnNames(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const original of names) {
    let current = original;
    for (let i = 1; out.includes(current); i += 1) {
      const suffix = String(i);
      current = clipBytes(original, MAX_IDENTIFIER_BYTES - suffix.length) + suffix;
    }
    out.push(current);
  }
  return out;
}
