/**
 * The finding codes: stable names users put in policies and baselines. Never rename one; add new
 * ones. The table below is the documentation (README "Finding codes" copies it).
 *
 * "first" / "second" are the two sources of a comparison in the order migrations, prisma,
 * database (with three sources: the culprit is "second").
 *
 * | code                  | default | what differs |
 * |-----------------------|---------|--------------|
 * | `table-missing`       | error   | the second source lacks a table the first has |
 * | `table-extra`         | error   | the second source has a table the first lacks |
 * | `table-name`          | error   | the same table under another name (`@@map` missing or mistyped) |
 * | `table-definition`    | warning | partitioning, inheritance or table kind |
 * | `column-missing`      | error   | the second source lacks a column |
 * | `column-extra`        | error   | the second source has a column the first lacks |
 * | `column-name`         | error   | a column named alike but for case and `_` (`@map` missing) |
 * | `column-type`         | error   | type class or native type (`text` vs `uuid`, `timestamp(3)` vs `timestamptz(6)`) |
 * | `column-nullability`  | error   | NOT NULL on one side only |
 * | `column-default`      | warning | the database default |
 * | `client-default`      | info    | Prisma fills the value in (`uuid()`, `@updatedAt`); the other source has a database default |
 * | `column-identity`     | warning | `GENERATED ... AS IDENTITY` |
 * | `column-generated`    | warning | `GENERATED ALWAYS AS (...) STORED` |
 * | `column-collation`    | warning | the column collation |
 * | `primary-key`         | error   | primary key missing, extra, or on other columns |
 * | `unique-missing`      | error   | the second source lacks a unique constraint / unique index |
 * | `unique-extra`        | error   | the second source has a unique constraint / index the first lacks |
 * | `index-missing`       | warning | the second source lacks an index |
 * | `index-extra`         | warning | the second source has an index the first lacks |
 * | `index-definition`    | warning | the same index with other keys, method, predicate or INCLUDE |
 * | `index-unique`        | error   | the same index, unique on one side only |
 * | `index-name`          | warning | the same index (or unique constraint) under another name |
 * | `constraint-name`     | warning | the same constraint (primary, foreign, check) under another name |
 * | `fk-missing`          | error   | the second source lacks a foreign key |
 * | `fk-extra`            | error   | the second source has a foreign key the first lacks |
 * | `fk-actions`          | error   | ON DELETE / ON UPDATE actions |
 * | `fk-definition`       | error   | the same foreign key with other columns, target or MATCH |
 * | `constraint-options`  | warning | DEFERRABLE, NOT VALID, NO INHERIT |
 * | `constraint-missing`  | warning | the second source lacks a check or exclusion constraint |
 * | `constraint-extra`    | warning | the second source has a check or exclusion constraint the first lacks |
 * | `constraint-definition` | warning | a check's expression or an exclusion's elements |
 * | `enum-missing`        | error   | the second source lacks an enum type |
 * | `enum-extra`          | error   | the second source has an enum type the first lacks |
 * | `enum-values`         | error   | labels added or removed |
 * | `enum-order`          | warning | the same labels in another order |
 * | `enum-name`           | error   | the same labels under another name (`@@map` missing or mistyped on a Prisma enum) |
 * | `view-missing` / `view-extra` / `view-definition` | warning | views and materialized views |
 * | `routine-missing` / `routine-extra` / `routine-definition` | warning | functions and procedures |
 * | `trigger-missing` / `trigger-extra` / `trigger-definition` | warning | triggers |
 * | `sequence-missing` / `sequence-extra` / `sequence-definition` | warning | sequences not owned by a column |
 * | `domain-missing` / `domain-extra` / `domain-definition` | warning | domains |
 * | `extension-missing` / `extension-extra` / `extension-schema` | warning | extensions |
 * | `schema-missing` / `schema-extra` | warning | schemas (namespaces) |
 * | `comment`             | info    | a comment (`COMMENT ON`); not reported against Prisma, which has none |
 * | `unmodelled-object`   | info    | the Prisma side lacks something it does not model: functions, triggers, views, check and exclusion constraints, expression / partial / operator-class indexes, sequences, domains, schemas, extensions it does not declare (Prisma declares them only with the `postgresqlExtensions` preview feature), identity, generated columns, collations, DEFERRABLE / NOT VALID, partitioning |
 */
import type { Severity } from './types.js';

const PRESENCE_WARNING = ['view', 'routine', 'trigger', 'sequence', 'domain', 'extension', 'schema'] as const;

/** Every finding code with its default severity and a one-line summary. */
export const FINDING_CODES = {
  'table-missing': { severity: 'error', summary: 'table missing' },
  'table-extra': { severity: 'error', summary: 'table not in the other source' },
  'table-name': { severity: 'error', summary: 'table name differs' },
  'table-definition': { severity: 'warning', summary: 'table partitioning or inheritance differs' },
  'column-missing': { severity: 'error', summary: 'column missing' },
  'column-extra': { severity: 'error', summary: 'column not in the other source' },
  'column-name': { severity: 'error', summary: 'column name differs' },
  'column-type': { severity: 'error', summary: 'column type differs' },
  'column-nullability': { severity: 'error', summary: 'column nullability differs' },
  'column-default': { severity: 'warning', summary: 'column default differs' },
  'client-default': { severity: 'info', summary: 'Prisma client-side default beside a database default' },
  'column-identity': { severity: 'warning', summary: 'identity differs' },
  'column-generated': { severity: 'warning', summary: 'generated column differs' },
  'column-collation': { severity: 'warning', summary: 'column collation differs' },
  'primary-key': { severity: 'error', summary: 'primary key differs' },
  'unique-missing': { severity: 'error', summary: 'unique constraint missing' },
  'unique-extra': { severity: 'error', summary: 'unique constraint not in the other source' },
  'index-missing': { severity: 'warning', summary: 'index missing' },
  'index-extra': { severity: 'warning', summary: 'index not in the other source' },
  'index-definition': { severity: 'warning', summary: 'index definition differs' },
  'index-unique': { severity: 'error', summary: 'index uniqueness differs' },
  'index-name': { severity: 'warning', summary: 'index name differs' },
  'constraint-name': { severity: 'warning', summary: 'constraint name differs' },
  'fk-missing': { severity: 'error', summary: 'foreign key missing' },
  'fk-extra': { severity: 'error', summary: 'foreign key not in the other source' },
  'fk-actions': { severity: 'error', summary: 'foreign key actions differ' },
  'fk-definition': { severity: 'error', summary: 'foreign key definition differs' },
  'constraint-options': { severity: 'warning', summary: 'constraint options differ' },
  'constraint-missing': { severity: 'warning', summary: 'constraint missing' },
  'constraint-extra': { severity: 'warning', summary: 'constraint not in the other source' },
  'constraint-definition': { severity: 'warning', summary: 'constraint definition differs' },
  'enum-missing': { severity: 'error', summary: 'enum missing' },
  'enum-extra': { severity: 'error', summary: 'enum not in the other source' },
  'enum-values': { severity: 'error', summary: 'enum values differ' },
  'enum-order': { severity: 'warning', summary: 'enum value order differs' },
  'enum-name': { severity: 'error', summary: 'enum name differs' },
  ...presence('view'),
  ...presence('routine'),
  ...presence('trigger'),
  ...presence('sequence'),
  ...presence('domain'),
  'extension-missing': { severity: 'warning', summary: 'extension missing' },
  'extension-extra': { severity: 'warning', summary: 'extension not in the other source' },
  'extension-schema': { severity: 'warning', summary: 'extension schema differs' },
  'schema-missing': { severity: 'warning', summary: 'schema missing' },
  'schema-extra': { severity: 'warning', summary: 'schema not in the other source' },
  comment: { severity: 'info', summary: 'comment differs' },
  'unmodelled-object': { severity: 'info', summary: 'not expressible in Prisma' },
} as const satisfies Record<string, { readonly severity: Severity; readonly summary: string }>;

type Presence<K extends string> = {
  readonly [C in `${K}-missing` | `${K}-extra` | `${K}-definition`]: {
    readonly severity: 'warning';
    readonly summary: string;
  };
};

function presence<K extends (typeof PRESENCE_WARNING)[number]>(kind: K): Presence<K> {
  return {
    [`${kind}-missing`]: { severity: 'warning', summary: `${kind} missing` },
    [`${kind}-extra`]: { severity: 'warning', summary: `${kind} not in the other source` },
    [`${kind}-definition`]: { severity: 'warning', summary: `${kind} definition differs` },
  } as Presence<K>;
}

/** A stable finding code (see the table in the module doc). */
export type FindingCode = keyof typeof FINDING_CODES;

/** Every code, in table order. */
export const ALL_FINDING_CODES = Object.keys(FINDING_CODES) as FindingCode[];

/** True for a string that is a finding code (config and baseline validation). */
export function isFindingCode(value: string): value is FindingCode {
  return Object.hasOwn(FINDING_CODES, value);
}

/** The code's family, shared by `x-missing` and `x-extra` (`x-presence`): the first part of a finding key. */
export function codeFamily(code: FindingCode): string {
  return code.replace(/-(missing|extra)$/, '-presence');
}
