/**
 * Pure parts of the runner: goose's planner rules, durations, names, arguments. Connection strings
 * are `@gander/introspect`'s (`packages/introspect/test/connection.test.ts`).
 */
import { parseVersion } from '@gander/goose';
import { describe, expect, it } from 'vitest';
import {
  ansicFromTimestampText,
  currentVersion,
  gooseDuration,
  parseArgs,
  planCommand,
  resolveInvocation,
  snakeCase,
} from '../src/index.js';

const files = [1, 2, 3].map((version) => ({ version, file: `m/0000${version}_x.sql`, kind: 'sql' as const }));
const rows = (...pairs: Array<[number, boolean]>) =>
  pairs.reverse().map(([version, isApplied]) => ({ version, isApplied }));

describe('planner (goose legacy rules)', () => {
  it.each([
    {
      name: 'current = newest applied row by id, skipping versions whose newest row is false',
      rows: rows([0, true], [1, true], [2, true], [2, false]),
      want: 1,
    },
    {
      name: 'out-of-order history 1,3,2: current is 2, not the max',
      rows: rows([0, true], [1, true], [3, true], [2, true]),
      want: 2,
    },
    { name: 'empty table: no current version', rows: [], want: undefined },
  ])('$name', ({ rows: r, want }) => expect(currentVersion(r)).toBe(want));

  it('down-to stops at once when the current version (by id) is at or below the target', () => {
    const plan = planCommand(
      { kind: 'down-to', version: 2 },
      files,
      rows([0, true], [1, true], [3, true], [2, true]),
    );
    expect([plan.steps.length, plan.end]).toEqual([0, { kind: 'ok', log: { kind: 'current' } }]);
  });

  it('reset rolls back applied files in descending file order', () => {
    const plan = planCommand({ kind: 'reset' }, files, rows([0, true], [1, true], [3, true], [2, true]));
    expect(plan.steps.map((s) => [s.direction, s.migration.version])).toEqual([
      ['down', 3],
      ['down', 2],
      ['down', 1],
    ]);
  });

  it('up with -allow-missing applies missing first, then new ones ascending', () => {
    const more = [...files, { version: 4, file: 'm/00004_x.sql', kind: 'sql' as const }];
    const plan = planCommand({ kind: 'up' }, more, rows([0, true], [1, true], [3, true]), {
      allowMissing: true,
    });
    expect(plan.steps.map((s) => s.migration.version)).toEqual([2, 4]);
  });
});

describe('goose text', () => {
  it.each([
    [850, '850ns'],
    [607_834, '607.83µs'],
    [6_824_999, '6.82ms'],
    [1_234_567_890, '1.23s'],
    [61_234_567_890, '1m1.23s'],
  ])('duration %d ns -> %s', (ns, text) => expect(gooseDuration(ns)).toBe(text));

  it.each([
    ['2013-01-06 11:25:03', 'Sun Jan  6 11:25:03 2013'],
    ['2024-02-29 23:05:09', 'Thu Feb 29 23:05:09 2024'],
  ])('ANSIC %s', (text, want) => expect(ansicFromTimestampText(text)).toBe(want));

  it.each([
    ['Add Users!', 'add_users_'],
    ['trailing!!', 'trailing'],
    ['AddUsers', 'addusers'],
    ['__x  y', 'x_y'],
  ])('snakeCase(%s) = %s', (name, want) => expect(snakeCase(name)).toBe(want));

  it.each([
    ['00001_a.sql', { version: 1 }],
    ['a.sql', { error: "no filename separator '_' found" }],
    ['0_a.sql', { error: 'migration version must be greater than zero' }],
    [
      'x_a.sql',
      {
        error:
          'failed to parse version from migration file: x_a.sql: strconv.ParseInt: parsing "x": invalid syntax',
      },
    ],
    ['1_a.txt', { error: 'migration file does not have .sql or .go file extension' }],
  ])("goose's version rule for %s (migrate reads folders with @gander/goose)", (name, want) =>
    expect(parseVersion(name)).toEqual(
      'version' in want ? { ok: true, version: want.version } : { ok: false, reason: want.error },
    ),
  );
});

describe('arguments', () => {
  it('accepts goose order with flags anywhere and gander order', () => {
    const goose = resolveInvocation(
      parseArgs(['postgres', 'dbname=x', 'up-to', '5', '-dir=/m', '--allow-missing']),
      {},
    );
    expect([
      goose.command,
      goose.args,
      goose.dbstring,
      goose.dir,
      goose.parsed.bools['allow-missing'],
    ]).toEqual(['up-to', ['5'], 'dbname=x', '/m', true]);
    const own = resolveInvocation(parseArgs(['status', '--dir', 'm', '--database-url', 'postgres://h/d']), {
      GOOSE_TABLE: 's.t',
    });
    expect([own.command, own.dbstring, own.dir, own.table]).toEqual(['status', 'postgres://h/d', 'm', 's.t']);
    expect(() => resolveInvocation(parseArgs(['mysql', 'dsn', 'up']), {})).toThrow('unsupported dialect');
  });
});
