/**
 * The text `gander diff` prints for a change set of `diffModels`: one line per difference,
 * `<object path>: <aspect>: <left value> (<left>) vs <right value> (<right>)`, or
 * `<object path>: only in <side>` for an object one side lacks.
 *
 * Object paths name the object kind and its qualified name (`table public.users`), members after a
 * slash (`table public.users / column email`). Inside a table, differing members come first, then
 * the members only the left side has, then those only the right side has.
 */
import type {
  Change,
  Column,
  Constraint,
  IndexKey,
  IndexLike,
  SourceSpan,
  Table,
  TableChange,
} from '@gander/schema';
import { asIndex, assertNever, changeSubject, formatSpan } from '@gander/schema';

/** How the two sides are named, and whether lines end with the objects' source spans. */
export interface DiffLabels {
  readonly left: string;
  readonly right: string;
  /** End lines with `[left at file:line:column; right at file:line:column]`, the sides whose span is known. */
  readonly spans?: boolean;
}

type Spanned = { readonly span?: SourceSpan };
type Values = (side: 'from' | 'to', aspect: string) => unknown;

/** A value as printed: strings as they are, `(absent)` for nothing, anything else as JSON. */
function show(value: unknown): string {
  return value === undefined ? '(absent)' : typeof value === 'string' ? value : JSON.stringify(value);
}

function spanSuffix(labels: DiffLabels, from: Spanned | undefined, to: Spanned | undefined): string {
  if (!labels.spans) return '';
  const parts: string[] = [];
  if (from?.span) parts.push(`left at ${formatSpan(from.span)}`);
  if (to?.span) parts.push(`right at ${formatSpan(to.span)}`);
  return parts.length > 0 ? ` [${parts.join('; ')}]` : '';
}

function onlyIn(path: string, side: 'from' | 'to', object: Spanned, labels: DiffLabels): string {
  const suffix =
    side === 'from' ? spanSuffix(labels, object, undefined) : spanSuffix(labels, undefined, object);
  return `${path}: only in ${side === 'from' ? labels.left : labels.right}${suffix}`;
}

function aspectLines(
  path: string,
  aspects: readonly string[],
  values: Values,
  sides: { readonly from?: Spanned; readonly to?: Spanned },
  labels: DiffLabels,
): string[] {
  const suffix = spanSuffix(labels, sides.from, sides.to);
  return aspects.map(
    (aspect) =>
      `${path}: ${aspect}: ${show(values('from', aspect))} (${labels.left}) vs ${show(values('to', aspect))} (${labels.right})${suffix}`,
  );
}

/** Text of an index key, as `pg_get_indexdef` orders its parts: `(lower(email)) DESC NULLS LAST`. */
function keyText(key: IndexKey): string {
  let text = key.column ?? `(${key.expression ?? ''})`;
  if (key.collation) text += ` COLLATE ${key.collation}`;
  if (key.opclass) text += ` ${key.opclass}`;
  if (key.order === 'desc') text += ' DESC';
  if (key.nulls !== (key.order === 'desc' ? 'first' : 'last')) text += ` NULLS ${key.nulls.toUpperCase()}`;
  return text;
}

function field(object: object, aspect: string): unknown {
  return (object as Record<string, unknown>)[aspect];
}

function constraintValue(constraint: Constraint, aspect: string): unknown {
  if (aspect === 'deferrable') {
    if (!constraint.deferrable) return 'not deferrable';
    return constraint.initiallyDeferred ? 'deferrable initially deferred' : 'deferrable initially immediate';
  }
  if (aspect === 'elements' && constraint.kind === 'exclusion') {
    return constraint.elements.map((element) => `${keyText(element.key)} WITH ${element.operator}`);
  }
  return field(constraint, aspect);
}

function indexValue(item: IndexLike, aspect: string): unknown {
  const index = asIndex(item);
  return aspect === 'keys' ? index.keys.map(keyText) : field(index, aspect);
}

/** NOT NULL as PostgreSQL stores it: a primary-key column is NOT NULL whatever the source said. */
function columnValue(table: Table | undefined, column: Column, aspect: string): unknown {
  if (aspect !== 'notNull') return field(column, aspect);
  const pk = table?.constraints.find((constraint) => constraint.kind === 'primary key');
  return column.notNull || (pk?.kind === 'primary key' && pk.columns.includes(column.name));
}

function memberName(item: IndexLike): string {
  return 'kind' in item ? `constraint ${item.name}` : `index ${item.name}`;
}

/** Rank of a nested change in the listing: differing members, then left-only, then right-only. */
function nestedRank(change: TableChange): number {
  return change.kind.startsWith('drop') ? 1 : change.kind.startsWith('add') ? 2 : 0;
}

/** The two tables of an `alter table` (views have none: their nested changes are indexes only). */
type Tables = { readonly from: Table; readonly to: Table } | undefined;

function tableChangeLines(owner: string, tables: Tables, change: TableChange, labels: DiffLabels): string[] {
  const path = (member: string) => `${owner} / ${member}`;
  switch (change.kind) {
    case 'add column':
      return [onlyIn(path(`column ${change.column.name}`), 'to', change.column, labels)];
    case 'drop column':
      return [onlyIn(path(`column ${change.column.name}`), 'from', change.column, labels)];
    case 'alter column':
    case 'rename column': {
      const aspects = change.kind === 'rename column' ? ['name', ...change.aspects] : change.aspects;
      const values: Values = (side, aspect) =>
        aspect === 'name' ? change[side].name : columnValue(tables?.[side], change[side], aspect);
      return aspectLines(path(`column ${change.from.name}`), aspects, values, change, labels);
    }
    case 'add constraint':
      return [onlyIn(path(`constraint ${change.constraint.name}`), 'to', change.constraint, labels)];
    case 'drop constraint':
      return [onlyIn(path(`constraint ${change.constraint.name}`), 'from', change.constraint, labels)];
    case 'alter constraint':
    case 'rename constraint': {
      const aspects = change.kind === 'rename constraint' ? ['name'] : change.aspects;
      const values: Values = (side, aspect) => constraintValue(change[side], aspect);
      return aspectLines(path(`constraint ${change.from.name}`), aspects, values, change, labels);
    }
    case 'add index':
      return [onlyIn(path(`index ${change.index.name}`), 'to', change.index, labels)];
    case 'drop index':
      return [onlyIn(path(`index ${change.index.name}`), 'from', change.index, labels)];
    case 'alter index':
    case 'rename index': {
      const aspects = change.kind === 'rename index' ? ['name'] : change.aspects;
      const values: Values = (side, aspect) => indexValue(change[side], aspect);
      return aspectLines(path(memberName(change.from)), aspects, values, change, labels);
    }
    case 'add trigger':
      return [onlyIn(path(`trigger ${change.trigger.name}`), 'to', change.trigger, labels)];
    case 'drop trigger':
      return [onlyIn(path(`trigger ${change.trigger.name}`), 'from', change.trigger, labels)];
    case 'alter trigger': {
      const values: Values = (side, aspect) => field(change[side], aspect);
      return aspectLines(path(`trigger ${change.from.name}`), change.aspects, values, change, labels);
    }
    default:
      return assertNever(change);
  }
}

function nestedLines(
  owner: string,
  tables: Tables,
  changes: readonly TableChange[],
  labels: DiffLabels,
): string[] {
  const ordered = changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) => nestedRank(a.change) - nestedRank(b.change) || a.i - b.i);
  return ordered.flatMap(({ change }) => tableChangeLines(owner, tables, change, labels));
}

/** The lines of one change (see the module doc). */
export function changeLines(change: Change, labels: DiffLabels): string[] {
  const subject = changeSubject(change);
  const path = `${subject.group} ${subject.name}`;
  const plain: Values = (side, aspect) => ('from' in change ? field(change[side], aspect) : undefined);
  switch (change.kind) {
    case 'add schema':
      return [`${path}: only in ${labels.right}`];
    case 'drop schema':
      return [`${path}: only in ${labels.left}`];
    case 'add extension':
      return [onlyIn(path, 'to', change.extension, labels)];
    case 'drop extension':
      return [onlyIn(path, 'from', change.extension, labels)];
    case 'add enum':
      return [onlyIn(path, 'to', change.enum, labels)];
    case 'drop enum':
      return [onlyIn(path, 'from', change.enum, labels)];
    case 'add domain':
      return [onlyIn(path, 'to', change.domain, labels)];
    case 'drop domain':
      return [onlyIn(path, 'from', change.domain, labels)];
    case 'add sequence':
      return [onlyIn(path, 'to', change.sequence, labels)];
    case 'drop sequence':
      return [onlyIn(path, 'from', change.sequence, labels)];
    case 'add table':
      return [onlyIn(path, 'to', change.table, labels)];
    case 'drop table':
      return [onlyIn(path, 'from', change.table, labels)];
    case 'add view':
      return [onlyIn(path, 'to', change.view, labels)];
    case 'drop view':
      return [onlyIn(path, 'from', change.view, labels)];
    case 'add routine':
      return [onlyIn(path, 'to', change.routine, labels)];
    case 'drop routine':
      return [onlyIn(path, 'from', change.routine, labels)];
    case 'alter schema':
      return aspectLines(path, change.aspects, plain, {}, labels);
    case 'alter extension':
    case 'alter enum':
    case 'alter domain':
    case 'alter sequence':
    case 'alter routine':
      return aspectLines(path, change.aspects, plain, change, labels);
    case 'alter table':
    case 'rename table': {
      const name = (table: Table) => `${table.schema}.${table.name}`;
      const aspects = change.kind === 'rename table' ? ['name', ...change.aspects] : change.aspects;
      const values: Values = (side, aspect) =>
        aspect === 'name' ? name(change[side]) : field(change[side], aspect);
      return [
        ...aspectLines(path, aspects, values, change, labels),
        ...nestedLines(path, change, change.changes, labels),
      ];
    }
    case 'rename enum':
      return aspectLines(
        path,
        ['name'],
        (side) => `${change[side].schema}.${change[side].name}`,
        change,
        labels,
      );
    case 'alter view':
      return [
        ...aspectLines(path, change.aspects, plain, change, labels),
        ...nestedLines(path, undefined, change.changes, labels),
      ];
    default:
      return assertNever(change);
  }
}

/** All lines of a change set, in `diffModels` order. */
export function diffLines(changes: readonly Change[], labels: DiffLabels): string[] {
  return changes.flatMap((change) => changeLines(change, labels));
}
