import { type Change, changeSql, diffModels, type Model } from '@gander/schema';
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
  table,
  trigger,
  unique,
  users,
  view,
} from './diff-builders.js';

const sql = (from: Model, to: Model) => diffModels(from, to).flatMap((change: Change) => changeSql(change));
const t = (parts: Parameters<typeof table>[1]) => model({ tables: [table('t', parts)] });

describe('changeSql: statements that turn from into to', () => {
  it.each<[string, Model, Model, string[]]>([
    ['create schema', model(), model({ schemas: ['auth', 'public'] }), ['CREATE SCHEMA auth;']],
    ['drop schema', model({ schemas: ['auth', 'public'] }), model(), ['DROP SCHEMA auth;']],
    [
      'schema comment',
      model(),
      model({ schemaComments: { public: "it's" } }),
      ["COMMENT ON SCHEMA public IS 'it''s';"],
    ],
    [
      'create extension',
      model(),
      model({ extensions: [{ name: 'pgcrypto', schema: 'public' }] }),
      ['CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA public;'],
    ],
    [
      'extension schema',
      model({ extensions: [{ name: 'pgcrypto', schema: 'public' }] }),
      model({ extensions: [{ name: 'pgcrypto', schema: 'ext' }] }),
      ['ALTER EXTENSION pgcrypto SET SCHEMA ext;'],
    ],
    [
      'create enum',
      model(),
      model({ enums: [enumType('role', ['a', "b'c"])] }),
      ["CREATE TYPE public.role AS ENUM ('a', 'b''c');"],
    ],
    [
      'enum add value before the first',
      model({ enums: [enumType('role', ['b'])] }),
      model({ enums: [enumType('role', ['a', 'b'])] }),
      ["ALTER TYPE public.role ADD VALUE 'a' BEFORE 'b';"],
    ],
    [
      'create domain',
      model(),
      model({
        domains: [
          {
            schema: 'public',
            name: 'pos',
            type: 'integer',
            notNull: true,
            default: '1',
            checks: [{ name: 'pos_check', expression: 'VALUE > 0' }],
          },
        ],
      }),
      ['CREATE DOMAIN public.pos AS integer DEFAULT 1 NOT NULL CONSTRAINT pos_check CHECK (VALUE > 0);'],
    ],
    [
      'create sequence',
      model(),
      model({ sequences: [sequence('s')] }),
      [
        'CREATE SEQUENCE public.s AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;',
      ],
    ],
    [
      'create table',
      model(),
      model({
        tables: [
          table('user', {
            columns: [
              col('id', 'integer', { notNull: true, identity: 'always' }),
              col('Name', 'text', { default: "''::text" }),
            ],
            constraints: [pk('user_pkey', ['id'])],
            indexes: [index('user_name_idx', ['Name'])],
          }),
        ],
      }),
      [
        'CREATE TABLE public."user" (\n  id integer GENERATED ALWAYS AS IDENTITY NOT NULL,\n  "Name" text DEFAULT \'\'::text,\n  CONSTRAINT user_pkey PRIMARY KEY (id)\n);',
        'CREATE INDEX user_name_idx ON public."user" ("Name");',
      ],
    ],
    [
      'columns',
      t({ columns: [col('a', 'text'), col('b', 'text')] }),
      t({
        columns: [col('a', 'uuid', { notNull: true, default: 'gen_random_uuid()' }), col('c', 'integer')],
      }),
      [
        'ALTER TABLE public.t ALTER COLUMN a TYPE uuid USING a::uuid;',
        'ALTER TABLE public.t ALTER COLUMN a SET NOT NULL;',
        'ALTER TABLE public.t ALTER COLUMN a SET DEFAULT gen_random_uuid();',
        'ALTER TABLE public.t ADD COLUMN c integer;',
        'ALTER TABLE public.t DROP COLUMN b;',
      ],
    ],
    [
      'column rename',
      t({ columns: [col('adminId', 'uuid')] }),
      t({ columns: [col('admin_id', 'uuid')] }),
      ['ALTER TABLE public.t RENAME COLUMN "adminId" TO admin_id;'],
    ],
    [
      'constraints',
      t({ constraints: [check('c1', 'a > 0'), fk('t_b_fkey', ['b'], 'u', ['id'])] }),
      t({
        constraints: [
          check('c2', 'a > 1'),
          fk('fk_b', ['b'], 'u', ['id']),
          unique('t_x_key', ['x'], { deferrable: true }),
        ],
      }),
      [
        'ALTER TABLE public.t RENAME CONSTRAINT t_b_fkey TO fk_b;',
        'ALTER TABLE public.t ADD CONSTRAINT c2 CHECK (a > 1);',
        'ALTER TABLE public.t ADD CONSTRAINT t_x_key UNIQUE (x) DEFERRABLE INITIALLY IMMEDIATE;',
        'ALTER TABLE public.t DROP CONSTRAINT c1;',
      ],
    ],
    [
      'indexes',
      t({ constraints: [unique('t_e_key', ['e'])], indexes: [index('a_idx', ['a'])] }),
      t({ indexes: [index('uq_e', ['e'], { unique: true }), index('a_idx', ['a'], { predicate: 'a > 0' })] }),
      [
        'ALTER TABLE public.t RENAME CONSTRAINT t_e_key TO uq_e;',
        'DROP INDEX public.a_idx;',
        'CREATE INDEX a_idx ON public.t (a) WHERE (a > 0);',
      ],
    ],
    [
      'triggers',
      t({ triggers: [trigger('a')] }),
      t({ triggers: [trigger('b')] }),
      [
        '-- CREATE TRIGGER b ... ON public.t: copy the definition from the source that has it',
        'DROP TRIGGER a ON public.t;',
      ],
    ],
    [
      'views and routines',
      model({ views: [view('v')], routines: [routine('f', { argumentTypes: ['integer'] })] }),
      model(),
      ['DROP VIEW public.v;', 'DROP FUNCTION public.f(integer);'],
    ],
    [
      'table rename',
      model({ tables: [users()] }),
      model({ tables: [{ ...users(), name: 'usres' }] }),
      ['ALTER TABLE public.users RENAME TO usres;'],
    ],
  ])('%s', (_name, from, to, expected) => {
    expect(sql(from, to)).toEqual(expected);
  });
});
