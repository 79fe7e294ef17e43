import {
  ALL_FINDING_CODES,
  diffModels,
  type Finding,
  type FindingContext,
  type Model,
  type Side,
  toFindings,
} from '@gander/schema';
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
  span,
  table,
  trigger,
  unique,
  users,
  view,
} from './diff-builders.js';

interface Case {
  name: string;
  from: Model;
  to: Model;
  sides?: [Side, Side];
  context?: Partial<FindingContext>;
  expected: string[];
}

const m = (...tables: ReturnType<typeof table>[]) => model({ tables });
const t = (cols: ReturnType<typeof col>[], parts: Parameters<typeof table>[1] = {}) =>
  table('t', { columns: cols, ...parts });
const idCol = col('id', 'integer', { notNull: true });
const posts = (parts: Parameters<typeof table>[1] = {}) =>
  table('posts', {
    columns: [idCol, col('user_id', 'uuid', { notNull: true })],
    constraints: [pk('posts_pkey', ['id'])],
    ...parts,
  });
const userFk = (extra = {}) => fk('posts_user_id_fkey', ['user_id'], 'users', ['id'], extra);

function run(c: Case): Finding[] {
  const [from, to] = c.sides ?? ['migrations', 'database'];
  return toFindings(diffModels(c.from, c.to), { from, to, ...c.context });
}

const cases: Case[] = [
  { name: 'table-missing', from: m(users()), to: m(), expected: ['table-missing error'] },
  { name: 'table-extra', from: m(), to: m(users()), expected: ['table-extra error'] },
  {
    name: 'table-name',
    from: m(users()),
    to: m({ ...users(), name: 'usres' }),
    expected: ['table-name error'],
  },
  {
    name: 'table-definition',
    from: m(users()),
    to: m(users({ partitionKey: 'RANGE (created_at)', kind: 'partitioned table' })),
    expected: ['table-definition warning', 'table-definition warning'],
  },
  {
    name: 'column-missing',
    from: m(t([idCol, col('a', 'text')])),
    to: m(t([idCol])),
    expected: ['column-missing error'],
  },
  {
    name: 'column-extra',
    from: m(t([idCol])),
    to: m(t([idCol, col('a', 'text')])),
    expected: ['column-extra error'],
  },
  {
    name: 'column-name',
    from: m(t([col('admin_id', 'uuid')])),
    to: m(t([col('adminId', 'uuid')])),
    sides: ['migrations', 'prisma'],
    expected: ['column-name error'],
  },
  {
    name: 'column-type',
    from: m(t([col('a', 'uuid')])),
    to: m(t([col('a', 'text')])),
    expected: ['column-type error'],
  },
  {
    name: 'column-type timestamp(3) vs timestamptz(6)',
    from: m(t([col('a', 'timestamp(6) with time zone')])),
    to: m(t([col('a', 'timestamp(3) without time zone')])),
    expected: ['column-type error'],
  },
  {
    name: 'column-nullability',
    from: m(t([col('a', 'text', { notNull: true })])),
    to: m(t([col('a', 'text')])),
    expected: ['column-nullability error'],
  },
  {
    name: 'column-default',
    from: m(t([col('a', 'text', { default: "'x'::text" })])),
    to: m(t([col('a', 'text')])),
    expected: ['column-default warning'],
  },
  {
    name: 'client-default (uuid())',
    from: m(t([col('id', 'uuid', { default: 'gen_random_uuid()' })])),
    to: m(t([col('id', 'uuid')])),
    sides: ['migrations', 'prisma'],
    context: { clientDefaults: [{ schema: 'public', table: 't', column: 'id', kind: 'uuid' }] },
    expected: ['client-default info'],
  },
  {
    name: 'client-default (@updatedAt), prisma first',
    from: m(t([col('updated_at', 'timestamp(3) without time zone')])),
    to: m(t([col('updated_at', 'timestamp(3) without time zone', { default: 'now()' })])),
    sides: ['prisma', 'database'],
    context: { clientDefaults: [{ schema: 'public', table: 't', column: 'updated_at', kind: 'updatedAt' }] },
    expected: ['client-default info'],
  },
  {
    name: 'column-identity',
    from: m(t([col('a', 'integer', { identity: 'always' })])),
    to: m(t([col('a', 'integer')])),
    expected: ['column-identity warning'],
  },
  {
    name: 'column-generated',
    from: m(t([col('a', 'integer', { generated: '1' })])),
    to: m(t([col('a', 'integer')])),
    expected: ['column-generated warning'],
  },
  {
    name: 'column-collation',
    from: m(t([col('a', 'text', { collation: '"C"' })])),
    to: m(t([col('a', 'text')])),
    expected: ['column-collation warning'],
  },
  {
    name: 'comment (column)',
    from: m(t([col('a', 'text', { comment: 'x' })])),
    to: m(t([col('a', 'text')])),
    expected: ['comment info'],
  },
  {
    name: 'comment is not reported against prisma',
    from: m(t([col('a', 'text', { comment: 'x' })])),
    to: m(t([col('a', 'text')])),
    sides: ['migrations', 'prisma'],
    expected: [],
  },
  {
    name: 'primary-key missing',
    from: m(t([idCol], { constraints: [pk('t_pkey', ['id'])] })),
    to: m(t([idCol])),
    expected: ['primary-key error'],
  },
  {
    name: 'primary-key columns',
    from: m(t([idCol, col('b', 'text', { notNull: true })], { constraints: [pk('t_pkey', ['id'])] })),
    to: m(t([idCol, col('b', 'text', { notNull: true })], { constraints: [pk('t_pkey', ['id', 'b'])] })),
    expected: ['primary-key error'],
  },
  {
    name: 'unique-missing',
    from: m(users()),
    to: m(users({ constraints: [pk('users_pkey', ['id'])] })),
    expected: ['unique-missing error'],
  },
  {
    name: 'unique-extra (index)',
    from: m(t([idCol])),
    to: m(t([idCol], { indexes: [index('t_id_key', ['id'], { unique: true })] })),
    expected: ['unique-extra error'],
  },
  {
    name: 'index-missing',
    from: m(t([idCol], { indexes: [index('t_id_idx', ['id'])] })),
    to: m(t([idCol])),
    expected: ['index-missing warning'],
  },
  {
    name: 'index-extra',
    from: m(t([idCol])),
    to: m(t([idCol], { indexes: [index('t_id_idx', ['id'])] })),
    expected: ['index-extra warning'],
  },
  {
    name: 'index-definition',
    from: m(t([idCol], { indexes: [index('t_id_idx', ['id'])] })),
    to: m(t([idCol], { indexes: [index('t_id_idx', ['id'], { method: 'hash' })] })),
    expected: ['index-definition warning'],
  },
  {
    name: 'index-unique',
    from: m(t([idCol], { indexes: [index('t_id_idx', ['id'])] })),
    to: m(t([idCol], { indexes: [index('t_id_idx', ['id'], { unique: true })] })),
    expected: ['index-unique error'],
  },
  {
    name: 'index-name',
    from: m(t([idCol], { indexes: [index('idx_t_id', ['id'])] })),
    to: m(t([idCol], { indexes: [index('t_id_idx', ['id'])] })),
    expected: ['index-name warning'],
  },
  {
    name: 'index-name (unique constraint vs @unique index)',
    from: m(users()),
    to: m(
      users({
        constraints: [pk('users_pkey', ['id'])],
        indexes: [index('uq_users_email', ['email'], { unique: true })],
      }),
    ),
    sides: ['migrations', 'prisma'],
    expected: ['index-name warning'],
  },
  {
    name: 'constraint-name',
    from: m(users(), posts({ constraints: [pk('posts_pkey', ['id']), userFk()] })),
    to: m(
      users(),
      posts({ constraints: [pk('posts_pkey', ['id']), { ...userFk(), name: 'fk_posts_user' }] }),
    ),
    expected: ['constraint-name warning'],
  },
  {
    name: 'fk-missing',
    from: m(users(), posts({ constraints: [pk('posts_pkey', ['id']), userFk()] })),
    to: m(users(), posts()),
    expected: ['fk-missing error'],
  },
  {
    name: 'fk-extra',
    from: m(users(), posts()),
    to: m(users(), posts({ constraints: [pk('posts_pkey', ['id']), userFk()] })),
    expected: ['fk-extra error'],
  },
  {
    name: 'fk-actions',
    from: m(users(), posts({ constraints: [pk('posts_pkey', ['id']), userFk({ onDelete: 'cascade' })] })),
    to: m(
      users(),
      posts({
        constraints: [pk('posts_pkey', ['id']), userFk({ onDelete: 'restrict', onUpdate: 'cascade' })],
      }),
    ),
    sides: ['migrations', 'prisma'],
    expected: ['fk-actions error'],
  },
  {
    name: 'fk-definition',
    from: m(users(), posts({ constraints: [pk('posts_pkey', ['id']), userFk()] })),
    to: m(users(), posts({ constraints: [pk('posts_pkey', ['id']), userFk({ match: 'full' })] })),
    expected: ['fk-definition error'],
  },
  {
    name: 'constraint-options',
    from: m(users(), posts({ constraints: [pk('posts_pkey', ['id']), userFk()] })),
    to: m(users(), posts({ constraints: [pk('posts_pkey', ['id']), userFk({ validated: false })] })),
    expected: ['constraint-options warning'],
  },
  {
    name: 'constraint-missing (check)',
    from: m(t([idCol], { constraints: [check('t_id_check', 'id > 0')] })),
    to: m(t([idCol])),
    expected: ['constraint-missing warning'],
  },
  {
    name: 'constraint-extra (check)',
    from: m(t([idCol])),
    to: m(t([idCol], { constraints: [check('t_id_check', 'id > 0')] })),
    expected: ['constraint-extra warning'],
  },
  {
    name: 'constraint-definition',
    from: m(t([idCol], { constraints: [check('t_id_check', 'id > 0')] })),
    to: m(t([idCol], { constraints: [check('t_id_check', 'id >= 0')] })),
    expected: ['constraint-definition warning'],
  },
  {
    name: 'enum-missing',
    from: model({ enums: [enumType('role', ['a'])] }),
    to: model(),
    expected: ['enum-missing error'],
  },
  {
    name: 'enum-extra',
    from: model(),
    to: model({ enums: [enumType('role', ['a'])] }),
    expected: ['enum-extra error'],
  },
  {
    name: 'enum-values',
    from: model({ enums: [enumType('role', ['a', 'b'])] }),
    to: model({ enums: [enumType('role', ['a'])] }),
    sides: ['migrations', 'prisma'],
    expected: ['enum-values error'],
  },
  {
    name: 'enum-order',
    from: model({ enums: [enumType('role', ['a', 'b'])] }),
    to: model({ enums: [enumType('role', ['b', 'a'])] }),
    expected: ['enum-order warning'],
  },
  {
    name: 'enum-name',
    from: model({ enums: [enumType('user_role', ['a', 'b'])] }),
    to: model({ enums: [enumType('UserRole', ['a', 'b'])] }),
    sides: ['migrations', 'prisma'],
    expected: ['enum-name error'],
  },
  {
    name: 'view-missing / extra / definition',
    from: model({ views: [view('a'), view('b')] }),
    to: model({ views: [view('b', { digest: 'x' }), view('c')] }),
    expected: ['view-missing warning', 'view-definition warning', 'view-extra warning'],
  },
  {
    name: 'routine-missing / extra / definition',
    from: model({ routines: [routine('a'), routine('b')] }),
    to: model({ routines: [routine('b', { digest: 'x' }), routine('c')] }),
    expected: ['routine-missing warning', 'routine-definition warning', 'routine-extra warning'],
  },
  {
    name: 'trigger-missing / extra / definition',
    from: m(t([idCol], { triggers: [trigger('a'), trigger('b')] })),
    to: m(t([idCol], { triggers: [trigger('b', { digest: 'x' }), trigger('c')] })),
    expected: ['trigger-definition warning', 'trigger-extra warning', 'trigger-missing warning'],
  },
  {
    name: 'sequence-missing / extra / definition',
    from: model({ sequences: [sequence('a'), sequence('b')] }),
    to: model({ sequences: [sequence('b', { cache: '5' }), sequence('c')] }),
    expected: ['sequence-missing warning', 'sequence-definition warning', 'sequence-extra warning'],
  },
  {
    name: 'domain-missing / extra / definition',
    from: model({
      domains: [
        { schema: 'public', name: 'a', type: 'text', notNull: false, checks: [] },
        { schema: 'public', name: 'b', type: 'text', notNull: false, checks: [] },
      ],
    }),
    to: model({
      domains: [
        { schema: 'public', name: 'b', type: 'text', notNull: true, checks: [] },
        { schema: 'public', name: 'c', type: 'text', notNull: false, checks: [] },
      ],
    }),
    expected: ['domain-missing warning', 'domain-definition warning', 'domain-extra warning'],
  },
  {
    name: 'extension-missing / extra / schema',
    from: model({
      extensions: [
        { name: 'a', schema: 'public' },
        { name: 'b', schema: 'public' },
      ],
    }),
    to: model({
      extensions: [
        { name: 'b', schema: 'ext' },
        { name: 'c', schema: 'public' },
      ],
    }),
    expected: ['extension-missing warning', 'extension-schema warning', 'extension-extra warning'],
  },
  {
    name: 'schema-missing / extra',
    from: model({ schemas: ['a', 'public'] }),
    to: model({ schemas: ['b', 'public'] }),
    expected: ['schema-missing warning', 'schema-extra warning'],
  },
  {
    name: 'unmodelled-object: what Prisma cannot express is info, never error',
    from: model({
      tables: [
        t([idCol, col('n', 'text', { collation: '"C"' })], {
          constraints: [check('t_id_check', 'id > 0')],
          indexes: [
            { ...index('t_lower_idx', []), keys: [{ expression: 'lower(n)', order: 'asc', nulls: 'last' }] },
            {
              ...index('t_trgm_idx', []),
              method: 'gin',
              keys: [{ column: 'n', opclass: 'gin_trgm_ops', order: 'asc', nulls: 'last' }],
            },
          ],
          triggers: [trigger('touch')],
        }),
      ],
      views: [view('v')],
      routines: [routine('touch')],
      sequences: [
        sequence('free_seq'),
        sequence('t_id_seq', { ownedBy: { schema: 'public', table: 't', column: 'id' } }),
      ],
      extensions: [{ name: 'pg_trgm', schema: 'public' }],
    }),
    to: model({ tables: [t([idCol, col('n', 'text')])] }),
    sides: ['migrations', 'prisma'],
    expected: Array(9).fill('unmodelled-object info'),
  },
];

describe('toFindings: every code with its default severity', () => {
  it.each(cases)('$name', (c) => {
    expect(run(c).map((f) => `${f.code} ${f.severity}`)).toEqual(c.expected);
  });

  it('every code of FINDING_CODES is covered by a case above', () => {
    const seen = new Set(cases.flatMap((c) => run(c).map((f) => f.code)));
    expect(ALL_FINDING_CODES.filter((code) => !seen.has(code))).toEqual([]);
  });
});

describe('finding contents', () => {
  it('column type UUID in SQL vs String in Prisma: both sides, locations, both fixes', () => {
    const migrations = m(
      table('users', {
        columns: [col('id', 'uuid', { notNull: true, span: span('migrations/00001_init.sql', 3) })],
        span: span('migrations/00001_init.sql', 2),
      }),
    );
    const prisma = m(
      table('users', {
        columns: [col('id', 'text', { notNull: true, span: span('prisma/schema.prisma', 12) })],
        span: span('prisma/schema.prisma', 11),
      }),
    );
    const [finding] = toFindings(diffModels(migrations, prisma), { from: 'migrations', to: 'prisma' });
    expect(finding).toEqual({
      code: 'column-type',
      severity: 'error',
      message: 'column public.users.id: column type differs (uuid in migrations; text in prisma)',
      object: { kind: 'column', schema: 'public', table: 'users', name: 'id', path: 'public.users.id' },
      key: 'column-type:public.users.id',
      sides: [
        { side: 'migrations', present: true, location: span('migrations/00001_init.sql', 3), value: 'uuid' },
        { side: 'prisma', present: true, location: span('prisma/schema.prisma', 12), value: 'text' },
      ],
      fixes: [
        {
          side: 'migrations',
          kind: 'sql',
          text: 'ALTER TABLE public.users ALTER COLUMN id TYPE text USING id::text;',
          description: 'add to a new migration',
        },
        {
          side: 'prisma',
          kind: 'prisma',
          text: 'String @db.Uuid',
          description: 'set the field type to',
          location: span('prisma/schema.prisma', 12),
        },
      ],
    });
  });

  it('a database side is located at "database"', () => {
    const [finding] = toFindings(diffModels(m(users()), m()), { from: 'migrations', to: 'database' });
    expect(finding?.sides.map((s) => [s.side, s.present, s.location])).toEqual([
      ['migrations', true, span('migrations/00001_init.sql', 2)],
      ['database', false, 'database'],
    ]);
    expect(finding?.fixes.map((f) => [f.side, f.text.split('\n')[0]])).toEqual([
      ['migrations', 'DROP TABLE public.users;'],
      ['database', 'CREATE TABLE public.users ('],
    ]);
  });

  it('sides are reported in source order whichever way the diff ran', () => {
    const a = toFindings(diffModels(m(), m(users())), { from: 'database', to: 'migrations' });
    expect(a.map((f) => [f.code, f.sides.map((s) => `${s.side}:${s.present}`)])).toEqual([
      ['table-missing', ['migrations:true', 'database:false']],
    ]);
  });

  it('missing @map: the Prisma fix is @map("admin_id")', () => {
    const [finding] = toFindings(
      diffModels(m(t([col('admin_id', 'uuid')])), m(t([col('adminId', 'uuid')]))),
      { from: 'migrations', to: 'prisma' },
    );
    expect(finding?.fixes.find((f) => f.side === 'prisma')?.text).toBe('@map("admin_id")');
  });

  it('@@map typo: the Prisma fix is @@map("users") and name-following keys are not reported', () => {
    const typo = {
      ...users(),
      name: 'usres',
      constraints: [pk('usres_pkey', ['id']), unique('usres_email_key', ['email'])],
    };
    const findings = toFindings(diffModels(m(users()), m(typo)), { from: 'migrations', to: 'prisma' });
    expect(findings.map((f) => [f.code, f.fixes.find((x) => x.side === 'prisma')?.text])).toEqual([
      ['table-name', '@@map("users")'],
    ]);
  });

  it('index only in migrations: the Prisma fix is @@index([...], map: ...)', () => {
    const findings = toFindings(
      diffModels(m(users({ indexes: [index('idx_users_email', ['email'])] })), m(users())),
      { from: 'migrations', to: 'prisma' },
    );
    expect(findings.map((f) => [f.code, f.severity, f.fixes.map((x) => x.text)])).toEqual([
      [
        'index-missing',
        'warning',
        ['DROP INDEX public.idx_users_email;', '@@index([email], map: "idx_users_email")'],
      ],
    ]);
  });

  it('fk actions: the Prisma fix sets onDelete / onUpdate', () => {
    const a = m(users(), posts({ constraints: [pk('posts_pkey', ['id']), userFk({ onDelete: 'cascade' })] }));
    const b = m(
      users(),
      posts({
        constraints: [pk('posts_pkey', ['id']), userFk({ onDelete: 'restrict', onUpdate: 'cascade' })],
      }),
    );
    const [finding] = toFindings(diffModels(a, b), { from: 'migrations', to: 'prisma' });
    expect(finding?.sides.map((s) => s.value)).toEqual([
      'ON DELETE CASCADE ON UPDATE NO ACTION',
      'ON DELETE RESTRICT ON UPDATE CASCADE',
    ]);
    expect(finding?.fixes.map((f) => f.text)).toEqual([
      'ALTER TABLE public.posts DROP CONSTRAINT posts_user_id_fkey;\nALTER TABLE public.posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON UPDATE CASCADE ON DELETE RESTRICT;',
      'onDelete: Cascade, onUpdate: NoAction',
    ]);
  });

  it('enum values: SQL adds the label in place, Prisma gets the enum block', () => {
    const [finding] = toFindings(
      diffModels(
        model({ enums: [enumType('role', ['user', 'admin'])] }),
        model({ enums: [enumType('role', ['user', 'owner', 'admin'])] }),
      ),
      {
        from: 'migrations',
        to: 'prisma',
        enums: [
          {
            schema: 'public',
            name: 'role',
            prismaName: 'Role',
            valueNames: { user: 'User', admin: 'admin' },
          },
        ],
      },
    );
    expect(finding?.fixes.map((f) => f.text)).toEqual([
      "ALTER TYPE public.role ADD VALUE 'owner' AFTER 'user';",
      'enum Role {\n  User @map("user")\n  admin\n  @@map("role")\n}',
    ]);
  });

  it('client-default names the Prisma function and has no fix', () => {
    const [finding] = toFindings(
      diffModels(m(t([col('id', 'uuid', { default: 'gen_random_uuid()' })])), m(t([col('id', 'uuid')]))),
      {
        from: 'migrations',
        to: 'prisma',
        clientDefaults: [{ schema: 'public', table: 't', column: 'id', kind: 'uuid', args: ['7'] }],
      },
    );
    expect(finding?.message).toBe(
      'column public.t.id: Prisma client-side default beside a database default (gen_random_uuid() in migrations; no default in prisma); Prisma Client fills it in itself (uuid(7)); writes outside Prisma get the database default',
    );
    expect(finding?.fixes).toEqual([]);
  });

  it('a default without a client default is column-default with a @default fix', () => {
    const [finding] = toFindings(
      diffModels(
        m(t([col('at', 'timestamp(3) without time zone', { default: 'now()' })])),
        m(t([col('at', 'timestamp(3) without time zone')])),
      ),
      {
        from: 'migrations',
        to: 'prisma',
      },
    );
    expect([finding?.code, finding?.fixes.map((f) => f.text)]).toEqual([
      'column-default',
      ['ALTER TABLE public.t ALTER COLUMN at DROP DEFAULT;', '@default(now())'],
    ]);
  });

  it('throws when both sides are the same source', () => {
    expect(() => toFindings([], { from: 'prisma', to: 'prisma' })).toThrow(/both sides are prisma/);
  });
});
