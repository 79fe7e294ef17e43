import {
  type PrismaNaming,
  prismaDefault,
  prismaEnum,
  prismaField,
  prismaFieldType,
  prismaIndex,
  prismaModel,
  prismaRelation,
  prismaRelationField,
  prismaType,
  pullName,
} from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { col, enumType, fk, index, pk, table, unique } from './diff-builders.js';

/** Every native type attribute of Prisma's PostgreSQL connector, and the scalar defaults (no attribute). */
const NATIVE: [string, string][] = [
  ['smallint', 'Int @db.SmallInt'],
  ['integer', 'Int'],
  ['oid', 'Int @db.Oid'],
  ['bigint', 'BigInt'],
  ['real', 'Float @db.Real'],
  ['double precision', 'Float'],
  ['numeric(10,2)', 'Decimal @db.Decimal(10, 2)'],
  ['numeric', 'Decimal @db.Decimal'],
  ['numeric(65,30)', 'Decimal'],
  ['money', 'Decimal @db.Money'],
  ['text', 'String'],
  ['character varying(255)', 'String @db.VarChar(255)'],
  ['character varying', 'String @db.VarChar'],
  ['character(2)', 'String @db.Char(2)'],
  ['bpchar', 'String @db.Char'],
  ['uuid', 'String @db.Uuid'],
  ['xml', 'String @db.Xml'],
  ['inet', 'String @db.Inet'],
  ['public.citext', 'String @db.Citext'],
  ['citext', 'String @db.Citext'],
  ['bit(8)', 'String @db.Bit(8)'],
  ['bit varying(8)', 'String @db.VarBit(8)'],
  ['bit varying', 'String @db.VarBit'],
  ['boolean', 'Boolean'],
  ['timestamp(3) without time zone', 'DateTime'],
  ['timestamp(0) without time zone', 'DateTime @db.Timestamp(0)'],
  ['timestamp without time zone', 'DateTime @db.Timestamp(6)'],
  ['timestamp(6) with time zone', 'DateTime @db.Timestamptz(6)'],
  ['timestamp with time zone', 'DateTime @db.Timestamptz(6)'],
  ['timestamp(3) with time zone', 'DateTime @db.Timestamptz(3)'],
  ['date', 'DateTime @db.Date'],
  ['time without time zone', 'DateTime @db.Time(6)'],
  ['time(2) without time zone', 'DateTime @db.Time(2)'],
  ['time with time zone', 'DateTime @db.Timetz(6)'],
  ['json', 'Json @db.Json'],
  ['jsonb', 'Json'],
  ['bytea', 'Bytes'],
  ['public.geometry(Point,4326)', 'Geometry @db.Geometry(Point, 4326)'],
  ['public.geometry(Geometry,4326)', 'Geometry'],
  ['geography(Point,4326)', 'Geometry @db.Geography(Point, 4326)'],
];

describe('prismaFieldType: canonical type -> Prisma scalar + native type attribute', () => {
  it.each(NATIVE)('%s -> %s', (canonical, expected) => {
    expect(prismaFieldType(canonical, true)).toBe(expected);
  });

  it('every @db attribute of the PostgreSQL connector appears above', () => {
    const attributes = new Set(NATIVE.map(([, text]) => /@db\.([A-Za-z]+)/.exec(text)?.[1]).filter(Boolean));
    const connector = [
      'SmallInt',
      'Integer',
      'BigInt',
      'Decimal',
      'Money',
      'Inet',
      'Oid',
      'Citext',
      'Real',
      'DoublePrecision',
      'VarChar',
      'Char',
      'Text',
      'ByteA',
      'Timestamp',
      'Timestamptz',
      'Date',
      'Time',
      'Timetz',
      'Boolean',
      'Bit',
      'VarBit',
      'Uuid',
      'Xml',
      'Json',
      'JsonB',
      'Geometry',
      'Geography',
    ];
    const defaults = ['Integer', 'BigInt', 'DoublePrecision', 'Text', 'ByteA', 'Boolean', 'JsonB'];
    expect(connector.filter((name) => !attributes.has(name) && !defaults.includes(name))).toEqual([]);
  });

  it.each([
    ['text', false, 'String?'],
    ['text[]', true, 'String[]'],
    ['uuid[]', false, 'String[] @db.Uuid'],
    ['public.role', true, 'Role'],
    ['public."Mood"[]', true, 'Mood[]'],
    ['interval', false, 'Unsupported("interval")?'],
    ['public.vector(1536)', true, 'Unsupported("public.vector(1536)")'],
  ])('%s notNull=%s -> %s', (canonical, notNull, expected) => {
    expect(
      prismaFieldType(canonical, notNull, [
        { schema: 'public', name: 'role' },
        { schema: 'public', name: 'Mood' },
      ]).replace('role', 'Role'),
    ).toBe(expected);
  });

  it('categories', () => {
    expect([
      prismaType('uuid').category,
      prismaType('public.role', [{ schema: 'public', name: 'role' }]).category,
      prismaType('tsvector').category,
    ]).toEqual(['scalar', 'enum', 'unsupported']);
  });
});

/** The Prisma names of a schema whose model `User` maps `users` with camelCase fields. */
const naming: PrismaNaming = {
  models: [
    {
      schema: 'public',
      name: 'users',
      prismaName: 'User',
      fields: { id: 'id', org_id: 'orgId', created_at: 'createdAt', email: 'email' },
    },
    { schema: 'public', name: 'orgs', prismaName: 'Org', fields: { id: 'orgId' } },
  ],
  enums: [
    {
      schema: 'public',
      name: 'status',
      prismaName: 'Status',
      valueNames: { active: 'Active', 'on-hold': 'OnHold' },
    },
    { schema: 'public', name: 'mood' },
  ],
};

describe('prismaDefault: canonical defaults as Prisma writes them (db pull rules)', () => {
  it.each([
    ['CURRENT_TIMESTAMP', 'timestamp(3) without time zone', '@default(now())'],
    ['CURRENT_TIMESTAMP', 'timestamp(6) with time zone', '@default(now())'],
    [
      'CURRENT_TIMESTAMP(3)',
      'timestamp(3) without time zone',
      '@default(dbgenerated("CURRENT_TIMESTAMP(3)"))',
    ],
    [
      "'2020-01-01 00:00:00'",
      'timestamp(3) without time zone',
      `@default(dbgenerated("'2020-01-01 00:00:00'"))`,
    ],
    ["nextval('users_id_seq')", 'integer', '@default(autoincrement())'],
    ['nextval(\'app."Seq"\')', 'bigint', '@default(autoincrement())'],
    ['true', 'boolean', '@default(true)'],
    ['false', 'boolean', '@default(false)'],
    ['42', 'integer', '@default(42)'],
    ['-7', 'smallint', '@default(-7)'],
    ['9223372036854775807', 'bigint', '@default(9223372036854775807)'],
    ['9223372036854775808', 'numeric', '@default(9223372036854775808)'],
    ['1.50', 'numeric(10,2)', '@default(1.50)'],
    ['-0.5', 'double precision', '@default(-0.5)'],
    ['1e3', 'double precision', '@default(dbgenerated("1e3"))'],
    ["'NaN'", 'numeric', `@default(dbgenerated("'NaN'"))`],
    ["'anonymous'", 'text', '@default("anonymous")'],
    ["'it''s'", 'character varying(10)', `@default("it's")`],
    ["''", 'character(1)', '@default("")'],
    ['\'say "hi"\'', 'text', '@default("say \\"hi\\"")'],
    ["E'a\\\\b'", 'text', '@default("a\\\\b")'],
    ["'line\nnext'", 'text', '@default("line\\nnext")'],
    ["'{}'", 'jsonb', '@default("{}")'],
    ["'[1, 2]'", 'json', '@default("[1, 2]")'],
    ["'x'", 'public.citext', '@default("x")'],
    ["'10.0.0.1'", 'inet', '@default("10.0.0.1")'],
    ["'\\x00ff'", 'bytea', '@default("AP8=")'],
    [
      "'3b241101-e2bb-4255-8caf-4136c566a962'",
      'uuid',
      `@default(dbgenerated("'3b241101-e2bb-4255-8caf-4136c566a962'"))`,
    ],
    ['gen_random_uuid()', 'uuid', '@default(dbgenerated("gen_random_uuid()"))'],
    ["'active'", 'public.status', '@default(Active)'],
    ["'on-hold'", 'public.status', '@default(OnHold)'],
    ["'calm'", 'public.mood', '@default(calm)'],
    ["'so-so'", 'public.mood', '@default(so_so)'],
    ['ARRAY[]', 'text[]', '@default([])'],
    ["'{}'", 'integer[]', '@default([])'],
    ["ARRAY['a', 'b']", 'text[]', '@default(["a", "b"])'],
    ['E\'{a,"b c","d\\\\"e"}\'', 'text[]', '@default(["a", "b c", "d\\"e"])'],
    ['ARRAY[1, -2]', 'integer[]', '@default([1, -2])'],
    ["'{1,2}'", 'bigint[]', '@default([1, 2])'],
    ["'{t,f}'", 'boolean[]', '@default([true, false])'],
    ['ARRAY[true]', 'boolean[]', '@default([true])'],
    ["ARRAY['active', 'on-hold']", 'public.status[]', '@default([Active, OnHold])'],
    ["'{active}'", 'public.status[]', '@default([Active])'],
    ["'{a,NULL}'", 'text[]', `@default(dbgenerated("'{a,NULL}'"))`],
    ["'{{1,2},{3,4}}'", 'integer[]', `@default(dbgenerated("'{{1,2},{3,4}}'"))`],
    [
      'ARRAY[CURRENT_TIMESTAMP]',
      'timestamp(3) without time zone[]',
      '@default(dbgenerated("ARRAY[CURRENT_TIMESTAMP]"))',
    ],
    ["'a'", 'text[]', `@default(dbgenerated("'a'"))`],
    ["ARRAY['a']", 'text', `@default(dbgenerated("ARRAY['a']"))`],
    ['42', 'text', '@default(dbgenerated("42"))'],
    ["'42'", 'integer', '@default(42)'],
    ["lower('A')", 'text', `@default(dbgenerated("lower('A')"))`],
    ["'a' || 'b'", 'text', `@default(dbgenerated("'a' || 'b'"))`],
    ["'(1,2)'", 'point', `@default(dbgenerated("'(1,2)'"))`],
  ])('%s on %s -> %s', (expression, type, expected) => {
    expect(prismaDefault(expression, type, naming)).toBe(expected);
  });
});

describe('Prisma fix text', () => {
  const users = table('users');
  it("a field line: the Prisma schema's field name with @map, else the column name", () => {
    const column = col('created_at', 'timestamp(6) with time zone', { default: 'CURRENT_TIMESTAMP' });
    expect(prismaField(column, users, { naming })).toBe(
      'createdAt DateTime? @default(now()) @map("created_at") @db.Timestamptz(6)',
    );
    expect(prismaField(col('admin_id', 'uuid', { default: 'gen_random_uuid()' }), users, { naming })).toBe(
      'admin_id String? @default(dbgenerated("gen_random_uuid()")) @db.Uuid',
    );
    expect(prismaField(col('2fa-code', 'text', { notNull: true }), users, { unique: true })).toBe(
      'fa_code String @unique @map("2fa-code")',
    );
  });

  it.each([
    [index('idx_users_email', ['email']), '@@index([email], map: "idx_users_email")'],
    [index('u', ['org_id', 'email'], { unique: true }), '@@unique([orgId, email], map: "u")'],
    [index('g', ['tags'], { method: 'gin' }), '@@index([tags], map: "g", type: Gin)'],
    [
      {
        ...index('d', []),
        keys: [{ column: 'created_at', order: 'desc' as const, nulls: 'first' as const }],
      },
      '@@index([createdAt(sort: Desc)], map: "d")',
    ],
    [
      {
        ...index('e', []),
        keys: [{ expression: 'lower(email)', order: 'asc' as const, nulls: 'last' as const }],
      },
      undefined,
    ],
    [index('p', ['a'], { predicate: 'a > 0' }), undefined],
  ])('index %#', (item, expected) => {
    expect(prismaIndex(item, users, naming)).toBe(expected);
  });

  it('a whole model as db pull names it, with the Prisma names of enums', () => {
    const t = table('user_roles', {
      columns: [
        col('user_id', 'uuid', { notNull: true }),
        col('role', 'text', { notNull: true }),
        col('status', 'public.status', { notNull: true, default: "'active'" }),
      ],
      constraints: [pk('user_roles_pkey', ['user_id', 'role']), unique('user_roles_role_key', ['role'])],
      indexes: [index('idx_role', ['role'])],
    });
    expect(prismaModel(t, naming)).toBe(
      [
        'model user_roles {',
        '  user_id String @db.Uuid',
        '  role String',
        '  status Status @default(Active)',
        '  @@id([user_id, role], map: "user_roles_pkey")',
        '  @@unique([role], map: "user_roles_role_key")',
        '  @@index([role], map: "idx_role")',
        '}',
      ].join('\n'),
    );
    expect(prismaModel(table('2fa-codes', { columns: [col('id', 'integer', { notNull: true })] }))).toBe(
      'model fa_codes {\n  id Int\n  @@map("2fa-codes")\n}',
    );
  });

  it("an enum block with the Prisma schema's value names, else db pull's", () => {
    expect(prismaEnum(enumType('status', ['active', 'on-hold', 'closed']), naming)).toBe(
      'enum Status {\n  Active @map("active")\n  OnHold @map("on-hold")\n  closed\n  @@map("status")\n}',
    );
    expect(prismaEnum(enumType('kind', ['a-b', '', '1x']))).toBe(
      'enum kind {\n  a_b @map("a-b")\n  EMPTY_ENUM_VALUE @map("")\n  x @map("1x")\n}',
    );
  });

  it('db pull names', () => {
    expect(['users', 'UserRoles', 'user-roles', '2fa', '_x', 'é', '123'].map(pullName)).toEqual([
      'users',
      'UserRoles',
      'user_roles',
      'fa',
      'x',
      'unnamed',
      'unnamed',
    ]);
  });
});

describe('relations', () => {
  const sessions = table('sessions', {
    columns: [col('id', 'uuid', { notNull: true }), col('user_id', 'uuid', { notNull: true })],
    constraints: [pk('sessions_pkey', ['id'])],
  });

  it('@relation names the fields and references as the Prisma schema does', () => {
    const key = fk('posts_author_fkey', ['author_id', 'org_id'], 'users', ['id', 'org_id'], {
      onDelete: 'cascade',
    });
    expect(prismaRelation(key, table('posts'), naming)).toBe(
      '@relation(fields: [author_id, org_id], references: [id, orgId], onDelete: Cascade, onUpdate: NoAction, map: "posts_author_fkey")',
    );
  });

  it('a relation field as db pull names it, with its back-relation', () => {
    const key = fk('sessions_user_id_fkey', ['user_id'], 'users', ['id'], { onDelete: 'cascade' });
    expect(
      prismaRelationField(key, { ...sessions, constraints: [...sessions.constraints, key] }, naming),
    ).toEqual({
      field:
        'User User @relation(fields: [user_id], references: [id], onDelete: Cascade, onUpdate: NoAction, map: "sessions_user_id_fkey")',
      target: 'User',
      back: 'sessions sessions[]',
    });
  });

  it('ambiguous relations get a relation name; one-to-one and optional relations', () => {
    const a = fk('t_a_fkey', ['a'], 'orgs', ['id']);
    const b = fk('t_b_fkey', ['b'], 'orgs', ['id']);
    const t = table('t', {
      columns: [col('a', 'integer', { notNull: true }), col('b', 'integer')],
      constraints: [a, b, unique('t_b_key', ['b'])],
    });
    expect(prismaRelationField(b, t, naming)).toEqual({
      field:
        'Org_t_bToOrg Org? @relation("t_bToOrg", fields: [b], references: [orgId], onDelete: NoAction, onUpdate: NoAction, map: "t_b_fkey")',
      target: 'Org',
      back: 't_t_bToOrg t? @relation("t_bToOrg")',
    });
  });

  it('a self-relation', () => {
    const parent = fk('nodes_parent_fkey', ['parent_id'], 'nodes', ['id']);
    const nodes = table('nodes', {
      columns: [col('id', 'integer', { notNull: true }), col('parent_id', 'integer')],
      constraints: [pk('nodes_pkey', ['id']), parent],
    });
    expect(prismaRelationField(parent, nodes)).toEqual({
      field:
        'nodes nodes? @relation("nodesTonodes", fields: [parent_id], references: [id], onDelete: NoAction, onUpdate: NoAction, map: "nodes_parent_fkey")',
      target: 'nodes',
      back: 'other_nodes nodes[] @relation("nodesTonodes")',
    });
  });
});
