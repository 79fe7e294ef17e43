/**
 * The inverse of a change set: what turns `to` back into `from`. `invertChanges(diffModels(a, b))`
 * equals `diffModels(b, a)` up to order; the three-way view uses it to see a leg from its other end.
 */
import { assertNever } from '../errors.js';
import type { Change, TableChange } from './changes.js';

/** The inverse of one nested table change. */
export function invertTableChange(change: TableChange): TableChange {
  switch (change.kind) {
    case 'add column':
      return { kind: 'drop column', column: change.column };
    case 'drop column':
      return { kind: 'add column', column: change.column };
    case 'add constraint':
      return { kind: 'drop constraint', constraint: change.constraint };
    case 'drop constraint':
      return { kind: 'add constraint', constraint: change.constraint };
    case 'add index':
      return { kind: 'drop index', index: change.index };
    case 'drop index':
      return { kind: 'add index', index: change.index };
    case 'add trigger':
      return { kind: 'drop trigger', trigger: change.trigger };
    case 'drop trigger':
      return { kind: 'add trigger', trigger: change.trigger };
    case 'alter column':
    case 'rename column':
    case 'alter constraint':
    case 'alter index':
    case 'alter trigger':
      return { ...change, from: change.to, to: change.from } as TableChange;
    case 'rename constraint':
    case 'rename index':
      return { ...change, from: change.to, to: change.from } as TableChange;
    default:
      return assertNever(change);
  }
}

/** The inverse of one change (add <-> drop; alter and rename swap their sides). */
export function invertChange(change: Change): Change {
  switch (change.kind) {
    case 'add schema':
    case 'drop schema':
      return { ...change, kind: change.kind === 'add schema' ? 'drop schema' : 'add schema' };
    case 'add extension':
      return { kind: 'drop extension', extension: change.extension };
    case 'drop extension':
      return { kind: 'add extension', extension: change.extension };
    case 'add enum':
      return { kind: 'drop enum', enum: change.enum };
    case 'drop enum':
      return { kind: 'add enum', enum: change.enum };
    case 'add domain':
      return { kind: 'drop domain', domain: change.domain };
    case 'drop domain':
      return { kind: 'add domain', domain: change.domain };
    case 'add sequence':
      return { kind: 'drop sequence', sequence: change.sequence };
    case 'drop sequence':
      return { kind: 'add sequence', sequence: change.sequence };
    case 'add table':
      return { kind: 'drop table', table: change.table };
    case 'drop table':
      return { kind: 'add table', table: change.table };
    case 'add view':
      return { kind: 'drop view', view: change.view };
    case 'drop view':
      return { kind: 'add view', view: change.view };
    case 'add routine':
      return { kind: 'drop routine', routine: change.routine };
    case 'drop routine':
      return { kind: 'add routine', routine: change.routine };
    case 'alter enum':
      return { ...change, from: change.to, to: change.from, added: change.removed, removed: change.added };
    case 'alter table':
    case 'rename table':
    case 'alter view':
      return {
        ...change,
        from: change.to,
        to: change.from,
        changes: change.changes.map(invertTableChange),
      } as Change;
    case 'rename enum':
    case 'alter schema':
    case 'alter extension':
    case 'alter domain':
    case 'alter sequence':
    case 'alter routine':
      return { ...change, from: change.to, to: change.from } as Change;
    default:
      return assertNever(change);
  }
}

/** `invertChange` over a change set, order kept. */
export function invertChanges(changes: readonly Change[]): Change[] {
  return changes.map(invertChange);
}
