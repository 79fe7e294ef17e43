/**
 * The Prisma fixes read back as what they fix: a field line (`prismaField`, with its `@default`)
 * and a relation field (`prismaRelationField`), put in a schema and mapped by `prismaToModel` (which
 * follows Prisma's schema engine), give the column and the foreign key they were made from. So a
 * `@default("anonymous")` is what Prisma Migrate turns into `DEFAULT 'anonymous'`, and a literal
 * Prisma cannot write stays `dbgenerated(...)` with the same meaning.
 */
import { prismaToModel } from '@gander/prisma';
import {
  type Column,
  type ForeignKeyConstraint,
  loadParser,
  type PrismaNaming,
  prismaEnum,
  prismaField,
  prismaRelationField,
  stripSpans,
} from '@gander/schema';
import { beforeAll, describe, expect, it } from 'vitest';

const HEAD = 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n';

const status = { schema: 'public', name: 'status', values: ['active', 'on-hold', ''] } as const;
const naming: PrismaNaming = {
  enums: [{ schema: 'public', name: 'status', prismaName: 'Status', valueNames: { active: 'Active' } }],
};

function mapped(blocks: string[]) {
  return stripSpans(
    prismaToModel({ files: [{ path: 'schema.prisma', text: HEAD + blocks.join('\n') }], origin: 'file' })
      .model,
  );
}

const columns: Column[] = [
  { name: 'name', type: 'text', notNull: false, default: "'anonymous'" },
  { name: 'quoted', type: 'text', notNull: true, default: 'E\'say "hi" \\\\ bye\'' },
  { name: 'code', type: 'character varying(10)', notNull: true, default: "'it''s'" },
  { name: 'count', type: 'integer', notNull: true, default: '-3' },
  { name: 'big', type: 'bigint', notNull: true, default: '9007199254740993' },
  { name: 'price', type: 'numeric(10,2)', notNull: true, default: '1.50' },
  { name: 'ratio', type: 'double precision', notNull: true, default: '0.25' },
  { name: 'active', type: 'boolean', notNull: true, default: 'false' },
  { name: 'created_at', type: 'timestamp(6) with time zone', notNull: true, default: 'CURRENT_TIMESTAMP' },
  { name: 'doc', type: 'jsonb', notNull: true, default: '\'{"a": [1]}\'' },
  { name: 'blob', type: 'bytea', notNull: true, default: "'\\x00ff10'" },
  { name: 'state', type: 'public.status', notNull: true, default: "'active'" },
  { name: 'held', type: 'public.status', notNull: true, default: "'on-hold'" },
  { name: 'blank', type: 'public.status', notNull: true, default: "''" },
  { name: 'tags', type: 'text[]', notNull: false, default: "ARRAY['a', 'b c']" },
  { name: 'empty', type: 'integer[]', notNull: false, default: 'ARRAY[]' },
  { name: 'states', type: 'public.status[]', notNull: false, default: "ARRAY['active', 'on-hold']" },
  { name: 'token', type: 'uuid', notNull: true, default: 'gen_random_uuid()' },
  { name: 'fixed_id', type: 'uuid', notNull: true, default: "'3b241101-e2bb-4255-8caf-4136c566a962'" },
  { name: 'lowered', type: 'text', notNull: true, default: "lower('ABC')" },
  { name: '2fa-code', type: 'text', notNull: false },
];

describe('Prisma fixes read back through prismaToModel', () => {
  beforeAll(async () => {
    await loadParser();
  });

  it('every field line gives back its column: type, nullability, default, name', () => {
    const table = { schema: 'public', name: 'things' };
    const fields = columns.map((column) => `  ${prismaField(column, table, { naming })}`);
    const model = mapped([
      `model things {\n  id Int @id\n${fields.join('\n')}\n}`,
      prismaEnum({ ...status, values: [...status.values] }, naming),
    ]);
    const things = model.tables.find((t) => t.name === 'things');
    expect(things?.columns.slice(1)).toEqual(columns);
    expect(model.enums.map((e) => e.values)).toEqual([status.values]);
  });

  it('a relation field and its back-relation give back the foreign key', () => {
    const key: ForeignKeyConstraint = {
      kind: 'foreign key',
      name: 'sessions_owner_fkey',
      columns: ['owner_id'],
      references: { schema: 'public', name: 'users', columns: ['id'] },
      onDelete: 'cascade',
      onUpdate: 'no action',
      match: 'simple',
      validated: true,
      deferrable: false,
      initiallyDeferred: false,
    };
    const sessions = {
      schema: 'public',
      name: 'sessions',
      kind: 'table' as const,
      inherits: [],
      columns: [
        { name: 'id', type: 'integer', notNull: true },
        { name: 'owner_id', type: 'integer', notNull: false },
      ],
      constraints: [key],
      indexes: [],
      triggers: [],
    };
    const relation = prismaRelationField(key, sessions);
    expect(relation.target).toBe('users');
    const model = mapped([
      `model sessions {\n  id Int @id\n  owner_id Int?\n  ${relation.field}\n}`,
      `model users {\n  id Int @id\n  ${relation.back}\n}`,
    ]);
    const mappedKey = model.tables
      .find((t) => t.name === 'sessions')
      ?.constraints.find((c) => c.kind === 'foreign key');
    expect(mappedKey).toEqual(key);
  });
});
