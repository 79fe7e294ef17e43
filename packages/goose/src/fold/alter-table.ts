import type { Column, SourceSpan } from '@gander/schema';
import type {
  AlterTableCmd,
  AlterTableStmt,
  ColumnDef,
  Constraint,
  Node,
  PartitionCmd,
  RangeVar,
} from 'libpg-query';
import { as, rangeVar } from './ast.js';
import { canonicalDefault, canonicalExpr, canonicalType } from './canonical.js';
import { addIdentity, buildColumn, withDefault } from './columns.js';
import { addConstraints } from './constraints.js';
import { dropColumn, dropConstraint, dropIdentitySequence } from './drop-dependents.js';
import { listStarts } from './locations.js';
import { cloneConstraintToPartition, cloneIndexesToPartition, partitionsOf } from './partitions.js';
import { buildSequence, readSequenceOptions } from './sequences.js';
import { type FoldState, key, type TableState } from './state.js';
import { partitionBound } from './tables.js';

/**
 * `ALTER TABLE [IF EXISTS] [ONLY] t <action>, ...`: every action that changes the model (columns,
 * defaults, NOT NULL, types, identity, generated expressions, constraints, inheritance, partitions).
 * Actions outside the model (owner, storage, RLS, statistics, options, ...) are ignored.
 *
 * @see https://www.postgresql.org/docs/16/sql-altertable.html
 */
export function alterTable(state: FoldState, stmt: AlterTableStmt): void {
  const target = rangeVar(stmt.relation);
  // ALTER INDEX / SEQUENCE / VIEW / MATERIALIZED VIEW reach here only for actions outside the model.
  if (stmt.objtype !== 'OBJECT_TABLE' && stmt.objtype !== 'OBJECT_FOREIGN_TABLE') return;
  const table = state.table(target.schema, target.name);
  if (!table) return;
  const cmds = stmt.cmds ?? [];
  let starts: readonly number[] | undefined;
  cmds.forEach((node, i) => {
    const cmd = as<AlterTableCmd>(node, 'AlterTableCmd');
    if (!cmd) return;
    // Actions carry no location: where each starts comes from the tokens, scanned only when needed.
    const placed = PLACED_BY_ACTION.has(cmd.subtype ?? '');
    if (placed)
      starts ??= listStarts(state.text, stmt.relation?.location, cmds.length, state.statementEnd) ?? [];
    applyCommand(
      state,
      table,
      cmd,
      stmt.relation?.inh !== false,
      placed ? state.at(starts?.[i]) : state.span,
    );
  });
  table.span = state.span;
}

/** Actions whose objects (columns, constraints, partitions) take the span of the action's own text. */
const PLACED_BY_ACTION = new Set([
  'AT_ColumnDefault',
  'AT_SetNotNull',
  'AT_DropNotNull',
  'AT_AlterColumnType',
  'AT_ValidateConstraint',
  'AT_AlterConstraint',
  'AT_AddIdentity',
  'AT_SetIdentity',
  'AT_DropIdentity',
  'AT_DropExpression',
  'AT_SetExpression',
  'AT_AttachPartition',
  'AT_DetachPartition',
  'AT_DetachPartitionFinalize',
]);

function updateColumn(
  table: TableState,
  name: string | undefined,
  change: (c: Column) => Column,
  span: SourceSpan,
): void {
  table.columns = table.columns.map((c) => (c.name === name ? { ...change(c), span } : c));
}

/**
 * Applies one action to the table and, where PostgreSQL recurses, to its partitions and children;
 * `span` is the action's (columns it changes take it; `ADD COLUMN` / `ADD CONSTRAINT` place what
 * they add at its own definition).
 */
function applyCommand(
  state: FoldState,
  table: TableState,
  cmd: AlterTableCmd,
  recurse: boolean,
  span: SourceSpan,
): void {
  const children = recurse ? childrenOf(state, table) : [];
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      const def = as<ColumnDef>(cmd.def, 'ColumnDef');
      if (!def || table.columns.some((c) => c.name === def.colname)) return;
      const { column, pending } = buildColumn(state, table, def);
      table.columns.push(column);
      addConstraints(state, table, pending, { creating: false });
      for (const child of children) {
        if (!child.columns.some((c) => c.name === column.name)) {
          const { identity: _i, comment: _c, ...rest } = column;
          child.columns.push(rest);
        }
      }
      return;
    }
    case 'AT_ColumnDefault':
      for (const t of [table, ...children]) {
        updateColumn(
          t,
          cmd.name,
          (c) => {
            const { default: _d, ...rest } = c;
            return cmd.def ? withDefault(rest, canonicalDefault(state, cmd.def)) : rest;
          },
          span,
        );
      }
      return;
    case 'AT_SetNotNull':
      for (const t of [table, ...children]) updateColumn(t, cmd.name, (c) => ({ ...c, notNull: true }), span);
      return;
    case 'AT_DropNotNull':
      for (const t of [table, ...children])
        updateColumn(t, cmd.name, (c) => ({ ...c, notNull: false }), span);
      return;
    case 'AT_AlterColumnType': {
      const def = as<ColumnDef>(cmd.def, 'ColumnDef');
      if (!def?.typeName) return;
      const type = canonicalType(state, def.typeName);
      const collation = def.collClause ? def.collClause.collname : undefined;
      for (const t of [table, ...children]) {
        updateColumn(
          t,
          cmd.name,
          (c) => {
            const { collation: _old, ...rest } = c;
            const names = (collation ?? []).map((n) => as<{ sval?: string }>(n, 'String')?.sval ?? '');
            return names.length
              ? { ...rest, type, collation: names[names.length - 1] as string }
              : { ...rest, type };
          },
          span,
        );
        for (const seq of state.sequences.values()) {
          if (
            seq.ownedBy?.table === t.name &&
            seq.ownedBy.schema === t.schema &&
            seq.ownedBy.column === cmd.name
          ) {
            const column = t.columns.find((c) => c.name === cmd.name);
            if (column?.identity)
              state.sequences.set(key(seq.schema, seq.name), {
                ...buildSequence(seq.schema, seq.name, { type }, seq),
                span,
              });
          }
        }
      }
      return;
    }
    case 'AT_DropColumn':
      for (const t of [table, ...children]) dropColumn(state, t, cmd.name ?? '');
      return;
    case 'AT_AddConstraint': {
      const c = as<Constraint>(cmd.def, 'Constraint');
      if (!c) return;
      if (c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE') {
        const index = c.indexname ? table.indexes.find((i) => i.name === c.indexname) : undefined;
        if (index) {
          table.indexes = table.indexes.filter((i) => i !== index);
          const columns = index.keys.map((k) => ({ String: { sval: k.column ?? '' } }) as Node);
          addConstraints(
            state,
            table,
            [{ node: { ...c, conname: c.conname ?? index.name, keys: columns, indexname: undefined } }],
            { creating: false },
          );
          return;
        }
      }
      const before = new Set(table.constraints.map((x) => x.name));
      addConstraints(state, table, [{ node: c }], { creating: false });
      const added = table.constraints.filter((x) => !before.has(x.name));
      for (const child of table.kind === 'partitioned table' ? partitionsOf(state, table) : children) {
        for (const a of added)
          if (a.kind !== 'check' || !a.noInherit) cloneConstraintToPartition(state, child, a, a.span);
      }
      return;
    }
    case 'AT_DropConstraint':
      for (const t of [table, ...children]) dropConstraint(state, t, cmd.name ?? '');
      return;
    case 'AT_ValidateConstraint':
      for (const t of [table, ...children]) {
        t.constraints = t.constraints.map((c) =>
          c.name === cmd.name && (c.kind === 'check' || c.kind === 'foreign key')
            ? { ...c, validated: true, span }
            : c,
        );
      }
      return;
    case 'AT_AlterConstraint': {
      const c = as<Constraint>(cmd.def, 'Constraint');
      if (!c) return;
      table.constraints = table.constraints.map((x) =>
        x.name === c.conname
          ? { ...x, deferrable: c.deferrable === true, initiallyDeferred: c.initdeferred === true, span }
          : x,
      );
      return;
    }
    case 'AT_AddIdentity': {
      const c = as<Constraint>(cmd.def, 'Constraint');
      const column = table.columns.find((x) => x.name === cmd.name);
      if (!c || !column) return;
      const updated = addIdentity(state, table, column, c, span);
      updateColumn(table, cmd.name, () => updated, span);
      return;
    }
    case 'AT_SetIdentity': {
      const options = (cmd.def ? (as<{ items?: Node[] }>(cmd.def, 'List')?.items ?? []) : []) as Node[];
      for (const o of options) {
        const d = as<{ defname?: string; arg?: Node }>(o, 'DefElem');
        if (d?.defname === 'generated') {
          const always = (as<{ ival?: number }>(d.arg, 'Integer')?.ival ?? 0) === 'a'.charCodeAt(0);
          updateColumn(table, cmd.name, (c) => ({ ...c, identity: always ? 'always' : 'by default' }), span);
        }
      }
      const seq = [...state.sequences.values()].find(
        (s) =>
          s.ownedBy?.schema === table.schema &&
          s.ownedBy.table === table.name &&
          s.ownedBy.column === cmd.name,
      );
      if (seq)
        state.sequences.set(key(seq.schema, seq.name), {
          ...buildSequence(seq.schema, seq.name, readSequenceOptions(state, options), seq),
          span,
        });
      return;
    }
    case 'AT_DropIdentity':
      updateColumn(
        table,
        cmd.name,
        (c) => {
          const { identity: _i, ...rest } = c;
          return rest;
        },
        span,
      );
      dropIdentitySequence(state, table, cmd.name ?? '');
      return;
    case 'AT_DropExpression':
      for (const t of [table, ...children]) {
        updateColumn(
          t,
          cmd.name,
          (c) => {
            const { generated: _g, ...rest } = c;
            return rest;
          },
          span,
        );
      }
      return;
    case 'AT_SetExpression':
      if (cmd.def) {
        const generated = canonicalExpr(state, cmd.def);
        for (const t of [table, ...children]) updateColumn(t, cmd.name, (c) => ({ ...c, generated }), span);
      }
      return;
    case 'AT_AddInherit': {
      const ref = rangeVar(as<RangeVar>(cmd.def, 'RangeVar'));
      const parent = state.table(ref.schema, ref.name);
      if (parent) table.inherits.push({ schema: parent.schema, name: parent.name });
      return;
    }
    case 'AT_DropInherit': {
      const ref = rangeVar(as<RangeVar>(cmd.def, 'RangeVar'));
      const parent = state.table(ref.schema, ref.name);
      if (parent)
        table.inherits = table.inherits.filter(
          (p) => !(p.schema === parent.schema && p.name === parent.name),
        );
      return;
    }
    case 'AT_AttachPartition': {
      const pc = as<PartitionCmd>(cmd.def, 'PartitionCmd');
      const ref = rangeVar(pc?.name);
      const partition = state.table(ref.schema, ref.name);
      if (!pc || !partition || !pc.bound) return;
      partition.partitionOf = {
        schema: table.schema,
        name: table.name,
        bound: partitionBound(state, pc.bound, table),
      };
      partition.span = span;
      cloneIndexesToPartition(state, table, partition);
      for (const c of table.constraints) {
        if (
          (c.kind === 'foreign key' || (c.kind === 'check' && !c.noInherit)) &&
          !partition.constraints.some((x) => x.name === c.name)
        ) {
          partition.constraints.push({ ...c, span });
        }
      }
      return;
    }
    case 'AT_DetachPartition':
    case 'AT_DetachPartitionFinalize': {
      const pc = as<PartitionCmd>(cmd.def, 'PartitionCmd');
      const ref = rangeVar(pc?.name);
      const partition = state.table(ref.schema, ref.name);
      if (partition?.partitionOf) {
        delete partition.partitionOf;
        partition.span = span;
      }
      return;
    }
    default:
      return;
  }
}

/** Tables that inherit from or are partitions of `table` (PostgreSQL recurses most actions into them). */
function childrenOf(state: FoldState, table: TableState): TableState[] {
  return [...state.tables.values()].filter(
    (t) =>
      (t.partitionOf?.schema === table.schema && t.partitionOf.name === table.name) ||
      t.inherits.some((p) => p.schema === table.schema && p.name === table.name),
  );
}
