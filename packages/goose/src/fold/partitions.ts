import type { Constraint, Index } from '@gander/schema';
import { chooseRelationName, indexColumnNames, nameAddition } from './names.js';
import type { FoldState, TableState } from './state.js';

/** The partitions of a partitioned table (direct children). */
export function partitionsOf(state: FoldState, parent: TableState): TableState[] {
  return [...state.tables.values()].filter(
    (t) => t.partitionOf?.schema === parent.schema && t.partitionOf.name === parent.name,
  );
}

function keyNames(keys: readonly { readonly column?: string }[]): string[] {
  return indexColumnNames(keys.map((k) => k.column ?? 'expr'));
}

/**
 * Clones an index-backed constraint (primary key, unique, exclusion) of a partitioned table onto a
 * partition, named as `DefineIndex` names the partition's index, and recurses into sub-partitions.
 * The clone's span is `span` (default: the statement's).
 */
export function cloneConstraintToPartition(
  state: FoldState,
  partition: TableState,
  c: Constraint,
  span = state.span,
): void {
  let name: string;
  if (c.kind === 'primary key')
    name = chooseRelationName(state, partition.schema, partition.name, undefined, 'pkey', true);
  else if (c.kind === 'unique')
    name = chooseRelationName(
      state,
      partition.schema,
      partition.name,
      nameAddition(indexColumnNames(c.columns)),
      'key',
      true,
    );
  else if (c.kind === 'exclusion') {
    name = chooseRelationName(
      state,
      partition.schema,
      partition.name,
      nameAddition(keyNames(c.elements.map((e) => e.key))),
      'excl',
      true,
    );
  } else if (c.kind === 'foreign key' || c.kind === 'check') name = c.name;
  else return;
  const { comment: _c, ...rest } = c;
  partition.constraints = partition.constraints.filter((x) => x.name !== name);
  partition.constraints.push({ ...rest, name, span });
  for (const child of partitionsOf(state, partition)) cloneConstraintToPartition(state, child, c, span);
}

/** Clones a plain index of a partitioned table onto a partition (and its sub-partitions). */
export function cloneIndexToPartition(state: FoldState, partition: TableState, index: Index): void {
  const name = chooseRelationName(
    state,
    partition.schema,
    partition.name,
    nameAddition(keyNames(index.keys)),
    'idx',
    false,
  );
  const { comment: _c, ...rest } = index;
  partition.indexes.push({ ...rest, name, span: state.span });
  for (const child of partitionsOf(state, partition)) cloneIndexToPartition(state, child, index);
}

/** Gives a new partition the parent's index-backed constraints and indexes (`CREATE TABLE ... PARTITION OF`, `ATTACH`). */
export function cloneIndexesToPartition(state: FoldState, parent: TableState, partition: TableState): void {
  for (const c of parent.constraints) {
    if (c.kind === 'primary key' || c.kind === 'unique' || c.kind === 'exclusion')
      cloneConstraintToPartition(state, partition, c);
  }
  for (const index of parent.indexes) cloneIndexToPartition(state, partition, index);
}
