/**
 * SQL statements that apply a change: what a new migration (or a statement on the database) must
 * run to turn the change's `from` side into its `to` side. Rendering is separate from the model on
 * purpose; a change the model cannot rebuild (a view, routine or trigger body, which the model keeps
 * only as a digest) is a `--` comment saying where the definition is.
 */

import type { Change, IndexLike, TableChange } from '../diff/changes.js';
import { routineSignature } from '../diff/routines.js';
import { assertNever } from '../errors.js';
import type { Column, Constraint, QualifiedName } from '../model.js';
import { quoteIdentifier } from '../normalize-type.js';
import {
  collationSql,
  columnDefinition,
  constraintDefinition,
  createIndex,
  createTable,
  defaultSql,
  literal,
  qualified,
} from './sql-text.js';

function commentOn(what: string, comment: string | undefined): string {
  return `COMMENT ON ${what} IS ${comment === undefined ? 'NULL' : literal(comment)};`;
}

/**
 * NOTE: a type change drops the old default first and sets the new one after: PostgreSQL converts a
 * kept default with an assignment cast and refuses one it has none for ("default for column "id"
 * cannot be cast automatically to type uuid", `gen_random_uuid()::text` -> `uuid`).
 */
function alterColumn(table: string, from: Column, to: Column, aspects: readonly string[]): string[] {
  const head = `ALTER TABLE ${table} ALTER COLUMN ${quoteIdentifier(to.name)}`;
  const out: string[] = [];
  const setDefault = () =>
    to.default === undefined ? `${head} DROP DEFAULT;` : `${head} SET DEFAULT ${defaultSql(to)};`;
  const retype = aspects.includes('type') && from.default !== undefined;
  for (const aspect of aspects) {
    if (aspect === 'type') {
      if (retype) out.push(`${head} DROP DEFAULT;`);
      out.push(`${head} TYPE ${to.type} USING ${quoteIdentifier(to.name)}::${to.type};`);
      if (retype && to.default !== undefined) out.push(setDefault());
    } else if (aspect === 'notNull') out.push(`${head} ${to.notNull ? 'SET' : 'DROP'} NOT NULL;`);
    else if (aspect === 'default') {
      if (!retype) out.push(setDefault());
    } else if (aspect === 'identity') {
      if (!to.identity) out.push(`${head} DROP IDENTITY;`);
      else if (!from.identity) out.push(`${head} ADD GENERATED ${to.identity.toUpperCase()} AS IDENTITY;`);
      else out.push(`${head} SET GENERATED ${to.identity.toUpperCase()};`);
    } else if (aspect === 'generated') {
      out.push(
        to.generated === undefined
          ? `${head} DROP EXPRESSION;`
          : `${head} SET EXPRESSION AS (${to.generated}); -- PostgreSQL 17+; before: drop and add the column`,
      );
    } else if (aspect === 'collation')
      out.push(`${head} TYPE ${to.type} COLLATE ${collationSql(to.collation ?? 'pg_catalog.default')};`);
    else if (aspect === 'comment')
      out.push(commentOn(`COLUMN ${table}.${quoteIdentifier(to.name)}`, to.comment));
  }
  return out;
}

function dropConstraint(table: string, constraint: Constraint): string {
  return `ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdentifier(constraint.name)};`;
}

function addConstraint(table: string, constraint: Constraint): string {
  return `ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdentifier(constraint.name)} ${constraintDefinition(constraint)};`;
}

function dropIndexLike(table: string, schema: string, item: IndexLike): string {
  return 'kind' in item
    ? dropConstraint(table, item)
    : `DROP INDEX ${quoteIdentifier(schema)}.${quoteIdentifier(item.name)};`;
}

function addIndexLike(table: string, name: QualifiedName, item: IndexLike): string {
  return 'kind' in item ? addConstraint(table, item) : createIndex(item, name);
}

/** Statements for one nested change of the table (or materialized view) `name`. */
export function tableChangeSql(name: QualifiedName, change: TableChange): string[] {
  const table = qualified(name);
  switch (change.kind) {
    case 'add column':
      return [`ALTER TABLE ${table} ADD COLUMN ${columnDefinition(change.column)};`];
    case 'drop column':
      return [`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(change.column.name)};`];
    case 'alter column':
      return alterColumn(table, change.from, change.to, change.aspects);
    case 'rename column':
      return [
        `ALTER TABLE ${table} RENAME COLUMN ${quoteIdentifier(change.from.name)} TO ${quoteIdentifier(change.to.name)};`,
        ...alterColumn(table, change.from, change.to, change.aspects),
      ];
    case 'add constraint':
      return [addConstraint(table, change.constraint)];
    case 'drop constraint':
      return [dropConstraint(table, change.constraint)];
    case 'alter constraint':
      return [dropConstraint(table, change.from), addConstraint(table, change.to)];
    case 'rename constraint':
      return [
        `ALTER TABLE ${table} RENAME CONSTRAINT ${quoteIdentifier(change.from.name)} TO ${quoteIdentifier(change.to.name)};`,
      ];
    case 'add index':
      return [createIndex(change.index, name)];
    case 'drop index':
      return [`DROP INDEX ${quoteIdentifier(name.schema)}.${quoteIdentifier(change.index.name)};`];
    case 'alter index':
      if (change.aspects.length === 1 && change.aspects[0] === 'comment' && !('kind' in change.to)) {
        return [
          commentOn(
            `INDEX ${quoteIdentifier(name.schema)}.${quoteIdentifier(change.to.name)}`,
            change.to.comment,
          ),
        ];
      }
      return [dropIndexLike(table, name.schema, change.from), addIndexLike(table, name, change.to)];
    case 'rename index':
      return 'kind' in change.from
        ? [
            `ALTER TABLE ${table} RENAME CONSTRAINT ${quoteIdentifier(change.from.name)} TO ${quoteIdentifier(change.to.name)};`,
          ]
        : [
            `ALTER INDEX ${quoteIdentifier(name.schema)}.${quoteIdentifier(change.from.name)} RENAME TO ${quoteIdentifier(change.to.name)};`,
          ];
    case 'add trigger':
    case 'alter trigger': {
      const trigger = change.kind === 'add trigger' ? change.trigger : change.to;
      const drop =
        change.kind === 'alter trigger' ? [`DROP TRIGGER ${quoteIdentifier(trigger.name)} ON ${table};`] : [];
      return [
        ...drop,
        `-- CREATE TRIGGER ${quoteIdentifier(trigger.name)} ... ON ${table}: copy the definition from the source that has it`,
      ];
    }
    case 'drop trigger':
      return [`DROP TRIGGER ${quoteIdentifier(change.trigger.name)} ON ${table};`];
    default:
      return assertNever(change);
  }
}

function copyDefinition(what: string): string {
  return `-- ${what}: copy the definition from the source that has it`;
}

/** Statements for one change; `[]` never (a change always has something to say). */
export function changeSql(change: Change): string[] {
  switch (change.kind) {
    case 'add schema':
      return [`CREATE SCHEMA ${quoteIdentifier(change.schema)};`];
    case 'drop schema':
      return [`DROP SCHEMA ${quoteIdentifier(change.schema)};`];
    case 'alter schema':
      return [commentOn(`SCHEMA ${quoteIdentifier(change.schema)}`, change.to.comment)];
    case 'add extension':
      return [
        `CREATE EXTENSION IF NOT EXISTS ${quoteIdentifier(change.extension.name)} SCHEMA ${quoteIdentifier(change.extension.schema)};`,
      ];
    case 'drop extension':
      return [`DROP EXTENSION ${quoteIdentifier(change.extension.name)};`];
    case 'alter extension':
      return [
        `ALTER EXTENSION ${quoteIdentifier(change.to.name)} SET SCHEMA ${quoteIdentifier(change.to.schema)};`,
      ];
    case 'add enum':
      return [
        `CREATE TYPE ${qualified(change.enum)} AS ENUM (${change.enum.values.map(literal).join(', ')});`,
      ];
    case 'drop enum':
      return [`DROP TYPE ${qualified(change.enum)};`];
    case 'alter enum':
      return alterEnum(change);
    case 'rename enum':
      return [`ALTER TYPE ${qualified(change.from)} RENAME TO ${quoteIdentifier(change.to.name)};`];
    case 'add domain': {
      const d = change.domain;
      let text = `CREATE DOMAIN ${qualified(d)} AS ${d.type}`;
      if (d.collation) text += ` COLLATE ${collationSql(d.collation)}`;
      if (d.default !== undefined) text += ` DEFAULT ${d.default}`;
      if (d.notNull) text += ' NOT NULL';
      for (const check of d.checks)
        text += ` CONSTRAINT ${quoteIdentifier(check.name)} CHECK (${check.expression})`;
      return [`${text};`];
    }
    case 'drop domain':
      return [`DROP DOMAIN ${qualified(change.domain)};`];
    case 'alter domain':
      return [
        `DROP DOMAIN ${qualified(change.from)};`,
        ...changeSql({ kind: 'add domain', domain: change.to }),
      ];
    case 'add sequence':
    case 'alter sequence': {
      const s = change.kind === 'add sequence' ? change.sequence : change.to;
      const verb = change.kind === 'add sequence' ? 'CREATE' : 'ALTER';
      const options = `AS ${s.type} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache}${s.cycle ? ' CYCLE' : ' NO CYCLE'}`;
      const owned = s.ownedBy
        ? ` OWNED BY ${quoteIdentifier(s.ownedBy.schema)}.${quoteIdentifier(s.ownedBy.table)}.${quoteIdentifier(s.ownedBy.column)}`
        : '';
      return [`${verb} SEQUENCE ${qualified(s)} ${options}${owned};`];
    }
    case 'drop sequence':
      return [`DROP SEQUENCE ${qualified(change.sequence)};`];
    case 'add table':
      return createTable(change.table);
    case 'drop table':
      return [`DROP TABLE ${qualified(change.table)};`];
    case 'alter table':
    case 'rename table': {
      const rename =
        change.kind === 'rename table'
          ? [`ALTER TABLE ${qualified(change.from)} RENAME TO ${quoteIdentifier(change.to.name)};`]
          : [];
      const aspects = change.aspects.map((aspect) =>
        aspect === 'comment'
          ? commentOn(`TABLE ${qualified(change.to)}`, change.to.comment)
          : `-- ${aspect} of ${qualified(change.to)} differs: recreate the table as the other source defines it`,
      );
      return [
        ...rename,
        ...aspects,
        ...change.changes.flatMap((nested) => tableChangeSql(change.to, nested)),
      ];
    }
    case 'add view':
      return [
        copyDefinition(
          `CREATE ${change.view.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualified(change.view)}`,
        ),
      ];
    case 'drop view':
      return [`DROP ${change.view.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualified(change.view)};`];
    case 'alter view': {
      const own = change.aspects.map((aspect) =>
        aspect === 'comment'
          ? commentOn(
              `${change.to.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualified(change.to)}`,
              change.to.comment,
            )
          : copyDefinition(`CREATE OR REPLACE VIEW ${qualified(change.to)}`),
      );
      return [...new Set(own), ...change.changes.flatMap((nested) => tableChangeSql(change.to, nested))];
    }
    case 'add routine':
    case 'alter routine': {
      const routine = change.kind === 'add routine' ? change.routine : change.to;
      return [copyDefinition(`CREATE OR REPLACE ${routine.kind.toUpperCase()} ${routineSignature(routine)}`)];
    }
    case 'drop routine':
      return [`DROP ${change.routine.kind.toUpperCase()} ${routineSignature(change.routine)};`];
    default:
      return assertNever(change);
  }
}

function alterEnum(change: Extract<Change, { kind: 'alter enum' }>): string[] {
  const name = qualified(change.to);
  const out: string[] = [];
  if (change.removed.length > 0 || change.reordered) {
    out.push(
      `-- PostgreSQL cannot drop or reorder enum labels: create the type anew and convert the columns`,
    );
    out.push(`ALTER TYPE ${name} RENAME TO ${quoteIdentifier(`${change.to.name}_old`)};`);
    out.push(`CREATE TYPE ${name} AS ENUM (${change.to.values.map(literal).join(', ')});`);
    out.push(
      `-- ALTER TABLE ... ALTER COLUMN ... TYPE ${name} USING ...::text::${name}; for each column of the type`,
    );
    out.push(`DROP TYPE ${quoteIdentifier(change.to.schema)}.${quoteIdentifier(`${change.to.name}_old`)};`);
  } else {
    for (const value of change.added) {
      const index = change.to.values.indexOf(value);
      const after = change.to.values[index - 1];
      const before = change.to.values[index + 1];
      const place =
        after !== undefined
          ? ` AFTER ${literal(after)}`
          : before !== undefined
            ? ` BEFORE ${literal(before)}`
            : '';
      out.push(`ALTER TYPE ${name} ADD VALUE ${literal(value)}${place};`);
    }
  }
  if (change.aspects.includes('comment')) out.push(commentOn(`TYPE ${name}`, change.to.comment));
  return out;
}
