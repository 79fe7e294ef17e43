/**
 * Prisma fixes call models and fields by the names schema.prisma gives them (sync-check passes them
 * from `prismaToModel`'s spans): a foreign key on `sessions.user_id` is `fields: [userId]` when the
 * model says `userId String @map("user_id")`, not a camelCase guess that happens to match. Objects
 * the Prisma schema lacks are named as `prisma db pull` would name them: a missing column keeps its
 * database name.
 */
import { diffModels, type Finding, type Model, type PrismaModelName, toFindings } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { col, fk, index, model, pk, table } from './diff-builders.js';

const users = table('users', {
  columns: [col('id', 'uuid', { notNull: true }), col('e_mail', 'text', { notNull: true })],
  constraints: [pk('users_pkey', ['id'])],
});
const sessions = (withKey: boolean, extra: Partial<Parameters<typeof table>[1]> = {}) =>
  table('sessions', {
    columns: [col('id', 'uuid', { notNull: true }), col('user_id', 'uuid', { notNull: true })],
    constraints: [
      pk('sessions_pkey', ['id']),
      ...(withKey
        ? [fk('sessions_user_id_fkey', ['user_id'], 'users', ['id'], { onDelete: 'cascade' })]
        : []),
    ],
    ...extra,
  });

const prismaModels: PrismaModelName[] = [
  { schema: 'public', name: 'users', prismaName: 'User', fields: { id: 'id', e_mail: 'email' } },
  { schema: 'public', name: 'sessions', prismaName: 'Session', fields: { id: 'id', user_id: 'userId' } },
];

function prismaFixes(migrations: Model, prisma: Model, names?: PrismaModelName[]): Record<string, string> {
  const findings: Finding[] = toFindings(diffModels(migrations, prisma), {
    from: 'migrations',
    to: 'prisma',
    ...(names ? { prismaModels: names } : {}),
  });
  return Object.fromEntries(
    findings.map((f) => {
      const fix = f.fixes.find((x) => x.side === 'prisma');
      return [f.key, fix ? `${fix.text} | ${fix.description}` : ''];
    }),
  );
}

describe('Prisma fixes use the Prisma schema’s names', () => {
  const migrations = model({
    tables: [
      users,
      sessions(true, {
        columns: [
          col('id', 'uuid', { notNull: true }),
          col('user_id', 'uuid', { notNull: true }),
          col('last_seen_at', 'timestamp(6) with time zone'),
        ],
        indexes: [index('sessions_user_id_idx', ['user_id'])],
      }),
    ],
  });
  const prisma = model({ tables: [users, sessions(false)] });

  it('a missing foreign key is a relation field over the model’s own field names', () => {
    expect(
      prismaFixes(migrations, prisma, prismaModels)['fk-presence:public.sessions.sessions_user_id_fkey'],
    ).toBe(
      'User User @relation(fields: [userId], references: [id], onDelete: Cascade, onUpdate: NoAction, map: "sessions_user_id_fkey") | add the relation field to the model; model User needs the back-relation field `Session Session[]`',
    );
  });

  it('a missing index names its field as the model does; a missing column keeps its database name', () => {
    const fixes = prismaFixes(migrations, prisma, prismaModels);
    expect(fixes['index-presence:public.sessions.sessions_user_id_idx']).toBe(
      '@@index([userId], map: "sessions_user_id_idx") | add to the model',
    );
    expect(fixes['column-presence:public.sessions.last_seen_at']).toBe(
      'last_seen_at DateTime? @db.Timestamptz(6) | add the field to the model of table sessions',
    );
  });

  it('without the Prisma names, db pull’s: the database names', () => {
    expect(prismaFixes(migrations, prisma)['fk-presence:public.sessions.sessions_user_id_fkey']).toBe(
      'users users @relation(fields: [user_id], references: [id], onDelete: Cascade, onUpdate: NoAction, map: "sessions_user_id_fkey") | add the relation field to the model; model users needs the back-relation field `sessions sessions[]`',
    );
  });

  it('other foreign-key fixes set the @relation attribute with the model’s names', () => {
    const other = model({
      tables: [users, sessions(true)].map((t) =>
        t.name === 'sessions'
          ? {
              ...t,
              constraints: t.constraints.map((c) =>
                c.kind === 'foreign key' ? { ...c, columns: ['id'] } : c,
              ),
            }
          : t,
      ),
    });
    const fixes = prismaFixes(model({ tables: [users, sessions(true)] }), other, prismaModels);
    expect(Object.values(fixes).filter((text) => text.startsWith('@relation'))).toEqual([
      '@relation(fields: [userId], references: [id], onDelete: Cascade, onUpdate: NoAction, map: "sessions_user_id_fkey") | set on the relation field',
    ]);
  });
});
