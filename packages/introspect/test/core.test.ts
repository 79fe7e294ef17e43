import { decodeTriggerArguments, rowsToModel, triggerWhenClause } from '@gander/introspect';
import {
  fingerprint,
  GanderError,
  loadParser,
  normalizeExpression,
  routineDigest,
  routineDigestText,
  triggerDigest,
} from '@gander/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { introspectCases } from './cases.js';

describe('triggerWhenClause', () => {
  it.each([
    {
      name: 'no WHEN',
      def: 'CREATE TRIGGER t BEFORE UPDATE ON public.a FOR EACH ROW EXECUTE FUNCTION public.f()',
      when: null,
    },
    {
      name: 'simple WHEN',
      def: 'CREATE TRIGGER t BEFORE UPDATE ON public.a FOR EACH ROW WHEN ((old.x IS DISTINCT FROM new.x)) EXECUTE FUNCTION public.f()',
      when: '(old.x IS DISTINCT FROM new.x)',
    },
    {
      name: 'quoted names and arguments that contain WHEN (',
      def: `CREATE TRIGGER " WHEN (" BEFORE UPDATE ON public." WHEN (x" FOR EACH ROW WHEN ((new.s = ')(''')) EXECUTE FUNCTION public.f(' WHEN (y)')`,
      when: `(new.s = ')(''')`,
    },
  ])('$name', ({ def, when }) => {
    expect(triggerWhenClause(def)).toBe(when);
  });
});

describe('decodeTriggerArguments', () => {
  it('splits tgargs on zero bytes and decodes UTF-8', () => {
    const hex = Buffer.concat([Buffer.from("it's\0"), Buffer.from('€ x\0'), Buffer.from('\0')]).toString(
      'hex',
    );
    expect(decodeTriggerArguments(hex)).toEqual(["it's", '€ x', '']);
    expect(decodeTriggerArguments('')).toEqual([]);
  });
});

describe('digests', () => {
  it('are the fingerprint of the documented canonical text', () => {
    const parts = {
      kind: 'function' as const,
      language: 'sql',
      arguments: [{ mode: 'in' as const, name: 'a', type: 'integer' }],
      returns: 'integer',
      volatility: 'immutable' as const,
      strict: true,
      securityDefiner: false,
      body: 'SELECT a',
    };
    expect(routineDigestText(parts)).toBe(
      '{"kind":"function","language":"sql","arguments":[{"mode":"in","name":"a","type":"integer"}],"returns":"integer","volatility":"immutable","strict":true,"securityDefiner":false,"body":"SELECT a"}',
    );
    expect(routineDigest(parts)).toBe(fingerprint(routineDigestText(parts)));
    expect(routineDigest({ ...parts, body: 'SELECT a ' })).not.toBe(routineDigest(parts));
  });

  beforeAll(async () => {
    await loadParser();
  });

  it('match the live digests of the triggers and routines fixture, rebuilt from the source text', () => {
    const triggers = introspectCases().find((c) => c.name === 'triggers');
    const table = triggers?.expected.tables[0];
    const touch = table?.triggers.find((t) => t.name === 'accounts_touch');
    expect(touch?.digest).toBe(
      triggerDigest({
        timing: 'before',
        events: ['update'],
        updateColumns: ['balance', 'status'],
        level: 'row',
        function: { schema: 'triggers', name: 'touch' },
        arguments: ["it's", 'WHEN (x)'],
        when: normalizeExpression('OLD.status IS DISTINCT FROM NEW.status'),
        oldTable: null,
        newTable: null,
        constraint: null,
      }),
    );
    const check = table?.triggers.find((t) => t.name === 'accounts_check');
    expect(check?.digest).toBe(
      triggerDigest({
        timing: 'after',
        events: ['insert', 'update'],
        updateColumns: [],
        level: 'row',
        function: { schema: 'triggers', name: 'touch' },
        arguments: [],
        when: null,
        oldTable: null,
        newTable: null,
        constraint: { deferrable: true, initiallyDeferred: true },
      }),
    );
    const routines = introspectCases().find((c) => c.name === 'routines');
    const add = routines?.expected.routines.find((r) => r.name === 'add' && r.argumentTypes[0] === 'integer');
    expect(add?.digest).toBe(
      routineDigest({
        kind: 'function',
        language: 'sql',
        arguments: [
          { mode: 'in', name: 'a', type: 'integer' },
          { mode: 'in', name: 'b', type: 'integer' },
        ],
        returns: 'integer',
        volatility: 'immutable',
        strict: true,
        securityDefiner: false,
        body: 'SELECT a + b',
      }),
    );
  });
});

describe('rowsToModel', () => {
  const empty = {
    server_version_num: 160000,
    schemas: null,
    extensions: null,
    enums: null,
    domains: null,
    sequences: null,
    tables: null,
    views: null,
    routines: null,
  };

  it('gives the empty model for an empty catalog and accepts JSON columns as text', () => {
    expect(rowsToModel(empty)).toEqual({
      schemas: [],
      extensions: [],
      enums: [],
      domains: [],
      sequences: [],
      tables: [],
      views: [],
      routines: [],
    });
    const model = rowsToModel({
      ...empty,
      schemas: JSON.stringify([
        { name: 'b', comment: null },
        { name: 'a', comment: 'x' },
      ]) as never,
    });
    expect(model.schemas).toEqual(['a', 'b']);
    expect(model.schemaComments).toEqual({ a: 'x' });
  });

  it('rejects a catalog code it does not know', () => {
    const table = {
      schema: 'public',
      name: 't',
      relkind: 'r',
      partkey: null,
      partition_of: null,
      inherits: null,
      comment: null,
      columns: null,
      indexes: null,
      triggers: null,
      constraints: [
        {
          name: 'c',
          contype: 'q',
          deferrable: false,
          deferred: false,
          validated: true,
          noinherit: false,
          columns: null,
          references: null,
          update_action: ' ',
          delete_action: ' ',
          match: ' ',
          expression: null,
          operators: null,
          index: null,
          comment: null,
        },
      ],
    };
    expect(() => rowsToModel({ ...empty, tables: [table] })).toThrow(GanderError);
    expect(() => rowsToModel({ ...empty, tables: [table] })).toThrow(
      /constraint "c" of "public"."t": unknown constraint type 'q'/,
    );
  });
});
