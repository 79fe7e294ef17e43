/**
 * Column changes of one table: `add column`, `drop column`, `alter column` and the heuristic
 * `rename column`. Types compare by `typeKey`; a primary-key column counts as NOT NULL whatever the
 * source says (PostgreSQL sets `attnotnull` on every primary-key column).
 */
import type { Column, Table } from '../model.js';
import type { ColumnAspect, TableChange } from './changes.js';
import { same, sameDefault, sameType } from './equivalence.js';
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

/** `type` with its base type replaced by its alias (`public.a[]` -> `public."A"[]`), if it has one. */
function aliasType(type: string, aliases: ReadonlyMap<string, string>): string {
  if (aliases.size === 0) return type;
  const base = type.replace(/(\[\])+$/, '');
  const alias = aliases.get(base);
  return alias === undefined ? type : alias + type.slice(base.length);
}

/** A default with the casts to aliased types respelt (`'a'::public.a` -> `'a'::public."A"`). */
function aliasDefault(text: string | undefined, aliases: ReadonlyMap<string, string>): string | undefined {
  if (text === undefined || aliases.size === 0) return text;
  let out = text;
  for (const [name, alias] of aliases) out = out.split(`::${name}`).join(`::${alias}`);
  return out;
}

/**
 * The aspects in which two columns differ, in `ColumnAspect` declaration order. `typeAliases` maps
 * a `from` type to the `to` type it stands for (a renamed enum, see `enumTypeAliases`): the types
 * are then the same, and so are defaults that differ only by the cast to them.
 */
export function columnAspects(
  from: Column,
  to: Column,
  pk: { readonly from: ReadonlySet<string>; readonly to: ReadonlySet<string> } = {
    from: new Set(),
    to: new Set(),
  },
  typeAliases: ReadonlyMap<string, string> = new Map(),
): ColumnAspect[] {
  const aspects: ColumnAspect[] = [];
  const fromType = aliasType(from.type, typeAliases);
  const typesMatch = sameType(fromType, to.type);
  if (!typesMatch) aspects.push('type');
  if ((from.notNull || pk.from.has(from.name)) !== (to.notNull || pk.to.has(to.name)))
    aspects.push('notNull');
  const fromDefault = aliasDefault(from.default, typeAliases);
  if (!sameDefault(fromDefault, to.default, typesMatch ? fromType : undefined)) aspects.push('default');
  for (const aspect of ['identity', 'generated', 'collation', 'comment'] as const) {
    if (!same(from[aspect], to[aspect])) aspects.push(aspect);
  }
  return aspects;
}

/**
 * The column changes between two versions of a table: alters and renames in `from`'s column order,
 * then adds in `to`'s order, then drops in `from`'s order.
 */
export function diffColumns(
  from: Table,
  to: Table,
  filter: Filter,
  detectRenames: boolean,
  typeAliases: ReadonlyMap<string, string> = new Map(),
): TableChange[] {
  const keep = (table: Table) =>
    table.columns.filter((column) => !filter.ignored('column', [table.schema, table.name, column.name]));
  const keys = [(column: Column) => column.name];
  if (detectRenames) keys.push((column: Column) => looseName(column.name));
  const pairing = pairUp(keep(from), keep(to), keys);
  const pk = { from: primaryKeyColumns(from), to: primaryKeyColumns(to) };
  const changes: TableChange[] = [];
  for (const pair of pairing.pairs) {
    const aspects = columnAspects(pair.from, pair.to, pk, typeAliases);
    if (pair.pass === 1) changes.push({ kind: 'rename column', from: pair.from, to: pair.to, aspects });
    else if (aspects.length > 0)
      changes.push({ kind: 'alter column', from: pair.from, to: pair.to, aspects });
  }
  for (const column of pairing.onlyTo) changes.push({ kind: 'add column', column });
  for (const column of pairing.onlyFrom) changes.push({ kind: 'drop column', column });
  return changes;
}
