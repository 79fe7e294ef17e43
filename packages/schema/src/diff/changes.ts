/**
 * The change set `diffModels(from, to)` returns: what turns `from` into `to`, as plain data.
 *
 * Modelled after Atlas's `sql/schema` changes (`AddTable`, `DropTable`, `ModifyTable` with nested
 * `AddColumn`/`ModifyColumn`/`RenameIndex`..., each `Modify*` carrying both sides and a bit set of
 * what changed), as a discriminated union on `kind`:
 * - `add X` carries the object only `to` has, `drop X` the object only `from` has;
 * - `alter X` carries both sides and `aspects`, the non-empty, sorted list of fields that differ;
 * - `rename X` carries both sides of an object whose definition is equal and whose name is not.
 *
 * Unique constraints and unique indexes are one thing when they say the same (see `asIndex`), so a
 * pair of them that differ only by name is a `rename index` whose sides are `IndexLike`.
 *
 * @see https://github.com/ariga/atlas/blob/master/sql/schema/migrate.go (the change kinds followed)
 */
import type {
  Column,
  Constraint,
  Domain,
  EnumType,
  Extension,
  Index,
  Routine,
  Sequence,
  SourceSpan,
  Table,
  Trigger,
  UniqueConstraint,
  View,
} from '../model.js';

/** A unique constraint or an index; `'kind' in x` tells them apart. */
export type IndexLike = Index | UniqueConstraint;

/** Fields of a `Column` that `alter column` compares (`span` never). */
export type ColumnAspect =
  | 'type'
  | 'notNull'
  | 'default'
  | 'identity'
  | 'generated'
  | 'collation'
  | 'comment';

/** Fields of a constraint that `alter constraint` compares; `name` only when matched by definition. */
export type ConstraintAspect =
  | 'name'
  | 'columns'
  | 'include'
  | 'nullsNotDistinct'
  | 'references'
  | 'onUpdate'
  | 'onDelete'
  | 'match'
  | 'validated'
  | 'deferrable'
  | 'expression'
  | 'noInherit'
  | 'method'
  | 'elements'
  | 'predicate'
  | 'comment';

/** Fields of an index that `alter index` compares; `name` only when matched by key columns. */
export type IndexAspect =
  | 'name'
  | 'unique'
  | 'method'
  | 'keys'
  | 'include'
  | 'predicate'
  | 'nullsNotDistinct'
  | 'comment';

export type TriggerAspect =
  | 'timing'
  | 'events'
  | 'updateColumns'
  | 'level'
  | 'function'
  | 'digest'
  | 'comment';
export type TableAspect = 'kind' | 'partitionKey' | 'partitionOf' | 'inherits' | 'comment';
export type DomainAspect = 'type' | 'notNull' | 'default' | 'collation' | 'checks' | 'comment';
export type SequenceAspect =
  | 'type'
  | 'start'
  | 'increment'
  | 'min'
  | 'max'
  | 'cache'
  | 'cycle'
  | 'ownedBy'
  | 'comment';
export type ViewAspect = 'materialized' | 'digest' | 'columns' | 'comment';
export type RoutineAspect = 'kind' | 'returns' | 'language' | 'digest' | 'comment';
export type EnumAspect = 'values' | 'comment';

/** A change inside one table (or, for indexes, one materialized view). */
export type TableChange =
  | { readonly kind: 'add column'; readonly column: Column }
  | { readonly kind: 'drop column'; readonly column: Column }
  | {
      readonly kind: 'alter column';
      readonly from: Column;
      readonly to: Column;
      readonly aspects: readonly ColumnAspect[];
    }
  /** Heuristic (see `DiffOptions.detectRenames`): names equal but for case and `_`; `aspects` may be empty. */
  | {
      readonly kind: 'rename column';
      readonly from: Column;
      readonly to: Column;
      readonly aspects: readonly ColumnAspect[];
    }
  | { readonly kind: 'add constraint'; readonly constraint: Constraint }
  | { readonly kind: 'drop constraint'; readonly constraint: Constraint }
  | {
      readonly kind: 'alter constraint';
      readonly from: Constraint;
      readonly to: Constraint;
      readonly aspects: readonly ConstraintAspect[];
    }
  | { readonly kind: 'rename constraint'; readonly from: Constraint; readonly to: Constraint }
  | { readonly kind: 'add index'; readonly index: Index }
  | { readonly kind: 'drop index'; readonly index: Index }
  | {
      readonly kind: 'alter index';
      readonly from: IndexLike;
      readonly to: IndexLike;
      readonly aspects: readonly IndexAspect[];
    }
  | { readonly kind: 'rename index'; readonly from: IndexLike; readonly to: IndexLike }
  | { readonly kind: 'add trigger'; readonly trigger: Trigger }
  | { readonly kind: 'drop trigger'; readonly trigger: Trigger }
  | {
      readonly kind: 'alter trigger';
      readonly from: Trigger;
      readonly to: Trigger;
      readonly aspects: readonly TriggerAspect[];
    };

/** One change of the model; see the module doc for the add / drop / alter / rename convention. */
export type Change =
  | { readonly kind: 'add schema'; readonly schema: string; readonly span?: SourceSpan }
  | { readonly kind: 'drop schema'; readonly schema: string; readonly span?: SourceSpan }
  | {
      readonly kind: 'alter schema';
      readonly schema: string;
      readonly from: { readonly comment?: string };
      readonly to: { readonly comment?: string };
      readonly aspects: readonly 'comment'[];
    }
  | { readonly kind: 'add extension'; readonly extension: Extension }
  | { readonly kind: 'drop extension'; readonly extension: Extension }
  | {
      readonly kind: 'alter extension';
      readonly from: Extension;
      readonly to: Extension;
      readonly aspects: readonly 'schema'[];
    }
  | { readonly kind: 'add enum'; readonly enum: EnumType }
  | { readonly kind: 'drop enum'; readonly enum: EnumType }
  | {
      readonly kind: 'alter enum';
      readonly from: EnumType;
      readonly to: EnumType;
      readonly aspects: readonly EnumAspect[];
      /** Labels only `to` has, in `to`'s order. */
      readonly added: readonly string[];
      /** Labels only `from` has, in `from`'s order. */
      readonly removed: readonly string[];
      /** True when the labels both have are in another relative order. */
      readonly reordered: boolean;
    }
  /**
   * Heuristic (see `DiffOptions.detectRenames`): the same labels in the same order under another
   * name (an enum Prisma names `ConsentStatus` without `@@map("consent_status")`).
   */
  | { readonly kind: 'rename enum'; readonly from: EnumType; readonly to: EnumType }
  | { readonly kind: 'add domain'; readonly domain: Domain }
  | { readonly kind: 'drop domain'; readonly domain: Domain }
  | {
      readonly kind: 'alter domain';
      readonly from: Domain;
      readonly to: Domain;
      readonly aspects: readonly DomainAspect[];
    }
  | { readonly kind: 'add sequence'; readonly sequence: Sequence }
  | { readonly kind: 'drop sequence'; readonly sequence: Sequence }
  | {
      readonly kind: 'alter sequence';
      readonly from: Sequence;
      readonly to: Sequence;
      readonly aspects: readonly SequenceAspect[];
    }
  | { readonly kind: 'add table'; readonly table: Table }
  | { readonly kind: 'drop table'; readonly table: Table }
  | {
      readonly kind: 'alter table';
      readonly from: Table;
      readonly to: Table;
      /** Table-level aspects that differ (may be empty when only `changes` has entries). */
      readonly aspects: readonly TableAspect[];
      readonly changes: readonly TableChange[];
    }
  /** Heuristic (see `DiffOptions.detectRenames`); `changes` compares the two tables as `alter table` does. */
  | {
      readonly kind: 'rename table';
      readonly from: Table;
      readonly to: Table;
      readonly aspects: readonly TableAspect[];
      readonly changes: readonly TableChange[];
    }
  | { readonly kind: 'add view'; readonly view: View }
  | { readonly kind: 'drop view'; readonly view: View }
  | {
      readonly kind: 'alter view';
      readonly from: View;
      readonly to: View;
      readonly aspects: readonly ViewAspect[];
      /** Index changes of a materialized view. */
      readonly changes: readonly TableChange[];
    }
  | { readonly kind: 'add routine'; readonly routine: Routine }
  | { readonly kind: 'drop routine'; readonly routine: Routine }
  | {
      readonly kind: 'alter routine';
      readonly from: Routine;
      readonly to: Routine;
      readonly aspects: readonly RoutineAspect[];
    };

export type ChangeKind = Change['kind'];
export type TableChangeKind = TableChange['kind'];
