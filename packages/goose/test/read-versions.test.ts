/**
 * goose's `NumericComponent` and timestamp/sequential classification (goose.md 3.1, 3.4).
 */
import { isSequentialVersion, isTimestampVersion, parseVersion } from '@gander/goose';
import { describe, expect, it } from 'vitest';

describe('parseVersion', () => {
  it.each([
    ['00001_init.sql', 1],
    ['1_a.go', 1],
    ['+7_plus.sql', 7],
    ['20240506082420_add_some_column.sql', 20240506082420],
    ['3_name_with_more_underscores.v2.sql', 3],
  ])('%s -> %d', (name, version) => {
    expect(parseVersion(name)).toEqual({ ok: true, version });
  });

  it.each([
    ['schema.sql', "no filename separator '_' found"],
    ['0001_init.txt', 'migration file does not have .sql or .go file extension'],
    ['0_init.sql', 'migration version must be greater than zero'],
    ['-3_init.sql', 'migration version must be greater than zero'],
    [
      '_init.sql',
      'failed to parse version from migration file: _init.sql: strconv.ParseInt: parsing "": invalid syntax',
    ],
    [
      '1a_init.sql',
      'failed to parse version from migration file: 1a_init.sql: strconv.ParseInt: parsing "1a": invalid syntax',
    ],
    [
      '99999999999999999999_x.sql',
      'failed to parse version from migration file: 99999999999999999999_x.sql: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    ],
    [
      '9007199254740992_x.sql',
      'version 9007199254740992 is above 2^53-1, the largest version gander can represent exactly',
    ],
  ])('%s is rejected', (name, reason) => {
    expect(parseVersion(name)).toEqual({ ok: false, reason });
  });
});

describe('isTimestampVersion', () => {
  it.each([
    [20240506082420, true],
    [20230826163141, true],
    [20250517273700, false], // hour 27, from langfuse
    [20250230120000, false], // 30 February
    [19691231235959, false], // before 1970
    [1, false],
    [20250625, false],
  ])('%d -> %s', (version, expected) => {
    expect(isTimestampVersion(version)).toBe(expected);
  });
});

describe('isSequentialVersion', () => {
  it.each([
    [1, true],
    [20250625, true],
    [20250517273700, true], // not a valid timestamp
    [19691231235959, true], // a timestamp before 1970 counts as sequential
    [19700101000000, false], // goose: neither before nor after the epoch
    [20240506082420, false],
  ])('%d -> %s', (version, expected) => {
    expect(isSequentialVersion(version)).toBe(expected);
  });
});
