/**
 * Column changes of one table: `add column`, `drop column`, `alter column` and the heuristic
 * `rename column`. Types compare by `typeKey`; a primary-key column counts as NOT NULL whatever the
 * source says (PostgreSQL sets `attnotnull` on every primary-key column).
 */
import type { Column, Table } from '../model.js';
import type { ColumnAspect, TableChange } from './changes.js';
import { same, sameDefault, sameType, typeKey } from './equivalence.js';
import { pairUp } from './match.js';
import type { Filter } from './options.js';

/** Column names equal but for case, `_` and `-`: `adminId` ~ `admin_id`. */
export function looseName(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

function primaryKeyColumns(table: Table): ReadonlySet<string> {
  const pk = table.constraints.find((constraint) => constraint.kind === 'primary key');
  return new Set(pk && pk.kind === 'primary key' ? pk.columns : []);
}

/** The aspects in which two columns differ, in `ColumnAspect` declaration order. */
export function columnAspects(
  from: Column,
  to: Column,
  pk: { readonly from: ReadonlySet<string>; readonly to: ReadonlySet<string> } = {
    from: new Set(),
    to: new Set(),
  },
): ColumnAspect[] {
  const aspects: ColumnAspect[] = [];
  if (!sameType(from.type, to.type)) aspects.push('type');
  if ((from.notNull || pk.from.has(from.name)) !== (to.notNull || pk.to.has(to.name)))
    aspects.push('notNull');
  if (!sameDefault(from.default, to.default, typeKey(from.type) === typeKey(to.type) ? from.type : undefined))
    aspects.push('default');
  for (const aspect of ['identity', 'generated', 'collation', 'comment'] as const) {
    if (!same(from[aspect], to[aspect])) aspects.push(aspect);
  }
  return aspects;
}

/**
 * The column changes between two versions of a table: alters and renames in `from`'s column order,
 * then adds in `to`'s order, then drops in `from`'s order.
 */
export function diffColumns(from: Table, to: Table, filter: Filter, detectRenames: boolean): TableChange[] {
  const keep = (table: Table) =>
    table.columns.filter((column) => !filter.ignored('column', [table.schema, table.name, column.name]));
  const keys = [(column: Column) => column.name];
  if (detectRenames) keys.push((column: Column) => looseName(column.name));
  const pairing = pairUp(keep(from), keep(to), keys);
  const pk = { from: primaryKeyColumns(from), to: primaryKeyColumns(to) };
  const changes: TableChange[] = [];
  for (const pair of pairing.pairs) {
    const aspects = columnAspects(pair.from, pair.to, pk);
    if (pair.pass === 1) changes.push({ kind: 'rename column', from: pair.from, to: pair.to, aspects });
    else if (aspects.length > 0)
      changes.push({ kind: 'alter column', from: pair.from, to: pair.to, aspects });
  }
  for (const column of pairing.onlyTo) changes.push({ kind: 'add column', column });
  for (const column of pairing.onlyFrom) changes.push({ kind: 'drop column', column });
  return changes;
}
