/**
 * The Prisma fix of a `column-type` finding carries the field's new `@default(...)` when Prisma
 * writes the default otherwise under the new type: `@default("NORMAL")` on a `String` is
 * `@default(NORMAL)` on an enum, `"5"` is `5` on an `Int`. Found by sync-check on beegy-labs/my-girok
 * (notification-service notifications.priority / status): "set the field type to priority" left
 * `@default("NORMAL")`, which Prisma rejects on an enum field. Where the spelling stays, the fix is
 * the bare field type.
 */
import {
  type Column,
  diffModels,
  type Fix,
  type Model,
  type PrismaEnumName,
  type Side,
  toFindings,
} from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { col, enumType, model, table } from './diff-builders.js';

const priority = enumType('priority', ['low', 'normal', 'high']);
/** The Prisma schema's block: `enum Priority { Low @map("low") Normal @map("normal") ... }`. */
const priorityNames: PrismaEnumName = {
  schema: 'public',
  name: 'priority',
  prismaName: 'Priority',
  valueNames: { low: 'Low', normal: 'Normal', high: 'High' },
};

const withColumn = (column: Column): Model =>
  model({ tables: [table('notifications', { columns: [column] })], enums: [priority] });

/** The Prisma side's fix of the finding on notifications.x, comparing `other` with `prisma`. */
function typeFix(other: Column, prisma: Column, otherSide: Side = 'migrations'): Omit<Fix, 'side'> {
  const [from, to] = otherSide === 'migrations' ? [other, prisma] : [prisma, other];
  const findings = toFindings(diffModels(withColumn(from), withColumn(to)), {
    from: otherSide === 'migrations' ? 'migrations' : 'prisma',
    to: otherSide === 'migrations' ? 'prisma' : otherSide,
    enums: [priorityNames],
  });
  const finding = findings.find((f) => f.key === 'column-type:public.notifications.x');
  const fix = finding?.fixes.find((f) => f.side === 'prisma');
  if (!fix) throw new Error(`no Prisma column-type fix among ${findings.map((f) => f.key).join(', ')}`);
  const { side: _, location: __, ...rest } = fix;
  return rest;
}

const cases: {
  name: string;
  other: Column;
  prisma: Column;
  text: string;
  description: string;
}[] = [
  {
    name: 'enum <- varchar: the string default becomes the enum value, by its Prisma name',
    other: col('x', 'public.priority', { notNull: true, default: "'normal'" }),
    prisma: col('x', 'character varying(20)', { notNull: true, default: "'normal'" }),
    text: 'Priority @default(Normal)',
    description: 'set the field type and default to',
  },
  {
    name: 'varchar <- enum: the enum value becomes a string, before the native type attribute',
    other: col('x', 'character varying(20)', { notNull: true, default: "'normal'" }),
    prisma: col('x', 'public.priority', { notNull: true, default: "'normal'" }),
    text: 'String @default("normal") @db.VarChar(20)',
    description: 'set the field type and default to',
  },
  {
    name: 'integer <- text: "5" becomes 5',
    other: col('x', 'integer', { default: '5' }),
    prisma: col('x', 'text', { default: "'5'" }),
    text: 'Int? @default(5)',
    description: 'set the field type and default to',
  },
  {
    name: 'boolean list <- text list: strings become booleans',
    other: col('x', 'boolean[]', { default: "'{t,f}'" }),
    prisma: col('x', 'text[]', { default: "'{t,f}'" }),
    text: 'Boolean[] @default([true, false])',
    description: 'set the field type and default to',
  },
  {
    name: 'integer without default <- text with one: the default goes',
    other: col('x', 'integer'),
    prisma: col('x', 'text', { default: "'5'" }),
    text: 'Int?',
    description: 'remove the @default attribute and set the field type to',
  },
  {
    name: 'text <- varchar: the default is written the same, the fix is the type alone',
    other: col('x', 'text', { notNull: true, default: "'normal'" }),
    prisma: col('x', 'character varying(20)', { notNull: true, default: "'normal'" }),
    text: 'String',
    description: 'set the field type to',
  },
  {
    name: 'enum <- varchar without default: the fix is the type alone',
    other: col('x', 'public.priority', { notNull: true }),
    prisma: col('x', 'character varying(20)', { notNull: true }),
    text: 'Priority',
    description: 'set the field type to',
  },
];

describe('column-type Prisma fixes and the field default', () => {
  it.each(cases)('$name', ({ other, prisma, text, description }) => {
    expect(typeFix(other, prisma)).toEqual({ kind: 'prisma', text, description });
  });

  it('the same fix when the Prisma schema is the first source of the leg (prisma vs database)', () => {
    const database = col('x', 'public.priority', { notNull: true, default: "'normal'" });
    const prisma = col('x', 'character varying(20)', { notNull: true, default: "'normal'" });
    expect(typeFix(database, prisma, 'database')).toEqual({
      kind: 'prisma',
      text: 'Priority @default(Normal)',
      description: 'set the field type and default to',
    });
  });
});
