import { type Change, diffModels, invertChanges, type Model, type TableChange } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import {
  check,
  col,
  enumType,
  fk,
  index,
  model,
  pk,
  routine,
  sequence,
  table,
  trigger,
  unique,
  users,
  view,
} from './diff-builders.js';

/** The change set in short form: `kind name` per change, nested as `table: kind name [aspects]`. */
function brief(changes: readonly Change[]): string[] {
  const nestedName = (c: TableChange): string => {
    switch (c.kind) {
      case 'add column':
      case 'drop column':
        return c.column.name;
      case 'add constraint':
      case 'drop constraint':
        return c.constraint.name;
      case 'add index':
      case 'drop index':
        return c.index.name;
      case 'add trigger':
      case 'drop trigger':
        return c.trigger.name;
      case 'rename column':
      case 'rename constraint':
      case 'rename index':
        return `${c.from.name}->${c.to.name}`;
      default:
        return `${c.from.name} [${c.aspects.join(',')}]`;
    }
  };
  return changes.flatMap((change) => {
    if (change.kind === 'alter table' || change.kind === 'rename table' || change.kind === 'alter view') {
      const name =
        change.kind === 'rename table' ? `${change.from.name}->${change.to.name}` : change.from.name;
      const head = `${change.kind} ${name}${change.aspects.length ? ` [${change.aspects.join(',')}]` : ''}`;
      return [head, ...change.changes.map((c) => `  ${c.kind} ${nestedName(c)}`)];
    }
    if (change.kind === 'alter enum')
      return [
        `alter enum ${change.from.name} +${change.added} -${change.removed} reordered=${change.reordered}`,
      ];
    if ('from' in change && 'aspects' in change && 'name' in change.from) {
      return [`${change.kind} ${change.from.name} [${change.aspects.join(',')}]`];
    }
    if (change.kind === 'alter schema') return [`alter schema ${change.schema}`];
    const object = Object.entries(change).find(([key]) => key !== 'kind')?.[1] as { name?: string } | string;
    return [`${change.kind} ${typeof object === 'string' ? object : object.name}`];
  });
}

interface Case {
  name: string;
  from: Model;
  to: Model;
  expected: string[];
}

const withUsers = (t: ReturnType<typeof users>, rest: Partial<Model> = {}) => model({ tables: [t], ...rest });

const cases: Case[] = [
  { name: 'equal models', from: withUsers(users()), to: withUsers(users()), expected: [] },
  {
    name: 'add schema',
    from: model(),
    to: model({ schemas: ['auth', 'public'] }),
    expected: ['add schema auth'],
  },
  {
    name: 'drop schema',
    from: model({ schemas: ['auth', 'public'] }),
    to: model(),
    expected: ['drop schema auth'],
  },
  {
    name: 'alter schema comment',
    from: model(),
    to: model({ schemaComments: { public: 'main' } }),
    expected: ['alter schema public'],
  },
  {
    name: 'extensions',
    from: model({
      extensions: [
        { name: 'citext', schema: 'public' },
        { name: 'pgcrypto', schema: 'public' },
      ],
    }),
    to: model({
      extensions: [
        { name: 'pgcrypto', schema: 'extensions' },
        { name: 'pg_trgm', schema: 'public' },
      ],
    }),
    expected: ['drop extension citext', 'add extension pg_trgm', 'alter extension pgcrypto [schema]'],
  },
  {
    name: 'enums add, drop, values',
    from: model({ enums: [enumType('role', ['user', 'admin']), enumType('old', ['a'])] }),
    to: model({ enums: [enumType('role', ['admin', 'user', 'owner']), enumType('status', ['on'])] }),
    expected: ['drop enum old', 'alter enum role +owner - reordered=true', 'add enum status'],
  },
  {
    name: 'enum value removed',
    from: model({ enums: [enumType('role', ['user', 'admin'])] }),
    to: model({ enums: [enumType('role', ['user'])] }),
    expected: ['alter enum role + -admin reordered=false'],
  },
  {
    name: 'domains',
    from: model({ domains: [{ schema: 'public', name: 'email', type: 'text', notNull: false, checks: [] }] }),
    to: model({
      domains: [
        {
          schema: 'public',
          name: 'email',
          type: 'text',
          notNull: true,
          checks: [{ name: 'email_check', expression: "VALUE ~ '@'::text" }],
        },
        { schema: 'public', name: 'posint', type: 'integer', notNull: false, checks: [] },
      ],
    }),
    expected: ['alter domain email [notNull,checks]', 'add domain posint'],
  },
  {
    name: 'sequences',
    from: model({ sequences: [sequence('a_seq'), sequence('b_seq')] }),
    to: model({ sequences: [sequence('b_seq', { increment: '10', cycle: true }), sequence('c_seq')] }),
    expected: ['drop sequence a_seq', 'alter sequence b_seq [increment,cycle]', 'add sequence c_seq'],
  },
  {
    name: 'tables add and drop',
    from: model({ tables: [table('a', { columns: [col('x', 'integer')] })] }),
    to: model({ tables: [table('b', { columns: [col('y', 'text')] })] }),
    expected: ['drop table a', 'add table b'],
  },
  {
    name: 'table aspects',
    from: withUsers(users()),
    to: withUsers(
      users({ kind: 'partitioned table', partitionKey: 'RANGE (created_at)', comment: 'people' }),
    ),
    expected: ['alter table users [kind,partitionKey,comment]'],
  },
  {
    name: 'columns add, drop, alter',
    from: withUsers(users()),
    to: withUsers(
      users({
        columns: [
          col('id', 'text', { notNull: true }),
          col('email', 'text', { notNull: false, default: "''::text", collation: '"C"', comment: 'mail' }),
          col('age', 'integer', { identity: 'by default' }),
        ],
      }),
    ),
    expected: [
      'alter table users',
      '  alter column id [type,default]',
      '  alter column email [notNull,default,collation,comment]',
      '  add column age',
      '  drop column created_at',
    ],
  },
  {
    name: 'identity and generated',
    from: model({ tables: [table('t', { columns: [col('a', 'integer'), col('b', 'integer')] })] }),
    to: model({
      tables: [
        table('t', {
          columns: [col('a', 'integer', { identity: 'always' }), col('b', 'integer', { generated: 'a * 2' })],
        }),
      ],
    }),
    expected: ['alter table t', '  alter column a [identity]', '  alter column b [generated]'],
  },
  {
    name: 'column rename by case and underscores (@map missing)',
    from: withUsers(users()),
    to: withUsers(
      users({
        columns: [
          ...users().columns.slice(0, 2),
          col('createdAt', 'timestamp(3) without time zone', { notNull: true, default: 'now()' }),
        ],
      }),
    ),
    expected: ['alter table users', '  rename column created_at->createdAt'],
  },
  {
    name: 'constraints: fk actions, check, pk columns',
    from: model({
      tables: [
        table('a', {
          columns: [col('id', 'integer'), col('b', 'integer')],
          constraints: [
            pk('a_pkey', ['id']),
            fk('a_b_fkey', ['b'], 'b', ['id']),
            check('a_b_check', 'b > 0'),
          ],
        }),
      ],
    }),
    to: model({
      tables: [
        table('a', {
          columns: [col('id', 'integer'), col('b', 'integer')],
          constraints: [
            pk('a_pkey', ['id', 'b']),
            fk('a_b_fkey', ['b'], 'b', ['id'], { onDelete: 'cascade' }),
            check('a_b_check2', 'b >= 0'),
          ],
        }),
      ],
    }),
    expected: [
      'alter table a',
      '  alter column b [notNull]',
      '  alter constraint a_b_fkey [onDelete]',
      '  alter constraint a_pkey [columns]',
      '  add constraint a_b_check2',
      '  drop constraint a_b_check',
    ],
  },
  {
    name: 'constraint renamed (same definition)',
    from: model({ tables: [table('a', { constraints: [fk('a_b_fkey', ['b'], 'b', ['id'])] })] }),
    to: model({ tables: [table('a', { constraints: [fk('fk_a_b', ['b'], 'b', ['id'])] })] }),
    expected: ['alter table a', '  rename constraint a_b_fkey->fk_a_b'],
  },
  {
    name: 'constraint renamed and altered (matched by identity)',
    from: model({ tables: [table('a', { constraints: [fk('a_b_fkey', ['b'], 'b', ['id'])] })] }),
    to: model({
      tables: [
        table('a', {
          constraints: [fk('fk_a_b', ['b'], 'b', ['id'], { onUpdate: 'cascade', deferrable: true })],
        }),
      ],
    }),
    expected: ['alter table a', '  alter constraint a_b_fkey [name,onUpdate,deferrable]'],
  },
  {
    name: 'unique constraint == unique index, same name',
    from: withUsers(users()),
    to: withUsers(
      users({
        constraints: [pk('users_pkey', ['id'])],
        indexes: [index('users_email_key', ['email'], { unique: true })],
      }),
    ),
    expected: [],
  },
  {
    name: 'unique constraint vs unique index, other name: one rename',
    from: withUsers(users()),
    to: withUsers(
      users({
        constraints: [pk('users_pkey', ['id'])],
        indexes: [index('uq_email', ['email'], { unique: true })],
      }),
    ),
    expected: ['alter table users', '  rename index users_email_key->uq_email'],
  },
  {
    name: 'deferrable unique constraint is not an index',
    from: withUsers(
      users({
        constraints: [pk('users_pkey', ['id']), unique('users_email_key', ['email'], { deferrable: true })],
      }),
    ),
    to: withUsers(
      users({
        constraints: [pk('users_pkey', ['id'])],
        indexes: [index('users_email_key', ['email'], { unique: true })],
      }),
    ),
    expected: ['alter table users', '  drop constraint users_email_key', '  add index users_email_key'],
  },
  {
    name: 'unique index with a predicate is not the constraint',
    from: withUsers(users()),
    to: withUsers(
      users({
        constraints: [pk('users_pkey', ['id'])],
        indexes: [index('users_email_key', ['email'], { unique: true, predicate: 'deleted_at IS NULL' })],
      }),
    ),
    expected: ['alter table users', '  alter index users_email_key [predicate]'],
  },
  {
    name: 'indexes: add, drop, rename, alter, renamed + altered',
    from: model({
      tables: [
        table('t', {
          indexes: [
            index('a_idx', ['a']),
            index('b_idx', ['b']),
            index('c_idx', ['c']),
            index('d_idx', ['d']),
            index('e_idx', ['e']),
          ],
        }),
      ],
    }),
    to: model({
      tables: [
        table('t', {
          indexes: [
            index('a_idx', ['a']),
            index('b_idx', ['b'], { method: 'hash' }),
            index('t_c_idx', ['c']),
            index('t_d_idx', ['d'], { unique: true }),
            index('f_idx', ['f']),
          ],
        }),
      ],
    }),
    expected: [
      'alter table t',
      '  alter index b_idx [method]',
      '  rename index c_idx->t_c_idx',
      '  alter index d_idx [name,unique]',
      '  add index f_idx',
      '  drop index e_idx',
    ],
  },
  {
    name: 'expression and opclass keys',
    from: model({ tables: [table('t', { indexes: [index('t_name_idx', ['name'])] })] }),
    to: model({
      tables: [
        table('t', {
          indexes: [
            {
              ...index('t_name_idx', []),
              method: 'gin',
              keys: [{ column: 'name', opclass: 'gin_trgm_ops', order: 'asc', nulls: 'last' }],
            },
          ],
        }),
      ],
    }),
    expected: ['alter table t', '  alter index t_name_idx [method,keys]'],
  },
  {
    name: 'triggers',
    from: model({ tables: [table('t', { triggers: [trigger('a'), trigger('b')] })] }),
    to: model({
      tables: [table('t', { triggers: [trigger('b', { timing: 'after', digest: 'bbbb' }), trigger('c')] })],
    }),
    expected: ['alter table t', '  alter trigger b [timing,digest]', '  add trigger c', '  drop trigger a'],
  },
  {
    name: 'views',
    from: model({
      views: [view('v1'), view('v2'), view('mv', { materialized: true, indexes: [index('mv_idx', ['id'])] })],
    }),
    to: model({ views: [view('v1', { digest: 'other' }), view('v3'), view('mv', { materialized: true })] }),
    expected: [
      'alter view mv',
      '  drop index mv_idx',
      'alter view v1 [digest]',
      'drop view v2',
      'add view v3',
    ],
  },
  {
    name: 'routines: overloads are distinct',
    from: model({ routines: [routine('f', { argumentTypes: ['integer'] }), routine('g')] }),
    to: model({
      routines: [routine('f', { argumentTypes: ['text'] }), routine('g', { digest: 'd2', language: 'sql' })],
    }),
    expected: ['drop routine f', 'add routine f', 'alter routine g [language,digest]'],
  },
  {
    name: 'table rename by plural / case (@@map missing)',
    from: withUsers(users()),
    to: model({
      tables: [
        {
          ...users(),
          name: 'User',
          constraints: [pk('User_pkey', ['id']), unique('User_email_key', ['email'])],
        },
      ],
    }),
    expected: [
      'rename table users->User',
      '  rename constraint users_pkey->User_pkey',
      '  rename constraint users_email_key->User_email_key',
    ],
  },
  {
    name: 'table rename by a typo with the same columns',
    from: withUsers(users()),
    to: model({ tables: [{ ...users(), name: 'usres' }] }),
    expected: ['rename table users->usres'],
  },
];

describe('diffModels', () => {
  it.each(cases)('$name', ({ from, to, expected }) => {
    expect(brief(diffModels(from, to))).toEqual(expected);
  });

  it.each(cases)('$name: inverse equals the reverse diff up to order', ({ from, to }) => {
    const sortKey = (lines: string[]) => [...lines].sort();
    const inverted = brief(invertChanges(diffModels(from, to)));
    const reverse = brief(diffModels(to, from));
    expect(sortKey(inverted)).toEqual(sortKey(reverse));
  });
});
