/**
 * `diffModels(from, to, options)`: the change set that turns `from` into `to` (see `changes.ts`).
 *
 * Order: object kinds in model order (schemas, extensions, enums, domains, sequences, tables,
 * views, routines), then by schema-qualified name, then drop / rename / alter / add; nested table
 * changes in the order columns, constraints, indexes, triggers.
 */
import { assertNever } from '../errors.js';
import type { Model } from '../model.js';
import type { Change } from './changes.js';
import { diffDomains } from './domains.js';
import { diffEnums, enumTypeAliases } from './enums.js';
import { sortBy } from './match.js';
import { type DiffOptions, makeFilter } from './options.js';
import { diffRoutines, routineSignature } from './routines.js';
import { diffExtensions, diffSchemas } from './schemas.js';
import { diffSequences } from './sequences.js';
import { diffTables } from './tables.js';
import { diffViews } from './views.js';

const GROUPS = ['schema', 'extension', 'enum', 'domain', 'sequence', 'table', 'view', 'routine'] as const;
const VERBS = ['drop', 'rename', 'alter', 'add'] as const;

/** The object a change is about, as `[group, qualified name]`. */
export function changeSubject(change: Change): { group: (typeof GROUPS)[number]; name: string } {
  switch (change.kind) {
    case 'add schema':
    case 'drop schema':
    case 'alter schema':
      return { group: 'schema', name: change.schema };
    case 'add extension':
    case 'drop extension':
      return { group: 'extension', name: change.extension.name };
    case 'add enum':
    case 'drop enum':
      return { group: 'enum', name: `${change.enum.schema}.${change.enum.name}` };
    case 'add domain':
    case 'drop domain':
      return { group: 'domain', name: `${change.domain.schema}.${change.domain.name}` };
    case 'add sequence':
    case 'drop sequence':
      return { group: 'sequence', name: `${change.sequence.schema}.${change.sequence.name}` };
    case 'add table':
    case 'drop table':
      return { group: 'table', name: `${change.table.schema}.${change.table.name}` };
    case 'add view':
    case 'drop view':
      return { group: 'view', name: `${change.view.schema}.${change.view.name}` };
    case 'add routine':
    case 'drop routine':
      return { group: 'routine', name: routineSignature(change.routine) };
    case 'alter extension':
      return { group: 'extension', name: change.from.name };
    case 'alter enum':
    case 'rename enum':
      return { group: 'enum', name: `${change.from.schema}.${change.from.name}` };
    case 'alter domain':
      return { group: 'domain', name: `${change.from.schema}.${change.from.name}` };
    case 'alter sequence':
      return { group: 'sequence', name: `${change.from.schema}.${change.from.name}` };
    case 'alter table':
    case 'rename table':
      return { group: 'table', name: `${change.from.schema}.${change.from.name}` };
    case 'alter view':
      return { group: 'view', name: `${change.from.schema}.${change.from.name}` };
    case 'alter routine':
      return { group: 'routine', name: routineSignature(change.from) };
    default:
      return assertNever(change);
  }
}

/** The sort key of a change (see the module doc). */
export function changeOrderKey(change: Change): string {
  const subject = changeSubject(change);
  const verb = VERBS.indexOf(change.kind.split(' ')[0] as (typeof VERBS)[number]);
  return `${GROUPS.indexOf(subject.group)}\u0000${subject.name}\u0000${verb}`;
}

/**
 * Compares two models and returns the changes that turn `from` into `to`, in the documented order.
 * Pure; models are read, never changed. Spans never count.
 *
 * Equivalences applied: canonical types by `typeKey` (a time type's precision 6 == none), a unique
 * constraint == its unique index, a primary-key column is NOT NULL; an index or constraint that
 * differs only by name is one `rename` change; with `detectRenames`, an enum under another name with
 * the same labels is one `rename enum`, and the columns of its type do not differ by type. Bookkeeping tables are left out unless
 * `options.includeBookkeeping`; `options.ignore` leaves out objects by pattern.
 *
 * @see https://atlasgo.io/ (Atlas's `schema diff`, whose change set this follows)
 */
export function diffModels(from: Model, to: Model, options: DiffOptions = {}): Change[] {
  const filter = makeFilter(options);
  const detectRenames = options.detectRenames ?? true;
  const enums = diffEnums(from, to, filter, detectRenames);
  const changes = [
    ...diffSchemas(from, to, filter),
    ...diffExtensions(from, to, filter),
    ...enums,
    ...diffDomains(from, to, filter),
    ...diffSequences(from, to, filter),
    ...diffTables(from, to, filter, detectRenames, enumTypeAliases(enums)),
    ...diffViews(from, to, filter),
    ...diffRoutines(from, to, filter),
  ];
  return sortBy(changes, changeOrderKey);
}
