/**
 * `sameDefault`: an array default written as a literal (`'{7,1}'`, what migrations write) and as a
 * constructor (`ARRAY[7, 1]`, what Prisma's `@default([7, 1])` creates) is the same value.
 * Found by sync-check on beegy-labs/my-girok (auth-service, identity-service).
 */
import { diffModels, emptyModel, type Model, type Table } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { sameDefault } from '../src/diff/equivalence.js';

const cases: { name: string; a: string | undefined; b: string | undefined; same: boolean }[] = [
  { name: 'integer literal vs ARRAY', a: "'{7,1}'", b: 'ARRAY[7, 1]', same: true },
  { name: 'empty literal vs ARRAY[]', a: "'{}'", b: 'ARRAY[]', same: true },
  {
    name: 'quoted text literal vs ARRAY of strings',
    a: `'{"MON","TUE"}'`,
    b: "ARRAY['MON', 'TUE']",
    same: true,
  },
  { name: 'unquoted text literal vs ARRAY of strings', a: "'{a,b c}'", b: "ARRAY['a', 'b c']", same: true },
  { name: 'casts are ignored', a: "'{1,2}'::integer[]", b: 'ARRAY[1, 2]', same: true },
  { name: 'other elements', a: "'{7,1}'", b: 'ARRAY[1, 7]', same: false },
  { name: 'other length', a: "'{}'", b: "ARRAY['x']", same: false },
  { name: 'not arrays', a: "'x'", b: "'y'", same: false },
  { name: 'one side without default', a: "'{}'", b: undefined, same: false },
];

describe('sameDefault', () => {
  it.each(cases)('$name', ({ a, b, same }) => {
    expect(sameDefault(a, b)).toBe(same);
    expect(sameDefault(b, a)).toBe(same);
  });
});

function modelWith(defaultText: string): Model {
  const table: Table = {
    schema: 'public',
    name: 'configs',
    kind: 'table',
    inherits: [],
    columns: [{ name: 'days', type: 'integer[]', notNull: true, default: defaultText }],
    constraints: [],
    indexes: [],
    triggers: [],
  };
  return { ...emptyModel(), schemas: ['public'], tables: [table] };
}

describe('diffModels with array defaults', () => {
  it('reports no change for the same array written two ways', () => {
    expect(diffModels(modelWith("'{7,1}'"), modelWith('ARRAY[7, 1]'))).toEqual([]);
  });
  it('reports the default when the values differ', () => {
    const changes = diffModels(modelWith("'{7,1}'"), modelWith('ARRAY[7, 2]'));
    expect(changes.map((c) => c.kind)).toEqual(['alter table']);
  });
});
