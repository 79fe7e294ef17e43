import type { Index } from '@gander/schema';
import type { IndexElem, IndexStmt, Node } from 'libpg-query';
import { as, rangeVar } from './ast.js';
import { canonicalExpr } from './canonical.js';
import { indexKey, keyNameForIndexName } from './index-keys.js';
import { chooseRelationName, indexColumnNames, nameAddition } from './names.js';
import { cloneIndexToPartition, partitionsOf } from './partitions.js';
import { type FoldState, key } from './state.js';

function elems(nodes: readonly Node[] | undefined): IndexElem[] {
  return (nodes ?? [])
    .map((n) => as<IndexElem>(n, 'IndexElem'))
    .filter((e): e is IndexElem => e !== undefined);
}

/**
 * `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] t [USING m] (...)
 * [INCLUDE (...)] [NULLS [NOT] DISTINCT] [WHERE ...]` on a table or materialized view. An unnamed
 * index is named as `ChooseIndexName` does (`<table>_<columns>_idx`, INCLUDE columns counted); on a
 * partitioned table the index is cloned onto every partition unless `ONLY` is given.
 *
 * @see https://www.postgresql.org/docs/16/sql-createindex.html
 */
export function createIndex(state: FoldState, stmt: IndexStmt): void {
  const target = rangeVar(stmt.relation);
  const table = state.table(target.schema, target.name);
  const view = table ? undefined : viewFor(state, target.schema, target.name);
  const owner = table ?? view;
  if (!owner) return;
  const method = stmt.accessMethod ?? 'btree';
  const keys = elems(stmt.indexParams);
  const include = elems(stmt.indexIncludingParams);
  if (stmt.idxname && state.relationExists(owner.schema, stmt.idxname)) return;
  const name =
    stmt.idxname ??
    chooseRelationName(
      state,
      owner.schema,
      owner.name,
      nameAddition(indexColumnNames([...keys, ...include].map(keyNameForIndexName))),
      'idx',
      false,
    );
  const index: Index = {
    name,
    unique: stmt.unique === true,
    method,
    keys: keys.map((e) => indexKey(state, e, method)),
    include: include.map((e) => e.name ?? ''),
    ...(stmt.whereClause ? { predicate: canonicalExpr(state, stmt.whereClause) } : {}),
    nullsNotDistinct: stmt.nulls_not_distinct === true,
    span: state.span,
  };
  owner.indexes.push(index);
  owner.span = state.span;
  if (table && table.kind === 'partitioned table' && stmt.relation?.inh !== false) {
    for (const partition of partitionsOf(state, table)) cloneIndexToPartition(state, partition, index);
  }
}

function viewFor(state: FoldState, schema: string | undefined, name: string) {
  const found = state.resolve(schema, name, (k) => state.views.has(k));
  return found ? state.views.get(key(found.schema, found.name)) : undefined;
}
