/**
 * SQL text of model objects, for the SQL fixes: identifiers quoted as PostgreSQL needs, column
 * definitions, constraint and index definitions, `CREATE TABLE`.
 *
 * @see https://www.postgresql.org/docs/16/sql-keywords-appendix.html (reserved key words)
 */

import { keyText } from '../diff/equivalence.js';
import type { Column, Constraint, Index, QualifiedName, Table } from '../model.js';

/** Key words that cannot be bare column or table names (PostgreSQL "reserved" and "reserved (can be function or type)"). */
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation ' +
    'column concurrently constraint create cross current_catalog current_date current_role current_schema current_time ' +
    'current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze ' +
    'from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit ' +
    'localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references ' +
    'returning right select session_user similar some symmetric system_user table tablesample then to trailing true union ' +
    'unique user using variadic verbose when where window with'
  ).split(' '),
);

/** An identifier as SQL must spell it: bare when PostgreSQL would fold it to itself, else quoted. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `schema.name`, each part as `ident` spells it. */
export function qualified(name: QualifiedName): string {
  return `${ident(name.schema)}.${ident(name.name)}`;
}

/** A string literal: `'it''s'`. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The column's default as SQL that stands alone: the canonical text, with the column type added to
 * an `ARRAY[...]` constructor (canonical defaults drop that cast, but `ARRAY[]` has no type without
 * it: "cannot determine type of empty array").
 */
export function defaultSql(column: Column): string | undefined {
  const text = column.default;
  if (text === undefined) return undefined;
  return /^ARRAY\[.*\]$/s.test(text) && column.type.endsWith('[]') ? `${text}::${column.type}` : text;
}

/** A column definition as in `CREATE TABLE` / `ADD COLUMN`: `email text NOT NULL DEFAULT ''::text`. */
export function columnDefinition(column: Column): string {
  let text = `${ident(column.name)} ${column.type}`;
  if (column.collation) text += ` COLLATE ${column.collation}`;
  if (column.generated !== undefined) text += ` GENERATED ALWAYS AS (${column.generated}) STORED`;
  if (column.identity) text += ` GENERATED ${column.identity.toUpperCase()} AS IDENTITY`;
  if (column.notNull) text += ' NOT NULL';
  if (column.default !== undefined) text += ` DEFAULT ${defaultSql(column)}`;
  return text;
}

const list = (names: readonly string[]) => names.map(ident).join(', ');

/** The body of `ADD CONSTRAINT name <body>`. */
export function constraintDefinition(constraint: Constraint): string {
  let text: string;
  switch (constraint.kind) {
    case 'primary key':
    case 'unique': {
      const head = constraint.kind === 'primary key' ? 'PRIMARY KEY' : 'UNIQUE';
      const nulls = constraint.kind === 'unique' && constraint.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
      text = `${head}${nulls} (${list(constraint.columns)})`;
      if (constraint.include.length > 0) text += ` INCLUDE (${list(constraint.include)})`;
      break;
    }
    case 'foreign key': {
      const ref = constraint.references;
      text = `FOREIGN KEY (${list(constraint.columns)}) REFERENCES ${qualified(ref)} (${list(ref.columns)})`;
      if (constraint.match !== 'simple') text += ` MATCH ${constraint.match.toUpperCase()}`;
      if (constraint.onUpdate !== 'no action') text += ` ON UPDATE ${constraint.onUpdate.toUpperCase()}`;
      if (constraint.onDelete !== 'no action') text += ` ON DELETE ${constraint.onDelete.toUpperCase()}`;
      break;
    }
    case 'check':
      text = `CHECK (${constraint.expression})${constraint.noInherit ? ' NO INHERIT' : ''}`;
      break;
    case 'exclusion': {
      const elements = constraint.elements.map(
        (element) => `${keyText(element.key, ident)} WITH ${element.operator}`,
      );
      text = `EXCLUDE USING ${constraint.method} (${elements.join(', ')})`;
      if (constraint.predicate !== undefined) text += ` WHERE (${constraint.predicate})`;
      break;
    }
  }
  if (constraint.deferrable)
    text += ` DEFERRABLE INITIALLY ${constraint.initiallyDeferred ? 'DEFERRED' : 'IMMEDIATE'}`;
  if ((constraint.kind === 'foreign key' || constraint.kind === 'check') && !constraint.validated)
    text += ' NOT VALID';
  return text;
}

/** `CREATE [UNIQUE] INDEX name ON table USING method (keys) ...;` */
export function createIndex(index: Index, table: QualifiedName): string {
  let text = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${ident(index.name)} ON ${qualified(table)}`;
  if (index.method !== 'btree') text += ` USING ${index.method}`;
  text += ` (${index.keys.map((key) => keyText(key, ident)).join(', ')})`;
  if (index.include.length > 0) text += ` INCLUDE (${list(index.include)})`;
  if (index.nullsNotDistinct) text += ' NULLS NOT DISTINCT';
  if (index.predicate !== undefined) text += ` WHERE (${index.predicate})`;
  return `${text};`;
}

/** `CREATE TABLE` with columns and constraints (foreign keys included), then its indexes. */
export function createTable(table: Table): string[] {
  const lines = [
    ...table.columns.map(columnDefinition),
    ...table.constraints.map(
      (constraint) => `CONSTRAINT ${ident(constraint.name)} ${constraintDefinition(constraint)}`,
    ),
  ];
  let head = `CREATE TABLE ${qualified(table)} (\n  ${lines.join(',\n  ')}\n)`;
  if (table.partitionKey) head += ` PARTITION BY ${table.partitionKey}`;
  return [`${head};`, ...table.indexes.map((index) => createIndex(index, table))];
}
