import type {
  ExclusionConstraint,
  MatchType,
  Constraint as ModelConstraint,
  ReferentialAction,
} from '@gander/schema';
import type { Constraint, IndexElem, Node } from 'libpg-query';
import { as, rangeVar, strs, walk } from './ast.js';
import { canonicalExpr } from './canonical.js';
import { indexKey, keyNameForIndexName } from './index-keys.js';
import { chooseConstraintName, chooseRelationName, indexColumnNames, nameAddition } from './names.js';
import type { FoldState, TableState } from './state.js';

/** A constraint clause waiting to be added, with the column it was written on (column constraints). */
export interface PendingConstraint {
  readonly node: Constraint;
  readonly column?: string;
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};
const MATCHES: Readonly<Record<string, MatchType>> = { s: 'simple', f: 'full', p: 'partial' };

/** Kinds of constraint clause that become a model constraint. */
export function isModelledConstraint(c: Constraint): boolean {
  return ['CONSTR_CHECK', 'CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_EXCLUSION', 'CONSTR_FOREIGN'].includes(
    c.contype ?? '',
  );
}

/** Distinct column names an expression references (`pull_var_clause`, for naming CHECK constraints). */
function referencedColumns(expr: Node | undefined): string[] {
  const out = new Set<string>();
  walk(expr, (type, payload) => {
    if (type === 'ColumnRef') {
      const fields = strs(payload.fields as Node[]);
      const last = fields[fields.length - 1];
      if (last !== undefined) out.add(last);
    }
    if (type === 'SubLink') return false;
  });
  return [...out];
}

/**
 * Adds constraint clauses to a table in the order PostgreSQL creates them (CHECK constraints with the
 * table, then the indexes of PRIMARY KEY / UNIQUE / EXCLUDE, then FOREIGN KEYs), naming unnamed ones
 * as PostgreSQL does. Each constraint's span is its clause's (`Constraint.location`: the
 * `CONSTRAINT name` or the constraint keyword, on the column for a column constraint).
 *
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/parser/parse_utilcmd.c
 */
export function addConstraints(
  state: FoldState,
  table: TableState,
  pending: readonly PendingConstraint[],
  options: { readonly creating: boolean },
): void {
  const checkNames = new Set<string>();
  for (const p of pending)
    if (p.node.contype === 'CONSTR_CHECK') addCheck(state, table, p, options.creating, checkNames);
  const indexKinds = ['CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_EXCLUSION'];
  const indexed = pending.filter((p) => indexKinds.includes(p.node.contype ?? ''));
  const primary = indexed.find((p) => p.node.contype === 'CONSTR_PRIMARY');
  for (const p of indexed) {
    if (
      p !== primary &&
      primary &&
      p.node.contype === 'CONSTR_UNIQUE' &&
      !p.node.conname &&
      sameKeys(p, primary)
    )
      continue;
    addIndexConstraint(state, table, p);
  }
  for (const p of pending)
    if (p.node.contype === 'CONSTR_FOREIGN') addForeignKey(state, table, p, options.creating);
}

function keysOf(p: PendingConstraint): string[] {
  return p.column !== undefined && !p.node.keys?.length ? [p.column] : strs(p.node.keys);
}

function sameKeys(a: PendingConstraint, b: PendingConstraint): boolean {
  return keysOf(a).join('\u0000') === keysOf(b).join('\u0000');
}

function base(c: Constraint) {
  return { deferrable: c.deferrable === true, initiallyDeferred: c.initdeferred === true };
}

function addCheck(
  state: FoldState,
  table: TableState,
  p: PendingConstraint,
  creating: boolean,
  taken: Set<string>,
): void {
  const c = p.node;
  const columns = referencedColumns(c.raw_expr);
  const name =
    c.conname ??
    chooseConstraintName(
      state,
      table.schema,
      table.name,
      columns.length === 1 ? columns[0] : undefined,
      'check',
      taken,
    );
  taken.add(name);
  const expression = c.raw_expr ? canonicalExpr(state, c.raw_expr) : 'true';
  push(table, {
    kind: 'check',
    name,
    ...base(c),
    expression,
    noInherit: c.is_no_inherit === true,
    validated: creating || c.skip_validation !== true,
    span: state.at(c.location),
  });
}

function addIndexConstraint(state: FoldState, table: TableState, p: PendingConstraint): void {
  const c = p.node;
  const columns = keysOf(p);
  const include = strs(c.including);
  if (c.contype === 'CONSTR_PRIMARY') {
    const name =
      c.conname ??
      c.indexname ??
      chooseRelationName(state, table.schema, table.name, undefined, 'pkey', true);
    for (const column of columns) setNotNull(table, column);
    push(table, { kind: 'primary key', name, ...base(c), columns, include, span: state.at(c.location) });
    return;
  }
  if (c.contype === 'CONSTR_UNIQUE') {
    const name =
      c.conname ??
      c.indexname ??
      chooseRelationName(
        state,
        table.schema,
        table.name,
        nameAddition(indexColumnNames([...columns, ...include])),
        'key',
        true,
      );
    push(table, {
      kind: 'unique',
      name,
      ...base(c),
      columns,
      include,
      nullsNotDistinct: c.nulls_not_distinct === true,
      span: state.at(c.location),
    });
    return;
  }
  const method = c.access_method ?? 'btree';
  const elements: ExclusionConstraint['elements'][number][] = [];
  const names: string[] = [];
  for (const pair of c.exclusions ?? []) {
    const items = as<{ items?: Node[] }>(pair, 'List')?.items ?? [];
    const elem = as<IndexElem>(items[0], 'IndexElem');
    if (!elem) continue;
    const operators = strs(as<{ items?: Node[] }>(items[1], 'List')?.items);
    elements.push({ key: indexKey(state, elem, method), operator: operators[operators.length - 1] ?? '=' });
    names.push(keyNameForIndexName(elem));
  }
  const name =
    c.conname ??
    chooseRelationName(
      state,
      table.schema,
      table.name,
      nameAddition(indexColumnNames([...names, ...strs(c.including)])),
      'excl',
      true,
    );
  push(table, {
    kind: 'exclusion',
    name,
    ...base(c),
    method,
    elements,
    ...(c.where_clause ? { predicate: canonicalExpr(state, c.where_clause) } : {}),
    span: state.at(c.location),
  });
}

function addForeignKey(state: FoldState, table: TableState, p: PendingConstraint, creating: boolean): void {
  const c = p.node;
  const columns = p.column !== undefined && !c.fk_attrs?.length ? [p.column] : strs(c.fk_attrs);
  const target = rangeVar(c.pktable);
  const referenced = state.table(target.schema, target.name);
  const refSchema = referenced?.schema ?? target.schema ?? state.creationSchema();
  let refColumns = strs(c.pk_attrs);
  if (refColumns.length === 0 && referenced) {
    const pk = referenced.constraints.find((k) => k.kind === 'primary key');
    refColumns = pk && pk.kind === 'primary key' ? [...pk.columns] : [];
  }
  const name =
    c.conname ?? chooseConstraintName(state, table.schema, table.name, nameAddition(columns), 'fkey');
  push(table, {
    kind: 'foreign key',
    name,
    ...base(c),
    columns,
    references: { schema: refSchema, name: target.name, columns: refColumns },
    onUpdate: ACTIONS[c.fk_upd_action ?? 'a'] ?? 'no action',
    onDelete: ACTIONS[c.fk_del_action ?? 'a'] ?? 'no action',
    match: MATCHES[c.fk_matchtype ?? 's'] ?? 'simple',
    validated: creating || c.skip_validation !== true,
    span: state.at(c.location),
  });
}

function push(table: TableState, constraint: ModelConstraint): void {
  table.constraints = table.constraints.filter((k) => k.name !== constraint.name);
  table.constraints.push(constraint);
}

/** Marks a column NOT NULL (primary keys, identity, serial). */
export function setNotNull(table: TableState, column: string): void {
  table.columns = table.columns.map((c) => (c.name === column ? { ...c, notNull: true } : c));
}
