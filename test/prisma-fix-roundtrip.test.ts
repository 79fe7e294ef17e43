/**
 * The Prisma fixes read back as what they fix: a field line (`prismaField`, with its `@default`)
 * and a relation field (`prismaRelationField`), put in a schema and mapped by `prismaToModel` (which
 * follows Prisma's schema engine), give the column and the foreign key they were made from. So a
 * `@default("anonymous")` is what Prisma Migrate turns into `DEFAULT 'anonymous'`, and a literal
 * Prisma cannot write stays `dbgenerated(...)` with the same meaning. And the `column-type` fixes,
 * applied to a schema.prisma field as their description says, give a schema that Prisma's own
 * validator (prisma-schema-wasm, inside `prismaToModel`) accepts and whose column is the other
 * source's, default included (notification-service on beegy-labs/my-girok: `String
 * @default("NORMAL") @db.VarChar(20)` against the enum `priority`).
 */
import { prismaToModel } from '@gander/prisma';
import {
  type Column,
  diffModels,
  type Fix,
  type ForeignKeyConstraint,
  loadParser,
  type Model,
  type PrismaNaming,
  prismaEnum,
  prismaField,
  prismaRelationField,
  stripSpans,
  toFindings,
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

/** The enum blocks of the column-type cases: one named by the schema, one as db pull names it. */
const ENUMS = [
  'enum Priority {\n  Low @map("low")\n  Normal @map("NORMAL")\n  High\n\n  @@map("priority")\n}',
  'enum notification_status {\n  PENDING\n  SENT\n}',
].join('\n');
const enumNames: PrismaNaming = {
  enums: [
    {
      schema: 'public',
      name: 'priority',
      prismaName: 'Priority',
      valueNames: { low: 'Low', NORMAL: 'Normal', High: 'High' },
    },
    { schema: 'public', name: 'notification_status', prismaName: 'notification_status' },
  ],
};

/** Splits a field line at the spaces outside parentheses and string literals. */
function fieldTokens(line: string): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let quoted = false;
  let token = '';
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '\\') {
        token += c + (line[i + 1] ?? '');
        i += 1;
        continue;
      }
      if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === ' ' && depth === 0) {
      if (token) tokens.push(token);
      token = '';
      continue;
    }
    token += c;
  }
  if (token) tokens.push(token);
  return tokens;
}

/**
 * A column-type Prisma fix applied to a field line as its description says: the field type and its
 * `@db.*` attribute replaced by the fix text, and the `@default(...)` dropped when the fix gives
 * or removes the default.
 */
function applyTypeFix(line: string, fix: Fix): string {
  const [name, , ...attributes] = fieldTokens(line.trim());
  const verbs: Record<string, { readonly dropDefault: boolean }> = {
    'set the field type to': { dropDefault: false },
    'set the field type and default to': { dropDefault: true },
    'remove the @default attribute and set the field type to': { dropDefault: true },
  };
  const verb = verbs[fix.description];
  if (!verb) throw new Error(`not a column-type fix: ${fix.description}`);
  const kept = attributes.filter(
    (a) => !a.startsWith('@db.') && !(verb.dropDefault && a.startsWith('@default(')),
  );
  return `  ${[name, fix.text, ...kept].join(' ')}`;
}

const typeCases: { name: string; field: string; column: Column }[] = [
  {
    name: 'String @default("NORMAL") @db.VarChar(20) -> the enum priority (notification-service)',
    field: '  priority String @default("NORMAL") @db.VarChar(20)',
    column: { name: 'priority', type: 'public.priority', notNull: true, default: "'NORMAL'" },
  },
  {
    name: 'String @default("PENDING") @db.VarChar(20) -> the enum notification_status',
    field: '  status String @default("PENDING") @db.VarChar(20)',
    column: { name: 'status', type: 'public.notification_status', notNull: true, default: "'PENDING'" },
  },
  {
    name: 'the enum priority -> String @db.VarChar(20), default kept',
    field: '  priority Priority @default(Normal)',
    column: { name: 'priority', type: 'character varying(20)', notNull: true, default: "'NORMAL'" },
  },
  {
    name: 'String -> the enum priority with another default',
    field: '  priority String? @default("low")',
    column: { name: 'priority', type: 'public.priority', notNull: false, default: "'High'" },
  },
  {
    name: 'String @default("5") -> Int',
    field: '  count String @default("5") @map("count")',
    column: { name: 'count', type: 'integer', notNull: true, default: '5' },
  },
  {
    name: 'String @default("5") -> Int without default',
    field: '  count String @default("5")',
    column: { name: 'count', type: 'integer', notNull: true },
  },
  {
    name: 'String[] @default(["t", "f"]) -> Boolean[]',
    field: '  flags String[] @default(["t", "f"])',
    column: { name: 'flags', type: 'boolean[]', notNull: false, default: 'ARRAY[true, false]' },
  },
  {
    name: 'Json @default("{}") -> String @db.VarChar(10) (the default is written the same)',
    field: '  doc Json @default("{}")',
    column: { name: 'doc', type: 'character varying(10)', notNull: true, default: "'{}'" },
  },
];

describe('column-type Prisma fixes applied to the field, read back through prismaToModel', () => {
  beforeAll(async () => {
    await loadParser();
  });

  const schema = (field: string) => [`model notifications {\n  id Int @id\n${field}\n}`, ENUMS];

  it.each(typeCases)('$name', ({ field, column }) => {
    const prisma = mapped(schema(field));
    const replace = (model: Model): Model => ({
      ...model,
      tables: model.tables.map((t) => ({ ...t, columns: [t.columns[0] as Column, column] })),
    });
    const migrations = replace(prisma);
    const findings = toFindings(diffModels(migrations, prisma), {
      from: 'migrations',
      to: 'prisma',
      enums: enumNames.enums,
    });
    const fix = findings.find((f) => f.code === 'column-type')?.fixes.find((f) => f.side === 'prisma');
    if (!fix) throw new Error(`no column-type fix among ${findings.map((f) => f.key).join(', ')}`);
    const fixed = mapped(schema(applyTypeFix(field, fix)));
    expect(fixed).toEqual(migrations);
  });
});
