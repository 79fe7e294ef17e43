/**
 * Constraint changes of one table: primary keys, foreign keys, checks, exclusion constraints and
 * deferrable unique constraints. (Unique constraints that are not deferrable are compared with the
 * indexes, see `indexes.ts`.)
 *
 * Pairing, in passes: by kind and name; then by the whole definition (a `rename constraint` when
 * only the name differs); then by identity (the primary key of the table, a foreign key's columns
 * and target, a check's expression, an exclusion's elements, a unique's columns), which gives an
 * `alter constraint` whose aspects include `name`.
 */
import type { Constraint } from '../model.js';
import type { ConstraintAspect, TableChange } from './changes.js';
import { keyText, same } from './equivalence.js';
import { pairUp } from './match.js';

/** The aspects each constraint kind has, in report order. */
const ASPECTS: Readonly<Record<Constraint['kind'], readonly ConstraintAspect[]>> = {
  'primary key': ['columns', 'include', 'deferrable', 'comment'],
  unique: ['columns', 'include', 'nullsNotDistinct', 'deferrable', 'comment'],
  'foreign key': [
    'columns',
    'references',
    'onUpdate',
    'onDelete',
    'match',
    'validated',
    'deferrable',
    'comment',
  ],
  check: ['expression', 'noInherit', 'validated', 'deferrable', 'comment'],
  exclusion: ['method', 'elements', 'predicate', 'deferrable', 'comment'],
};

function aspectValue(constraint: Constraint, aspect: ConstraintAspect): unknown {
  if (aspect === 'deferrable')
    return [constraint.deferrable, constraint.deferrable && constraint.initiallyDeferred];
  if (aspect === 'elements' && constraint.kind === 'exclusion') {
    return constraint.elements.map((element) => `${keyText(element.key)} WITH ${element.operator}`);
  }
  return (constraint as unknown as Record<string, unknown>)[aspect];
}

/**
 * The aspects in which two constraints of the same kind differ (`name` first when the names
 * differ). Constraints of different kinds are never compared.
 */
export function constraintAspects(from: Constraint, to: Constraint): ConstraintAspect[] {
  const aspects: ConstraintAspect[] = from.name === to.name ? [] : ['name'];
  for (const aspect of ASPECTS[from.kind]) {
    if (!same(aspectValue(from, aspect), aspectValue(to, aspect))) aspects.push(aspect);
  }
  return aspects;
}

/** The whole definition but the name and comment. */
export function constraintSignature(constraint: Constraint): string {
  const aspects = ASPECTS[constraint.kind].filter((aspect) => aspect !== 'comment');
  return JSON.stringify([
    constraint.kind,
    ...aspects.map((aspect) => aspectValue(constraint, aspect) ?? null),
  ]);
}

/** What makes a constraint "the same one" under another name and definition. */
export function constraintIdentity(constraint: Constraint): string {
  switch (constraint.kind) {
    case 'primary key':
      return 'primary key';
    case 'unique':
      return `unique ${JSON.stringify(constraint.columns)}`;
    case 'foreign key':
      return `foreign key ${JSON.stringify([constraint.columns, constraint.references])}`;
    case 'check':
      return `check ${constraint.expression}`;
    case 'exclusion':
      return `exclusion ${JSON.stringify(aspectValue(constraint, 'elements'))}`;
  }
}

/** The change for a pair of constraints (of one kind), or none when they are equal. */
export function constraintPairChange(from: Constraint, to: Constraint): TableChange | undefined {
  const aspects = constraintAspects(from, to);
  if (aspects.length === 0) return undefined;
  if (aspects.length === 1 && aspects[0] === 'name') return { kind: 'rename constraint', from, to };
  return { kind: 'alter constraint', from, to, aspects };
}

/** Pairing keys of constraints, in pass order (see the module doc). */
export const CONSTRAINT_KEYS: readonly ((constraint: Constraint) => string)[] = [
  (constraint) => `${constraint.kind} ${constraint.name}`,
  constraintSignature,
  constraintIdentity,
];

/** A column list with renamed columns under their new names. */
export function renameColumnList(columns: readonly string[], renamed: ReadonlyMap<string, string>): string[] {
  return columns.map((column) => renamed.get(column) ?? column);
}

/**
 * The constraint with its own table's renamed columns (`renamed`: old name -> new name) under their
 * new names: key columns, INCLUDE columns, exclusion elements on columns. Check expressions and
 * predicates are kept as written.
 */
export function withColumnsRenamed(constraint: Constraint, renamed: ReadonlyMap<string, string>): Constraint {
  if (renamed.size === 0) return constraint;
  switch (constraint.kind) {
    case 'primary key':
    case 'unique':
      return {
        ...constraint,
        columns: renameColumnList(constraint.columns, renamed),
        include: renameColumnList(constraint.include, renamed),
      };
    case 'foreign key':
      return { ...constraint, columns: renameColumnList(constraint.columns, renamed) };
    case 'exclusion':
      return {
        ...constraint,
        elements: constraint.elements.map((element) =>
          element.key.column === undefined
            ? element
            : {
                ...element,
                key: { ...element.key, column: renamed.get(element.key.column) ?? element.key.column },
              },
        ),
      };
    case 'check':
      return constraint;
  }
}

/**
 * Changes between two lists of constraints (index-like unique constraints already taken out):
 * pairs in `from` order, then adds in `to` order, then drops in `from` order. `renamed` (old column
 * name -> new) makes the `from` constraints compare as if their table's columns were renamed; the
 * changes still carry them as they are.
 */
export function diffConstraints(
  from: readonly Constraint[],
  to: readonly Constraint[],
  renamed: ReadonlyMap<string, string> = new Map(),
): TableChange[] {
  const original = new Map<Constraint, Constraint>();
  const mapped = from.map((constraint) => {
    const copy = withColumnsRenamed(constraint, renamed);
    original.set(copy, constraint);
    return copy;
  });
  const own = (constraint: Constraint) => original.get(constraint) ?? constraint;
  const pairing = pairUp(mapped, to, CONSTRAINT_KEYS);
  const changes: TableChange[] = [];
  for (const pair of pairing.pairs) {
    const change = constraintPairChange(pair.from, pair.to);
    if (change) changes.push({ ...change, from: own(pair.from) } as TableChange);
  }
  for (const constraint of pairing.onlyTo) changes.push({ kind: 'add constraint', constraint });
  for (const constraint of pairing.onlyFrom)
    changes.push({ kind: 'drop constraint', constraint: own(constraint) });
  return changes;
}
