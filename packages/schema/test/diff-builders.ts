/** Hand-built model objects for the diff and findings tests (no IO). */
import {
  type Column,
  type Constraint,
  type EnumType,
  emptyModel,
  type ForeignKeyConstraint,
  type Index,
  type Model,
  type Routine,
  type Sequence,
  type SourceSpan,
  sortModel,
  type Table,
  type Trigger,
  type UniqueConstraint,
  type View,
} from '@gander/schema';

export const span = (file: string, line: number): SourceSpan => ({ file, line, column: 1 });

export function col(name: string, type: string, extra: Partial<Column> = {}): Column {
  return { name, type, notNull: false, ...extra };
}

export function table(name: string, parts: Partial<Table> = {}, schema = 'public'): Table {
  return {
    schema,
    name,
    kind: 'table',
    inherits: [],
    columns: [],
    constraints: [],
    indexes: [],
    triggers: [],
    ...parts,
  };
}

export function pk(name: string, columns: string[], extra: Partial<Constraint> = {}): Constraint {
  return {
    kind: 'primary key',
    name,
    columns,
    include: [],
    deferrable: false,
    initiallyDeferred: false,
    ...extra,
  } as Constraint;
}

export function unique(
  name: string,
  columns: string[],
  extra: Partial<UniqueConstraint> = {},
): UniqueConstraint {
  return {
    kind: 'unique',
    name,
    columns,
    include: [],
    nullsNotDistinct: false,
    deferrable: false,
    initiallyDeferred: false,
    ...extra,
  };
}

export function fk(
  name: string,
  columns: string[],
  target: string,
  targetColumns: string[],
  extra: Partial<ForeignKeyConstraint> = {},
): ForeignKeyConstraint {
  return {
    kind: 'foreign key',
    name,
    columns,
    references: { schema: 'public', name: target, columns: targetColumns },
    onUpdate: 'no action',
    onDelete: 'no action',
    match: 'simple',
    validated: true,
    deferrable: false,
    initiallyDeferred: false,
    ...extra,
  };
}

export function check(name: string, expression: string): Constraint {
  return {
    kind: 'check',
    name,
    expression,
    noInherit: false,
    validated: true,
    deferrable: false,
    initiallyDeferred: false,
  };
}

export function index(name: string, columns: string[], extra: Partial<Index> = {}): Index {
  return {
    name,
    unique: false,
    method: 'btree',
    keys: columns.map((column) => ({ column, order: 'asc', nulls: 'last' })),
    include: [],
    nullsNotDistinct: false,
    ...extra,
  };
}

export function trigger(name: string, extra: Partial<Trigger> = {}): Trigger {
  return {
    name,
    timing: 'before',
    events: ['update'],
    level: 'row',
    function: { schema: 'public', name: 'touch' },
    digest: 'aaaa',
    ...extra,
  };
}

export function enumType(name: string, values: string[], extra: Partial<EnumType> = {}): EnumType {
  return { schema: 'public', name, values, ...extra };
}

export function routine(name: string, extra: Partial<Routine> = {}): Routine {
  return {
    schema: 'public',
    name,
    kind: 'function',
    argumentTypes: [],
    returns: 'trigger',
    language: 'plpgsql',
    digest: 'd1',
    ...extra,
  };
}

export function view(name: string, extra: Partial<View> = {}): View {
  return {
    schema: 'public',
    name,
    materialized: false,
    digest: 'v1',
    columns: ['id'],
    indexes: [],
    ...extra,
  };
}

export function sequence(name: string, extra: Partial<Sequence> = {}): Sequence {
  return {
    schema: 'public',
    name,
    type: 'bigint',
    start: '1',
    increment: '1',
    min: '1',
    max: '9223372036854775807',
    cache: '1',
    cycle: false,
    ...extra,
  };
}

export function model(parts: Partial<Model> = {}): Model {
  return sortModel({ ...emptyModel(), schemas: ['public'], ...parts });
}

/** A users table as migrations write it. */
export function users(extra: Partial<Table> = {}): Table {
  return table('users', {
    columns: [
      col('id', 'uuid', {
        notNull: true,
        default: 'gen_random_uuid()',
        span: span('migrations/00001_init.sql', 3),
      }),
      col('email', 'text', { notNull: true, span: span('migrations/00001_init.sql', 4) }),
      col('created_at', 'timestamp with time zone', {
        notNull: true,
        default: 'now()',
        span: span('migrations/00001_init.sql', 5),
      }),
    ],
    constraints: [pk('users_pkey', ['id']), unique('users_email_key', ['email'])],
    span: span('migrations/00001_init.sql', 2),
    ...extra,
  });
}
