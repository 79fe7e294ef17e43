import {
  prismaDefault,
  prismaField,
  prismaFieldType,
  prismaIndex,
  prismaModel,
  prismaType,
} from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { col, index, pk, table, unique } from './diff-builders.js';

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

describe('Prisma fix text', () => {
  it.each([
    ['now()', 'timestamp(3) without time zone', '@default(now())'],
    ['CURRENT_TIMESTAMP', 'timestamp(3) without time zone', '@default(now())'],
    ["nextval('users_id_seq'::regclass)", 'integer', '@default(autoincrement())'],
    ['true', 'boolean', '@default(true)'],
    ['42', 'integer', '@default(42)'],
    ["'hello'::text", 'text', '@default("hello")'],
    ["'it''s'::character varying", 'character varying(10)', '@default("it\'s")'],
    ["'active'::public.status", 'public.status', '@default(active)'],
    ['gen_random_uuid()', 'uuid', '@default(dbgenerated("gen_random_uuid()"))'],
  ])('default %s -> %s', (expression, type, expected) => {
    expect(prismaDefault(expression, type)).toBe(expected);
  });

  it('a field line with @map and the native type last', () => {
    expect(prismaField(col('admin_id', 'uuid', { default: 'gen_random_uuid()' }))).toBe(
      'adminId String? @default(dbgenerated("gen_random_uuid()")) @map("admin_id") @db.Uuid',
    );
    expect(prismaField(col('email', 'text', { notNull: true }), { unique: true })).toBe(
      'email String @unique',
    );
  });

  it.each([
    [index('idx_users_email', ['email']), '@@index([email], map: "idx_users_email")'],
    [index('u', ['a', 'b'], { unique: true }), '@@unique([a, b], map: "u")'],
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
    expect(prismaIndex(item)).toBe(expected);
  });

  it('a whole model with @@map and composite keys', () => {
    const t = table('user_roles', {
      columns: [col('user_id', 'uuid', { notNull: true }), col('role', 'text', { notNull: true })],
      constraints: [pk('user_roles_pkey', ['user_id', 'role']), unique('user_roles_role_key', ['role'])],
      indexes: [index('idx_role', ['role'])],
    });
    expect(prismaModel(t)).toBe(
      [
        'model UserRoles {',
        '  userId String @map("user_id") @db.Uuid',
        '  role String',
        '  @@id([userId, role], map: "user_roles_pkey")',
        '  @@unique([role], map: "user_roles_role_key")',
        '  @@index([role], map: "idx_role")',
        '  @@map("user_roles")',
        '}',
      ].join('\n'),
    );
  });
});
