/**
 * Prisma fixes name an enum type as the Prisma schema does: by its `enum` block's name when the
 * schema has one (`enum Gender { ... @@map("gender") }` -> `Gender`), else by the name the
 * enum-missing fix gives the block it adds (`prisma db pull`'s: the type's name), so that the fixes
 * of one report fit together. Found by sync-check on beegy-labs/my-girok: the suggested model typed
 * a field with one name beside an enum block of another.
 */
import { diffModels, type Finding, type Model, type PrismaEnumName, toFindings } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { col, enumType, model, pk, table } from './diff-builders.js';

const sessions = table('sessions', {
  columns: [
    col('id', 'uuid', { notNull: true }),
    col('subject_type', 'public.session_subject_type', { notNull: true }),
  ],
  constraints: [pk('sessions_pkey', ['id'])],
});

function prismaFixes(
  migrations: Model,
  prisma: Model,
  enums?: readonly PrismaEnumName[],
): Record<string, string> {
  const findings: Finding[] = toFindings(diffModels(migrations, prisma), {
    from: 'migrations',
    to: 'prisma',
    enums: enums ?? [...migrations.enums, ...prisma.enums],
  });
  return Object.fromEntries(
    findings.map((f) => [f.key, f.fixes.find((fix) => fix.side === 'prisma')?.text ?? '']),
  );
}

describe('enum names in Prisma fixes', () => {
  it('a missing model and its missing enum use the same Prisma name', () => {
    const migrations = model({
      tables: [sessions],
      enums: [enumType('session_subject_type', ['USER', 'ADMIN'])],
    });
    const fixes = prismaFixes(migrations, model());
    expect(fixes['enum-presence:public.session_subject_type']).toBe(
      'enum session_subject_type {\n  USER\n  ADMIN\n}',
    );
    expect(fixes['table-presence:public.sessions']).toBe(
      'model sessions {\n  id String @id @db.Uuid\n  subject_type session_subject_type\n}',
    );
  });

  it('a column typed with an enum the Prisma schema has uses its block name', () => {
    const status = enumType('gender', ['MALE', 'FEMALE']);
    const migrations = model({
      tables: [table('people', { columns: [col('gender', 'public.gender')] })],
      enums: [status],
    });
    const prisma = model({
      tables: [table('people', { columns: [col('gender', 'text')] })],
      enums: [status],
    });
    const named = prismaFixes(migrations, prisma, [
      { schema: 'public', name: 'gender', prismaName: 'Gender' },
    ]);
    expect(named['column-type:public.people.gender']).toBe('Gender?');
    const lowercase = prismaFixes(migrations, prisma, [
      { schema: 'public', name: 'gender', prismaName: 'gender' },
    ]);
    expect(lowercase['column-type:public.people.gender']).toBe('gender?');
  });
});
