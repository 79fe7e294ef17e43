/**
 * SQL text of model objects, for the SQL fixes: identifiers quoted as PostgreSQL's `quote_ident`
 * quotes them (`quoteIdentifier`: unless all lower case letters, digits and `_`, or a key word other
 * than an unreserved one), column definitions, constraint and index definitions, `CREATE TABLE`.
 *
 * @see https://www.postgresql.org/docs/16/functions-string.html (`quote_ident`)
 */

import { keyText, qualifiedText } from '../diff/equivalence.js';
import type { Column, Constraint, Index, QualifiedName, Table } from '../model.js';
import { quoteIdentifier } from '../normalize-type.js';

/** `schema.name`, each part as `quoteIdentifier` spells it. */
export function qualified(name: QualifiedName): string {
  return `${quoteIdentifier(name.schema)}.${quoteIdentifier(name.name)}`;
}

/**
 * A collation of the model as SQL spells it: `"C"`, `"und-x-icu"`, `app.german`. The model keeps
 * collation names unquoted, `name` or `schema.name` (see `Column.collation`).
 *
 * NOTE: an unquoted `COLLATE C` fails: PostgreSQL folds it to `c`, a collation that does not exist.
 */
export function collationSql(collation: string): string {
  return qualifiedText(collation, quoteIdentifier);
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
  let text = `${quoteIdentifier(column.name)} ${column.type}`;
  if (column.collation) text += ` COLLATE ${collationSql(column.collation)}`;
  if (column.generated !== undefined) text += ` GENERATED ALWAYS AS (${column.generated}) STORED`;
  if (column.identity) text += ` GENERATED ${column.identity.toUpperCase()} AS IDENTITY`;
  if (column.notNull) text += ' NOT NULL';
  if (column.default !== undefined) text += ` DEFAULT ${defaultSql(column)}`;
  return text;
}

const list = (names: readonly string[]) => names.map(quoteIdentifier).join(', ');

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
        (element) => `${keyText(element.key, quoteIdentifier)} WITH ${element.operator}`,
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
  let text = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdentifier(index.name)} ON ${qualified(table)}`;
  if (index.method !== 'btree') text += ` USING ${index.method}`;
  text += ` (${index.keys.map((key) => keyText(key, quoteIdentifier)).join(', ')})`;
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
      (constraint) => `CONSTRAINT ${quoteIdentifier(constraint.name)} ${constraintDefinition(constraint)}`,
    ),
  ];
  let head = `CREATE TABLE ${qualified(table)} (\n  ${lines.join(',\n  ')}\n)`;
  if (table.partitionKey) head += ` PARTITION BY ${table.partitionKey}`;
  return [`${head};`, ...table.indexes.map((index) => createIndex(index, table))];
}
