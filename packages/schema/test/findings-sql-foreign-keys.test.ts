/**
 * A column-type fix on a column that foreign keys involve runs on PostgreSQL: alone, PostgreSQL
 * refuses `ALTER COLUMN id TYPE uuid` while `sessions.user_id` (text) references it ("foreign key
 * constraint ... cannot be implemented"). The fix drops the keys, retypes the column and the
 * columns the target retypes at the keys' other ends, and adds the keys back. Each fix runs on its
 * own, and all of a report's fixes run one after the other; the server then has the target's types
 * and the keys as they were.
 */
import { changeSql, combineFindings, diffModels, type Finding, type Model, toFindings } from '@gander/schema';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../scripts/test-db/index.js';
import { col, fk, model, pk, table } from './diff-builders.js';

/**
 * The SQL fixes of `side` for the column-type findings between `from` (migrations) and `to`
 * (database), in finding order (tables by name).
 */
function typeFixes(from: Model, to: Model, side: 'migrations' | 'database'): string[][] {
  const findings: Finding[] = toFindings(diffModels(from, to), {
    from: 'migrations',
    to: 'database',
    models: { from, to },
  });
  return findings
    .filter((f) => f.code === 'column-type')
    .map((f) => (f.fixes.find((fix) => fix.side === side)?.text ?? '').split('\n'));
}

const TYPES = `
  SELECT c.relname || '.' || a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
   ORDER BY 1`;
const KEYS = `
  SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
   WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1`;

/** Creates `start` in a fresh database, runs each group of statements, returns the catalog's view. */
async function run(start: Model, groups: readonly (readonly string[])[]) {
  const db = await createDatabase(16);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const keyless = model({
      tables: start.tables.map((t) => ({
        ...t,
        constraints: t.constraints.filter((c) => c.kind !== 'foreign key'),
      })),
    });
    const create = [...diffModels(model(), keyless), ...diffModels(keyless, start)].flatMap((c) =>
      changeSql(c),
    );
    for (const statement of create) await client.query(statement);
    for (const group of groups) await client.query(group.join('\n'));
    const types = (await client.query<{ column: string; type: string }>(TYPES)).rows;
    const keys = (await client.query<{ name: string; definition: string }>(KEYS)).rows;
    return { types: Object.fromEntries(types.map((r) => [r.column, r.type])), keys };
  } finally {
    await client.end();
    await db.drop();
  }
}

const usersSessions = (idType: string, extra: { default?: string } = {}) =>
  model({
    tables: [
      table('users', {
        columns: [col('id', idType, { notNull: true, ...extra })],
        constraints: [pk('users_pkey', ['id'])],
      }),
      table('sessions', {
        columns: [col('id', 'integer', { notNull: true }), col('user_id', idType)],
        constraints: [
          pk('sessions_pkey', ['id']),
          fk('sessions_user_id_fkey', ['user_id'], 'users', ['id'], { onDelete: 'cascade' }),
        ],
      }),
    ],
  });

const nodes = (idType: string) =>
  model({
    tables: [
      table('nodes', {
        columns: [col('id', idType, { notNull: true }), col('parent_id', idType)],
        constraints: [pk('nodes_pkey', ['id']), fk('nodes_parent_id_fkey', ['parent_id'], 'nodes', ['id'])],
      }),
    ],
  });

const SESSION_KEY = {
  name: 'sessions_user_id_fkey',
  definition: 'FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
};

describe('column-type fixes around foreign keys, run on PostgreSQL 16', () => {
  const text = usersSessions('text', { default: 'CAST(gen_random_uuid() AS text)' });
  const uuid = usersSessions('uuid', { default: 'gen_random_uuid()' });
  const uuidTypes = { 'sessions.id': 'integer', 'sessions.user_id': 'uuid', 'users.id': 'uuid' };

  it('the fix of the referenced column drops, retypes both ends, and re-adds the key', () => {
    const [sessions, users] = typeFixes(text, uuid, 'migrations');
    expect(users).toEqual([
      'ALTER TABLE public.sessions DROP CONSTRAINT sessions_user_id_fkey;',
      'ALTER TABLE public.users ALTER COLUMN id DROP DEFAULT;',
      'ALTER TABLE public.users ALTER COLUMN id TYPE uuid USING id::uuid;',
      'ALTER TABLE public.users ALTER COLUMN id SET DEFAULT gen_random_uuid();',
      'ALTER TABLE public.sessions ALTER COLUMN user_id TYPE uuid USING user_id::uuid;',
      'ALTER TABLE public.sessions ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;',
    ]);
    expect(sessions).toEqual([
      'ALTER TABLE public.sessions DROP CONSTRAINT sessions_user_id_fkey;',
      'ALTER TABLE public.sessions ALTER COLUMN user_id TYPE uuid USING user_id::uuid;',
      'ALTER TABLE public.users ALTER COLUMN id DROP DEFAULT;',
      'ALTER TABLE public.users ALTER COLUMN id TYPE uuid USING id::uuid;',
      'ALTER TABLE public.users ALTER COLUMN id SET DEFAULT gen_random_uuid();',
      'ALTER TABLE public.sessions ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;',
    ]);
  });

  it.each([
    ['the sessions.user_id fix alone', [0]],
    ['the users.id fix alone', [1]],
    ['both fixes, one after the other', [0, 1]],
    ['both fixes, the other way round', [1, 0]],
  ])('%s runs, and the database has the target types and the key', async (_name, order) => {
    const fixes = typeFixes(text, uuid, 'migrations');
    const result = await run(
      text,
      order.map((i) => fixes[i] as string[]),
    );
    expect(result).toEqual({ types: uuidTypes, keys: [SESSION_KEY] });
  });

  it('the other direction (the database side made to agree) runs too', async () => {
    const fixes = typeFixes(text, uuid, 'database');
    const result = await run(uuid, fixes);
    expect(result).toEqual({
      types: { 'sessions.id': 'integer', 'sessions.user_id': 'text', 'users.id': 'text' },
      keys: [SESSION_KEY],
    });
  });

  it('a self-referencing key', async () => {
    const fixes = typeFixes(nodes('integer'), nodes('bigint'), 'migrations');
    expect(fixes).toHaveLength(2);
    for (const fix of fixes) {
      expect(await run(nodes('integer'), [fix])).toEqual({
        types: { 'nodes.id': 'bigint', 'nodes.parent_id': 'bigint' },
        keys: [{ name: 'nodes_parent_id_fkey', definition: 'FOREIGN KEY (parent_id) REFERENCES nodes(id)' }],
      });
    }
  });

  it('a key whose other end keeps its type is dropped and re-added around the change', async () => {
    const from = usersSessions('character varying(36)');
    const to = model({
      tables: from.tables.map((t) =>
        t.name === 'users' ? { ...t, columns: [col('id', 'text', { notNull: true })] } : t,
      ),
    });
    const [fix] = typeFixes(from, to, 'migrations');
    expect(fix).toEqual([
      'ALTER TABLE public.sessions DROP CONSTRAINT sessions_user_id_fkey;',
      'ALTER TABLE public.users ALTER COLUMN id TYPE text USING id::text;',
      'ALTER TABLE public.sessions ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;',
    ]);
    expect(await run(from, [fix as string[]])).toEqual({
      types: { 'sessions.id': 'integer', 'sessions.user_id': 'character varying(36)', 'users.id': 'text' },
      keys: [SESSION_KEY],
    });
  });

  it('with three sources, the culprit’s fix sees the foreign keys of its own model', () => {
    const legs = {
      migrationsPrisma: diffModels(text, uuid),
      migrationsDatabase: diffModels(text, uuid),
      prismaDatabase: diffModels(uuid, uuid),
      models: {
        migrationsPrisma: { from: text, to: uuid },
        migrationsDatabase: { from: text, to: uuid },
        prismaDatabase: { from: uuid, to: uuid },
      },
    };
    const users = combineFindings(legs).find((f) => f.code === 'column-type' && f.object.table === 'users');
    expect(users?.culprit).toBe('migrations');
    expect(users?.fixes.map((f) => [f.side, f.text.split('\n')[0]])).toEqual([
      ['migrations', 'ALTER TABLE public.sessions DROP CONSTRAINT sessions_user_id_fkey;'],
    ]);
  });

  it('without the models (no foreign keys known) the fix is the bare type change, which PostgreSQL refuses', async () => {
    const findings = toFindings(diffModels(text, uuid), { from: 'migrations', to: 'database' });
    const users = findings.find((f) => f.code === 'column-type' && f.object.table === 'users');
    const bare = users?.fixes[0]?.text.split('\n') ?? [];
    expect(bare).toEqual([
      'ALTER TABLE public.users ALTER COLUMN id DROP DEFAULT;',
      'ALTER TABLE public.users ALTER COLUMN id TYPE uuid USING id::uuid;',
      'ALTER TABLE public.users ALTER COLUMN id SET DEFAULT gen_random_uuid();',
    ]);
    await expect(run(text, [bare])).rejects.toThrow(
      'foreign key constraint "sessions_user_id_fkey" cannot be implemented',
    );
  });
});
