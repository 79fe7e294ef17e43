/**
 * Table changes: `add table`, `drop table`, `alter table` (table aspects plus nested column,
 * constraint, index and trigger changes) and the heuristic `rename table`.
 */
import type { Constraint, Model, Table } from '../model.js';
import type { Change, IndexLike, TableAspect, TableChange } from './changes.js';
import { diffColumns, looseName } from './columns.js';
import { diffConstraints } from './constraints.js';
import { differingAspects, isIndexLike } from './equivalence.js';
import { diffIndexes } from './indexes.js';
import { pairUp } from './match.js';
import type { Filter } from './options.js';
import { diffTriggers } from './triggers.js';

const TABLE_ASPECTS: readonly TableAspect[] = ['kind', 'partitionKey', 'partitionOf', 'inherits', 'comment'];

/** A table name with case, `_` and a plural ending (`s`, `ies`) taken off: `Users` ~ `user`. */
export function looseTableName(name: string): string {
  return looseName(name).replace(/ies$/, 'y').replace(/s$/, '');
}

/** Levenshtein distance, for `@@map` typos. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + cost));
    }
    row = next;
  }
  return row[b.length] as number;
}

function columnOverlap(a: Table, b: Table): number {
  const names = new Set(a.columns.map((column) => column.name));
  const shared = b.columns.filter((column) => names.has(column.name)).length;
  const total = new Set([...names, ...b.columns.map((column) => column.name)]).size;
  return total === 0 ? 0 : shared / total;
}

/**
 * The nested changes of a table pair, in the order columns, constraints, indexes, triggers.
 * Constraints and indexes are paired with the renamed columns (`rename column`) read under their
 * `to` names, so a key on a renamed column is the same key, not one dropped and one added.
 */
export function diffTableMembers(
  from: Table,
  to: Table,
  filter: Filter,
  detectRenames: boolean,
  typeAliases: ReadonlyMap<string, string> = new Map(),
): TableChange[] {
  const member =
    (kind: 'constraint' | 'index' | 'trigger', table: Table) => (item: { readonly name: string }) =>
      !filter.ignored(kind, [table.schema, table.name, item.name]);
  const split = (table: Table) => {
    const constraints = table.constraints.filter(member('constraint', table));
    const indexLikes: IndexLike[] = [
      ...constraints.filter((constraint) => isIndexLike(constraint)).map((c) => c as IndexLike),
      ...table.indexes.filter(member('index', table)),
    ];
    const others: Constraint[] = constraints.filter((constraint) => !isIndexLike(constraint));
    return { indexLikes, others, triggers: table.triggers.filter(member('trigger', table)) };
  };
  const a = split(from);
  const b = split(to);
  const columns = diffColumns(from, to, filter, detectRenames, typeAliases);
  const renamed = new Map<string, string>();
  for (const change of columns)
    if (change.kind === 'rename column') renamed.set(change.from.name, change.to.name);
  return [
    ...columns,
    ...diffConstraints(a.others, b.others, renamed),
    ...diffIndexes(a.indexLikes, b.indexLikes, renamed),
    ...diffTriggers(a.triggers, b.triggers),
  ];
}

function renamePairs(onlyFrom: readonly Table[], onlyTo: readonly Table[]) {
  const columnSet = (table: Table) =>
    table.columns.length >= 2
      ? `${table.schema}.${table.columns
          .map((c) => c.name)
          .sort()
          .join(',')}`
      : undefined;
  const pairing = pairUp(onlyFrom, onlyTo, [
    (table) => `${table.schema}.${looseTableName(table.name)}`,
    columnSet,
  ]);
  const pairs = [...pairing.pairs];
  const freeTo = [...pairing.onlyTo];
  const freeFrom: Table[] = [];
  for (const table of pairing.onlyFrom) {
    const i = freeTo.findIndex(
      (other) =>
        other.schema === table.schema &&
        editDistance(table.name, other.name) <= 2 &&
        columnOverlap(table, other) >= 0.5,
    );
    if (i < 0) freeFrom.push(table);
    else pairs.push({ from: table, to: freeTo.splice(i, 1)[0] as Table, pass: 2 });
  }
  return { pairs, onlyFrom: freeFrom, onlyTo: freeTo };
}

/**
 * The table changes of two models, unordered (`diffModels` sorts them). `typeAliases` maps `from`
 * column types to the `to` types they stand for (renamed enums, see `enumTypeAliases`).
 */
export function diffTables(
  from: Model,
  to: Model,
  filter: Filter,
  detectRenames: boolean,
  typeAliases: ReadonlyMap<string, string> = new Map(),
): Change[] {
  const keep = (model: Model) =>
    model.tables.filter((table) => !filter.ignored('table', [table.schema, table.name]));
  const exact = pairUp(keep(from), keep(to), [(table) => `${table.schema}.${table.name}`]);
  const renamed = detectRenames
    ? renamePairs(exact.onlyFrom, exact.onlyTo)
    : { pairs: [], onlyFrom: exact.onlyFrom, onlyTo: exact.onlyTo };
  const changes: Change[] = [];
  for (const pair of exact.pairs) {
    const aspects = differingAspects(pair.from, pair.to, TABLE_ASPECTS);
    const nested = diffTableMembers(pair.from, pair.to, filter, detectRenames, typeAliases);
    if (aspects.length > 0 || nested.length > 0) {
      changes.push({ kind: 'alter table', from: pair.from, to: pair.to, aspects, changes: nested });
    }
  }
  for (const pair of renamed.pairs) {
    const aspects = differingAspects(pair.from, pair.to, TABLE_ASPECTS);
    const nested = diffTableMembers(pair.from, pair.to, filter, detectRenames, typeAliases);
    changes.push({ kind: 'rename table', from: pair.from, to: pair.to, aspects, changes: nested });
  }
  for (const table of renamed.onlyTo) changes.push({ kind: 'add table', table });
  for (const table of renamed.onlyFrom) changes.push({ kind: 'drop table', table });
  return changes;
}
