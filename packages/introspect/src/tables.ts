import {
  type Column,
  type Constraint,
  GanderError,
  type MatchType,
  type ReferentialAction,
  type Table,
} from '@gander/schema';
import type { ColumnRow, ConstraintRow, TableRow } from './catalog-rows.js';
import { type ExpressionContext, liveDefault, liveExpression } from './expressions.js';
import { indexFromRow, indexKeyFromRow } from './indexes.js';
import { triggerFromRow } from './triggers.js';

/**
 * Maps one table row with its columns, constraints, indexes and triggers. Expressions are normalised
 * with the table's column types (`ExpressionContext.columns`).
 * @throws GanderError DB_QUERY on an unknown catalog code or an expression that does not normalise.
 */
export function tableFromRow(row: TableRow, defaultSchema: string): Table {
  const where = `"${row.schema}"."${row.name}"`;
  const context: ExpressionContext = {
    defaultSchema,
    columns: Object.fromEntries((row.columns ?? []).map((c) => [c.name, c.type])),
  };
  return {
    schema: row.schema,
    name: row.name,
    kind: row.relkind === 'p' ? 'partitioned table' : 'table',
    ...(row.partkey !== null ? { partitionKey: row.partkey } : {}),
    ...(row.partition_of !== null ? { partitionOf: { ...row.partition_of } } : {}),
    inherits: (row.inherits ?? []).map((p) => ({ schema: p.schema, name: p.name })),
    columns: (row.columns ?? []).map((c) => columnFromRow(c, where, context)),
    constraints: (row.constraints ?? []).map((c) => constraintFromRow(c, where, context)),
    indexes: (row.indexes ?? []).map((i) => indexFromRow(i, where, context)),
    triggers: (row.triggers ?? []).map((t) => triggerFromRow(t, where, defaultSchema, context.columns)),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}

/**
 * Maps one `pg_attribute` row. `attgenerated` `s` (and PostgreSQL 18's virtual `v`) puts the
 * expression in `generated`; otherwise it is the default.
 */
export function columnFromRow(row: ColumnRow, table: string, context: ExpressionContext): Column {
  const generated = row.generated !== '';
  const where = `column "${row.name}" of ${table}`;
  return {
    name: row.name,
    type: row.type,
    notNull: row.notnull,
    ...(row.expression !== null && !generated
      ? { default: liveDefault(row.expression, `default of ${where}`, context) }
      : {}),
    ...(row.identity === 'a' ? { identity: 'always' as const } : {}),
    ...(row.identity === 'd' ? { identity: 'by default' as const } : {}),
    ...(row.expression !== null && generated
      ? { generated: liveExpression(row.expression, `generation expression of ${where}`, context) }
      : {}),
    ...(row.collation !== null ? { collation: row.collation } : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};
const MATCHES: Record<string, MatchType> = { s: 'simple', f: 'full', p: 'partial' };

function lookup<T>(table: Record<string, T>, code: string, what: string): T {
  const value = table[code];
  if (value === undefined)
    throw new GanderError('DB_QUERY', `introspect: ${what}: unknown catalog code '${code}'`);
  return value;
}

/** Maps one `pg_constraint` row (`contype` p, u, f, c or x). @throws GanderError DB_QUERY on any other code. */
export function constraintFromRow(row: ConstraintRow, table: string, context: ExpressionContext): Constraint {
  const where = `constraint "${row.name}" of ${table}`;
  const base = {
    name: row.name,
    deferrable: row.deferrable,
    initiallyDeferred: row.deferred,
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
  const columns = row.columns ?? [];
  switch (row.contype) {
    case 'p':
      return { ...base, kind: 'primary key', columns, include: row.index?.include ?? [] };
    case 'u':
      return {
        ...base,
        kind: 'unique',
        columns,
        include: row.index?.include ?? [],
        nullsNotDistinct: row.index?.nulls_not_distinct ?? false,
      };
    case 'f': {
      if (!row.references)
        throw new GanderError('DB_QUERY', `introspect: ${where}: foreign key without a referenced table`);
      return {
        ...base,
        kind: 'foreign key',
        columns,
        references: {
          schema: row.references.schema,
          name: row.references.name,
          columns: row.references.columns ?? [],
        },
        onUpdate: lookup(ACTIONS, row.update_action, where),
        onDelete: lookup(ACTIONS, row.delete_action, where),
        match: lookup(MATCHES, row.match, where),
        validated: row.validated,
      };
    }
    case 'c':
      return {
        ...base,
        kind: 'check',
        expression: liveExpression(row.expression ?? '', where, context),
        noInherit: row.noinherit,
        validated: row.validated,
      };
    case 'x': {
      const keys = row.index?.keys ?? [];
      const operators = row.operators ?? [];
      return {
        ...base,
        kind: 'exclusion',
        method: row.index?.method ?? 'btree',
        elements: keys.map((key, i) => ({
          key: indexKeyFromRow(key, where, context),
          operator: operators[i] ?? '',
        })),
        ...(row.index?.predicate
          ? { predicate: liveExpression(row.index.predicate, `predicate of ${where}`, context) }
          : {}),
      };
    }
    default:
      throw new GanderError('DB_QUERY', `introspect: ${where}: unknown constraint type '${row.contype}'`);
  }
}
