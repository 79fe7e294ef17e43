import { asIndex, diffModels, matchesPattern, sameType, typeKey } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { col, index, model, pk, sequence, table, unique, users } from './diff-builders.js';

describe('typeKey: precision 6 == no precision on time types', () => {
  it.each([
    ['timestamp(6) with time zone', 'timestamp with time zone', true],
    ['timestamp(6) without time zone', 'timestamp without time zone', true],
    ['time(6) without time zone', 'time without time zone', true],
    ['time(6) with time zone', 'time with time zone', true],
    ['interval(6)', 'interval', true],
    ['interval day to second(6)', 'interval day to second', true],
    ['timestamp(6) with time zone[]', 'timestamp with time zone[]', true],
    ['timestamp(3) with time zone', 'timestamp with time zone', false],
    ['timestamp(3) without time zone', 'timestamp(6) with time zone', false],
    ['timestamp with time zone', 'timestamp without time zone', false],
    ['numeric(6)', 'numeric', false],
    ['character varying(6)', 'character varying', false],
    ['text', 'uuid', false],
  ])('%s vs %s -> %s', (a, b, equal) => {
    expect(sameType(a, b)).toBe(equal);
    expect(typeKey(a) === typeKey(b)).toBe(equal);
  });

  it('no column change for timestamptz vs timestamptz(6)', () => {
    const a = model({ tables: [table('t', { columns: [col('at', 'timestamp with time zone')] })] });
    const b = model({ tables: [table('t', { columns: [col('at', 'timestamp(6) with time zone')] })] });
    expect(diffModels(a, b)).toEqual([]);
  });
});

describe('other equivalences', () => {
  it('asIndex turns a unique constraint into its btree index', () => {
    expect(asIndex(unique('u', ['a', 'b'], { include: ['c'] }))).toEqual({
      name: 'u',
      unique: true,
      method: 'btree',
      keys: [
        { column: 'a', order: 'asc', nulls: 'last' },
        { column: 'b', order: 'asc', nulls: 'last' },
      ],
      include: ['c'],
      nullsNotDistinct: false,
    });
  });

  it('a unique index on columns in another order is a different index', () => {
    const a = model({ tables: [table('t', { constraints: [unique('t_a_b_key', ['a', 'b'])] })] });
    const b = model({
      tables: [table('t', { indexes: [index('t_a_b_key', ['b', 'a'], { unique: true })] })],
    });
    const [change] = diffModels(a, b);
    expect(
      change?.kind === 'alter table' && change.changes.map((c) => c.kind === 'alter index' && c.aspects),
    ).toEqual([['keys']]);
  });

  it('a primary-key column is NOT NULL whether the source says so or not', () => {
    const a = model({
      tables: [
        table('t', {
          columns: [col('id', 'integer', { notNull: true })],
          constraints: [pk('t_pkey', ['id'])],
        }),
      ],
    });
    const b = model({
      tables: [table('t', { columns: [col('id', 'integer')], constraints: [pk('t_pkey', ['id'])] })],
    });
    expect(diffModels(a, b)).toEqual([]);
  });

  it('spans never count', () => {
    const a = model({ tables: [users()] });
    const b = model({
      tables: [
        users({
          span: { file: 'schema.prisma', line: 9, column: 1 },
          columns: users().columns.map(({ span: _s, ...c }) => c),
        }),
      ],
    });
    expect(diffModels(a, b)).toEqual([]);
  });
});

describe('options', () => {
  const bookkeeping = model({
    tables: [
      table('goose_db_version', { columns: [col('id', 'integer')] }),
      table('_prisma_migrations'),
      users(),
    ],
    sequences: [
      sequence('goose_db_version_id_seq', {
        ownedBy: { schema: 'public', table: 'goose_db_version', column: 'id' },
      }),
    ],
  });

  it('leaves bookkeeping tables and their sequences out by default', () => {
    expect(diffModels(bookkeeping, model({ tables: [users()] }))).toEqual([]);
  });

  it('includes them with includeBookkeeping', () => {
    const kinds = diffModels(bookkeeping, model({ tables: [users()] }), { includeBookkeeping: true }).map(
      (c) => c.kind,
    );
    expect(kinds).toEqual(['drop sequence', 'drop table', 'drop table']);
  });

  it.each([
    ['public.users', ['public', 'users'], true],
    ['public.user?', ['public', 'users'], true],
    ['public.*', ['public', 'users'], true],
    ['public.*', ['public', 'users', 'email'], false],
    ['public.**', ['public', 'users', 'email'], true],
    ['*.users.legacy_*', ['public', 'users', 'legacy_id'], true],
    ['audit.*', ['public', 'users'], false],
    ['public.users', ['public', 'users_archive'], false],
  ])('pattern %s on %j -> %s', (pattern, path, expected) => {
    expect(matchesPattern(pattern, path)).toBe(expected);
  });

  it('ignore rules by pattern and kind', () => {
    const a = model({ tables: [users(), table('audit_log')] });
    const b = model({
      tables: [users({ columns: users().columns.slice(0, 2), indexes: [index('idx_x', ['email'])] })],
    });
    expect(
      diffModels(a, b, {
        ignore: [
          'public.audit_*',
          { pattern: 'public.users.created_at', kinds: ['column'] },
          'public.users.idx_*',
        ],
      }),
    ).toEqual([]);
    expect(
      diffModels(a, b, { ignore: [{ pattern: 'public.audit_*', kinds: ['view'] }] }).map((c) => c.kind),
    ).toEqual(['drop table', 'alter table']);
  });

  it('detectRenames: false gives drop + add', () => {
    const a = model({ tables: [users()] });
    const b = model({ tables: [{ ...users(), name: 'User' }] });
    expect(diffModels(a, b, { detectRenames: false }).map((c) => c.kind)).toEqual([
      'add table',
      'drop table',
    ]);
  });

  it('order is deterministic whatever the input order', () => {
    const tables = [
      table('b', { columns: [col('x', 'text')] }),
      table('a', { columns: [col('x', 'text')] }),
      table('c'),
    ];
    const a = { ...model(), tables };
    const b = {
      ...model(),
      tables: [...tables].reverse().map((t) => ({ ...t, columns: [col('y', 'text')] })),
    };
    const once = diffModels(a, b);
    expect(diffModels({ ...a, tables: [...tables].reverse() }, b)).toEqual(once);
    expect(once.map((c) => (c.kind === 'alter table' ? c.from.name : c.kind))).toEqual(['a', 'b', 'c']);
  });
});
