import {
  applyPolicy,
  combineFindings,
  diffModels,
  type Model,
  type Policy,
  severityFor,
  toFindings,
} from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { col, index, model, span, table, users } from './diff-builders.js';

describe('severity policy', () => {
  it.each<[string, Policy, string, string]>([
    ['default', {}, 'public.users.email', 'error'],
    ['per code', { codes: { 'column-type': 'warning' } }, 'public.users.email', 'warning'],
    ['per code off', { codes: { 'column-type': 'off' } }, 'public.users.email', 'off'],
    [
      'per object over per code',
      { codes: { 'column-type': 'warning' }, objects: [{ pattern: 'public.users.*', severity: 'info' }] },
      'public.users.email',
      'info',
    ],
    [
      'object rule limited to other codes',
      { objects: [{ pattern: 'public.users.*', codes: ['index-missing'], severity: 'info' }] },
      'public.users.email',
      'error',
    ],
    [
      'object rule not matching',
      { objects: [{ pattern: 'public.posts.*', severity: 'info' }] },
      'public.users.email',
      'error',
    ],
    [
      'last matching rule wins',
      {
        objects: [
          { pattern: 'public.**', severity: 'info' },
          { pattern: 'public.users.email', severity: 'warning' },
        ],
      },
      'public.users.email',
      'warning',
    ],
  ])('%s', (_name, policy, path, expected) => {
    expect(severityFor('column-type', path, policy)).toBe(expected);
  });

  it('toFindings applies the policy and leaves out what is off', () => {
    const a = model({ tables: [table('t', { columns: [col('a', 'uuid'), col('b', 'text')] })] });
    const b = model({ tables: [table('t', { columns: [col('a', 'text')] })] });
    const policy: Policy = {
      codes: { 'column-missing': 'off' },
      objects: [{ pattern: 'public.t.a', severity: 'warning' }],
    };
    expect(
      toFindings(diffModels(a, b), { from: 'migrations', to: 'database', policy }).map(
        (f) => `${f.code} ${f.severity}`,
      ),
    ).toEqual(['column-type warning']);
  });

  it('applyPolicy re-rates findings after the fact', () => {
    const findings = toFindings(diffModels(model({ tables: [users()] }), model()), {
      from: 'migrations',
      to: 'database',
    });
    expect(applyPolicy(findings, { codes: { 'table-missing': 'info' } }).map((f) => f.severity)).toEqual([
      'info',
    ]);
    expect(applyPolicy(findings, { objects: [{ pattern: 'public.users', severity: 'off' }] })).toEqual([]);
  });
});

describe('combineFindings: the source that disagrees with the other two', () => {
  const at = (file: string) => span(file, 3);
  const uuidTable = (file: string) =>
    model({ tables: [table('users', { columns: [col('id', 'uuid', { notNull: true, span: at(file) })] })] });
  const textTable = (file: string) =>
    model({ tables: [table('users', { columns: [col('id', 'text', { notNull: true, span: at(file) })] })] });

  function three(migrations: Model, prisma: Model, database: Model) {
    return combineFindings({
      migrationsPrisma: diffModels(migrations, prisma),
      migrationsDatabase: diffModels(migrations, database),
      prismaDatabase: diffModels(prisma, database),
    });
  }

  it.each([
    [
      'prisma',
      uuidTable('m.sql'),
      textTable('schema.prisma'),
      uuidTable('db'),
      'uuid in migrations, database; text in prisma',
    ],
    [
      'database',
      uuidTable('m.sql'),
      uuidTable('schema.prisma'),
      textTable('db'),
      'uuid in migrations, prisma; text in database',
    ],
    [
      'migrations',
      textTable('m.sql'),
      uuidTable('schema.prisma'),
      uuidTable('db'),
      'text in migrations; uuid in prisma, database',
    ],
  ])('culprit %s', (culprit, migrations, prisma, database, values) => {
    const findings = three(migrations, prisma, database);
    expect(
      findings.map((f) => [f.code, f.culprit, f.sides.map((s) => s.side), f.fixes.map((x) => x.side)]),
    ).toEqual([['column-type', culprit, ['migrations', 'prisma', 'database'], [culprit]]]);
    expect(findings[0]?.message).toContain(values);
  });

  it('presence reads from the culprit: prisma lacks the table -> table-missing', () => {
    const findings = three(model({ tables: [users()] }), model(), model({ tables: [users()] }));
    expect(findings.map((f) => [f.code, f.culprit, f.sides.map((s) => `${s.side}:${s.present}`)])).toEqual([
      ['table-missing', 'prisma', ['migrations:true', 'prisma:false', 'database:true']],
    ]);
  });

  it('presence reads from the culprit: only the database has the index -> index-extra', () => {
    const withIndex = model({ tables: [users({ indexes: [index('idx_hand', ['email'])] })] });
    const findings = three(model({ tables: [users()] }), model({ tables: [users()] }), withIndex);
    expect(findings.map((f) => [f.code, f.severity, f.culprit])).toEqual([
      ['index-extra', 'warning', 'database'],
    ]);
  });

  it('all three differ: no culprit, every fix', () => {
    const t = (type: string) => model({ tables: [table('users', { columns: [col('id', type)] })] });
    const findings = three(t('uuid'), t('text'), t('integer'));
    expect(findings.map((f) => [f.code, f.culprit, f.fixes.map((x) => x.side)])).toEqual([
      ['column-type', undefined, ['migrations', 'prisma', 'database']],
    ]);
  });

  it('all agree: nothing', () => {
    expect(
      three(model({ tables: [users()] }), model({ tables: [users()] }), model({ tables: [users()] })),
    ).toEqual([]);
  });

  it('prisma lacking a function reported once, as info, with prisma as culprit', () => {
    const withFn = model({
      routines: [
        { schema: 'public', name: 'f', kind: 'function', argumentTypes: [], language: 'sql', digest: 'x' },
      ],
    });
    const findings = three(withFn, model(), withFn);
    expect(findings.map((f) => [f.code, f.severity, f.culprit])).toEqual([
      ['unmodelled-object', 'info', 'prisma'],
    ]);
  });
});
