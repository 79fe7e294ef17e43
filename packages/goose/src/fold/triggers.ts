import {
  canonicalExpression,
  compare,
  type Trigger,
  type TriggerDigestParts,
  triggerDigest,
} from '@gander/schema';
import type { CreateTrigStmt, Node, TriggerTransition } from 'libpg-query';
import { as, qualified, rangeVar, strs } from './ast.js';
import type { FoldState, TableState } from './state.js';

/** `pg_trigger.tgtype` bits as the grammar sets them in `CreateTrigStmt`. */
const TYPE = { before: 2, insert: 4, delete: 8, update: 16, truncate: 32, instead: 64 } as const;

/**
 * `CREATE [OR REPLACE] [CONSTRAINT] TRIGGER`: the trigger on its table with the digest of
 * `triggerDigest` (`@gander/schema`) (WHEN, arguments, transition tables, constraint trigger attributes).
 *
 * @see https://www.postgresql.org/docs/16/sql-createtrigger.html
 */
export function createTrigger(state: FoldState, stmt: CreateTrigStmt): void {
  const target = rangeVar(stmt.relation);
  const table = state.table(target.schema, target.name);
  if (!table || !stmt.trigname) return;
  const timingBits = stmt.timing ?? 0;
  const timing: Trigger['timing'] =
    timingBits & TYPE.instead ? 'instead of' : timingBits & TYPE.before ? 'before' : 'after';
  const bits = stmt.events ?? 0;
  const events: Trigger['events'][number][] = [];
  if (bits & TYPE.insert) events.push('insert');
  if (bits & TYPE.update) events.push('update');
  if (bits & TYPE.delete) events.push('delete');
  if (bits & TYPE.truncate) events.push('truncate');
  events.sort(compare);
  const updateColumns = strs(stmt.columns).sort(compare);
  const level: Trigger['level'] = stmt.row ? 'row' : 'statement';
  const fn = qualified(stmt.funcname);
  const found = state.resolve(fn.schema, fn.name, (k) =>
    [...state.routines.keys()].some((r) => r.startsWith(`${k}(`)),
  );
  const func = found ?? { schema: fn.schema ?? state.creationSchema(), name: fn.name };
  const transitions = (stmt.transitionRels ?? []).map(
    (n: Node) => as<TriggerTransition>(n, 'TriggerTransition') ?? {},
  );
  const parts: TriggerDigestParts = {
    timing,
    events,
    updateColumns,
    level,
    function: func,
    arguments: strs(stmt.args),
    when: stmt.whenClause
      ? canonicalExpression(stmt.whenClause, {
          defaultSchema: state.defaultSchema,
          columns: Object.fromEntries(table.columns.map((c) => [c.name, c.type])),
        })
      : null,
    oldTable: transitions.find((t) => !t.isNew)?.name ?? null,
    newTable: transitions.find((t) => t.isNew)?.name ?? null,
    constraint: stmt.isconstraint
      ? { deferrable: stmt.deferrable === true, initiallyDeferred: stmt.initdeferred === true }
      : null,
  };
  const digest = triggerDigest(parts);
  triggerPartsOf(state, table).set(stmt.trigname, parts);
  const previous = table.triggers.find((t) => t.name === stmt.trigname);
  table.triggers = table.triggers.filter((t) => t.name !== stmt.trigname);
  table.triggers.push({
    name: stmt.trigname,
    timing,
    events,
    ...(updateColumns.length > 0 ? { updateColumns } : {}),
    level,
    function: func,
    digest,
    ...(previous?.comment !== undefined ? { comment: previous.comment } : {}),
    span: state.span,
  });
  table.span = state.span;
}

/** The digest parts of `table`'s triggers by name (see `FoldState.triggerParts`), created on first use. */
export function triggerPartsOf(state: FoldState, table: TableState): Map<string, TriggerDigestParts> {
  let parts = state.triggerParts.get(table);
  if (!parts) {
    parts = new Map();
    state.triggerParts.set(table, parts);
  }
  return parts;
}
