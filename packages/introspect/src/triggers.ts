import { compare, type Trigger, triggerDigest } from '@gander/schema';
import type { TriggerRow } from './catalog-rows.js';
import { liveExpression } from './expressions.js';

/** `pg_trigger.tgtype` bits (`src/include/catalog/pg_trigger.h`). */
const TYPE = { row: 1, before: 2, insert: 4, delete: 8, update: 16, truncate: 32, instead: 64 } as const;

type TriggerEvent = Trigger['events'][number];

/**
 * Maps one `pg_trigger` row to the model's trigger, with its digest (`triggerDigest` of `@gander/schema`); the `WHEN`
 * condition is normalised with `defaultSchema` and the table's column types (`columns`), so the casts
 * PostgreSQL adds to `NEW.x` / `OLD.x` operands drop as in the table's other expressions.
 */
export function triggerFromRow(
  row: TriggerRow,
  table: string,
  defaultSchema: string,
  columns?: Readonly<Record<string, string>>,
): Trigger {
  const timing: Trigger['timing'] =
    row.type & TYPE.instead ? 'instead of' : row.type & TYPE.before ? 'before' : 'after';
  const events: TriggerEvent[] = [];
  if (row.type & TYPE.insert) events.push('insert');
  if (row.type & TYPE.update) events.push('update');
  if (row.type & TYPE.delete) events.push('delete');
  if (row.type & TYPE.truncate) events.push('truncate');
  events.sort(compare);
  const level: Trigger['level'] = row.type & TYPE.row ? 'row' : 'statement';
  const updateColumns = [...(row.columns ?? [])].sort(compare);
  const whenText = row.has_when ? triggerWhenClause(row.definition) : null;
  const digest = triggerDigest({
    timing,
    events,
    updateColumns,
    level,
    function: row.function,
    arguments: decodeTriggerArguments(row.args),
    when:
      whenText === null
        ? null
        : liveExpression(
            whenText,
            `WHEN of trigger "${row.name}" of ${table}`,
            columns ? { defaultSchema, columns } : { defaultSchema },
          ),
    oldTable: row.old_table,
    newTable: row.new_table,
    constraint: row.is_constraint ? { deferrable: row.deferrable, initiallyDeferred: row.deferred } : null,
  });
  return {
    name: row.name,
    timing,
    events,
    ...(updateColumns.length > 0 ? { updateColumns } : {}),
    level,
    function: { schema: row.function.schema, name: row.function.name },
    digest,
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}

/**
 * The arguments stored in `tgargs` (given in hex): each argument is followed by a zero byte.
 * Returns them decoded as UTF-8, in order.
 */
export function decodeTriggerArguments(hex: string): string[] {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  const decoder = new TextDecoder();
  const args: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      args.push(decoder.decode(bytes.subarray(start, i)));
      start = i + 1;
    }
  }
  return args;
}

/**
 * The condition inside `WHEN (...)` of a `pg_get_triggerdef` text, without the clause's own
 * parentheses (`WHEN ((old.a IS DISTINCT FROM new.a))` -> `(old.a IS DISTINCT FROM new.a)`), or `null`
 * when there is none. Scans outside quoted identifiers and string literals, so names and arguments
 * that contain `WHEN (` do not confuse it (PostgreSQL always quotes an identifier spelled `when`).
 *
 * NOTE: the `WHEN` clause is read from the printed definition because `pg_get_expr` cannot print
 * `tgqual`: it refers to both `OLD` and `NEW`.
 */
export function triggerWhenClause(definition: string): string | null {
  let i = 0;
  let depth = 0;
  let start = -1;
  while (i < definition.length) {
    const ch = definition[i];
    if (ch === "'" || ch === '"') {
      i = skipQuoted(definition, i);
      continue;
    }
    if (start < 0) {
      if (depth === 0 && definition.startsWith(' WHEN (', i)) {
        start = i + ' WHEN ('.length;
        i = start;
        depth = 1;
        continue;
      }
      if (ch === '(') depth++;
      if (ch === ')') depth--;
    } else {
      if (ch === '(') depth++;
      if (ch === ')') {
        depth--;
        if (depth === 0) return definition.slice(start, i);
      }
    }
    i++;
  }
  return null;
}

/** Index just past the quoted token starting at `at` (a doubled quote stays inside). */
function skipQuoted(text: string, at: number): number {
  const quote = text[at];
  let i = at + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return i;
}
