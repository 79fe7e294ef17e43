/**
 * A column type change where foreign keys involve the column. PostgreSQL rebuilds such a key when
 * either of its columns changes type and refuses when the two no longer match ("foreign key
 * constraint "sessions_user_id_fkey" cannot be implemented: Key columns "user_id" and "id" are of
 * incompatible types: text and uuid"), so the fix drops the keys, changes the column and the
 * columns at their other ends that the target also retypes (following keys from those in turn),
 * and adds the keys back as they were. Each such fix runs on its own and after the others (a
 * column already of its type is changed to the same type).
 *
 * @see https://www.postgresql.org/docs/16/sql-altertable.html (`SET DATA TYPE`)
 */
import { sameType } from '../diff/equivalence.js';
import type { Column, ForeignKeyConstraint, Model, QualifiedName, Table } from '../model.js';
import { quoteIdentifier } from '../normalize-type.js';
import { tableChangeSql } from './sql-fix.js';
import { constraintDefinition, qualified } from './sql-text.js';

interface ColumnRef {
  readonly table: Table;
  readonly column: Column;
}

const sameName = (a: QualifiedName, b: QualifiedName) => a.schema === b.schema && a.name === b.name;
/** A table's identity as a map key (no PostgreSQL name holds a NUL). */
const tableKey = (name: QualifiedName) => `${name.schema}\u0000${name.name}`;

/**
 * The lookups {@link withForeignKeys} makes in one model, built once per model: its tables by name
 * (the first of a name, as a scan finds it) and its foreign keys by each column on either end, in
 * table and constraint order.
 */
interface ModelIndex {
  readonly tables: ReadonlyMap<string, Table>;
  readonly keys: ReadonlyMap<string, readonly { table: Table; key: ForeignKeyConstraint }[]>;
}

const modelIndexes = new WeakMap<Model, ModelIndex>();

function indexOf(model: Model): ModelIndex {
  let index = modelIndexes.get(model);
  if (index) return index;
  const tables = new Map<string, Table>();
  const keys = new Map<string, { table: Table; key: ForeignKeyConstraint }[]>();
  const add = (end: QualifiedName, column: string, table: Table, key: ForeignKeyConstraint) => {
    const id = `${tableKey(end)}\u0000${column}`;
    const list = keys.get(id);
    if (!list) keys.set(id, [{ table, key }]);
    else if (list[list.length - 1]?.key !== key) list.push({ table, key });
  };
  for (const t of model.tables) {
    if (!tables.has(tableKey(t))) tables.set(tableKey(t), t);
    for (const key of t.constraints) {
      if (key.kind !== 'foreign key') continue;
      for (const column of key.columns) add(t, column, t, key);
      for (const column of key.references.columns) add(key.references, column, t, key);
    }
  }
  index = { tables, keys };
  modelIndexes.set(model, index);
  return index;
}

const tableOf = (model: Model, name: QualifiedName) => indexOf(model).tables.get(tableKey(name));
const columnOf = (table: Table | undefined, name: string) => table?.columns.find((c) => c.name === name);

/** The foreign keys of `model` with `column` of `table` on either end, each with its own table. */
function keysAt(
  model: Model,
  table: QualifiedName,
  column: string,
): readonly { table: Table; key: ForeignKeyConstraint }[] {
  return indexOf(model).keys.get(`${tableKey(table)}\u0000${column}`) ?? [];
}

/** The columns `key` pairs with `column` of `table` (the other end of each pair that has it). */
function partners(
  model: Model,
  owner: Table,
  key: ForeignKeyConstraint,
  table: QualifiedName,
  column: string,
): ColumnRef[] {
  const out: ColumnRef[] = [];
  key.columns.forEach((local, i) => {
    const remote = key.references.columns[i] as string;
    const ends: [QualifiedName, string, QualifiedName, string][] = [
      [owner, local, key.references, remote],
      [key.references, remote, owner, local],
    ];
    for (const [aTable, aColumn, bTable, bColumn] of ends) {
      if (!sameName(aTable, table) || aColumn !== column) continue;
      const t = tableOf(model, bTable);
      const c = columnOf(t, bColumn);
      if (t && c) out.push({ table: t, column: c });
    }
  });
  return out;
}

/**
 * `statements` (the type change of `column` of `table` in `source`) wrapped so that it runs where
 * foreign keys involve the column: the keys dropped first, the partner columns `target` retypes
 * changed too, the keys added back last. `statements` as they are when no key involves the column.
 */
export function withForeignKeys(
  source: Model,
  target: Model,
  table: QualifiedName,
  column: string,
  statements: readonly string[],
): string[] {
  const keys = new Map<string, { table: Table; key: ForeignKeyConstraint }>();
  const retyped: ColumnRef[] = [];
  const seen = new Set<string>([`${tableKey(table)}\u0000${column}`]);
  const queue: { table: QualifiedName; column: string }[] = [{ table, column }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const found of keysAt(source, next.table, next.column)) {
      keys.set(`${tableKey(found.table)}\u0000${found.key.name}`, found);
      for (const partner of partners(source, found.table, found.key, next.table, next.column)) {
        const id = `${tableKey(partner.table)}\u0000${partner.column.name}`;
        const wanted = columnOf(tableOf(target, partner.table), partner.column.name);
        if (seen.has(id) || !wanted || sameType(wanted.type, partner.column.type)) continue;
        seen.add(id);
        retyped.push(partner);
        queue.push({ table: partner.table, column: partner.column.name });
      }
    }
  }
  if (keys.size === 0) return [...statements];
  const drops = [...keys.values()].map(
    ({ table: t, key }) => `ALTER TABLE ${qualified(t)} DROP CONSTRAINT ${quoteIdentifier(key.name)};`,
  );
  const partnerStatements = retyped.flatMap(({ table: t, column: from }) => {
    const wanted = columnOf(tableOf(target, t), from.name) as Column;
    const { default: _old, ...rest } = from;
    const to: Column = {
      ...rest,
      type: wanted.type,
      ...(wanted.default !== undefined ? { default: wanted.default } : {}),
    };
    return tableChangeSql(t, { kind: 'alter column', from, to, aspects: ['type'] });
  });
  const adds = [...keys.values()].map(
    ({ table: t, key }) =>
      `ALTER TABLE ${qualified(t)} ADD CONSTRAINT ${quoteIdentifier(key.name)} ${constraintDefinition(key)};`,
  );
  return [...drops, ...statements, ...partnerStatements, ...adds];
}
