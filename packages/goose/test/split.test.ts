/**
 * goose's splitter rules and quirks beyond its own test data, each case taken from goose.md
 * (`/work/shared/reference/goose.md` 1.2-1.6, where the cases marked "verified" were run through
 * goose's real parser) or read off `internal/sqlparser/parser.go` at v3.27.3.
 */
import {
  type Direction,
  endsWithSemicolon,
  interpolate,
  parseSqlMigration,
  parseSqlMigrationBoth,
} from '@gander/goose';
import { GanderError } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { gooseText } from './goose-text.js';

const URL = 'https://github.com/pressly/goose#sql-migrations';
const ENV: Readonly<Record<string, string>> = { NAME: 'foo', EMPTY: '', UNI: 'h€llo' };
const env = (name: string): string | undefined => (Object.hasOwn(ENV, name) ? ENV[name] : undefined);

interface Case {
  readonly name: string;
  readonly text: string;
  readonly up?: readonly string[];
  readonly down?: readonly string[];
  readonly useTx?: boolean;
  /** goose's error text and the line gander reports it at, per direction ('both' = same for both). */
  readonly error?: { readonly direction: Direction | 'both'; readonly text: string; readonly line: number };
}

const cases: readonly Case[] = [
  {
    name: 'empty block swallows the next SQL line',
    text: '-- +goose Up\n-- +goose StatementBegin\n-- +goose StatementEnd\nSELECT 1;\nSELECT 2;\n',
    up: ['', 'SELECT 2;'],
    down: [],
  },
  {
    name: 'empty block at EOF is harmless',
    text: '-- +goose Up\n-- +goose StatementBegin\n-- comment\n-- +goose StatementEnd\n',
    up: [],
    down: [],
  },
  {
    name: ';-- glued to a comment does not end a statement',
    text: '-- +goose Up\nSELECT 1;--c\nSELECT 2;\n',
    up: ['SELECT 1;--c\nSELECT 2;'],
  },
  {
    name: 'semicolon before a spaced comment ends it',
    text: '-- +goose Up\nSELECT 1;   -- one\n-- between\nSELECT 2 ;\n',
    up: ['SELECT 1;   -- one', 'SELECT 2 ;'],
  },
  {
    name: 'two statements on one line stay one',
    text: '-- +goose Up\nSELECT 3; SELECT 3; -- 3rd\n',
    up: ['SELECT 3; SELECT 3; -- 3rd'],
  },
  {
    name: 'semicolon inside an open string cuts it',
    text: "-- +goose Up\nINSERT INTO t VALUES ('a;\nb');\n",
    up: ["INSERT INTO t VALUES ('a;", "b');"],
  },
  {
    name: 'StatementBegin keeps an unterminated statement',
    text: '-- +goose Up\nSELECT 1,\n-- +goose StatementBegin\n2;\n-- +goose StatementEnd\n',
    up: ['SELECT 1,\n2;'],
  },
  {
    name: 'a whitespace-only line starts a statement',
    text: '-- +goose Up\n   \n-- c\nSELECT 1;\n',
    up: ['-- c\nSELECT 1;'],
  },
  {
    name: 'comments inside a statement are kept',
    text: '-- +goose Up\nCREATE TABLE t (\n-- the id\n\n id int);\n-- after\n',
    up: ['CREATE TABLE t (\n-- the id\n\n id int);'],
  },
  {
    name: 'CRLF lines',
    text: '-- +goose Up\r\nSELECT 1,\r\n2;\r\n-- +goose Down\r\nSELECT 3;',
    up: ['SELECT 1,\n2;'],
    down: ['SELECT 3;'],
  },
  {
    name: 'Go trims U+0085 and U+00A0, not U+FEFF',
    text: '-- +goose Up\n\u00a0SELECT 1;\u0085\nSELECT 2;\n\ufeffSELECT 3;\n',
    up: ['SELECT 1;', 'SELECT 2;', '\ufeffSELECT 3;'],
  },
  {
    name: 'annotations are case-insensitive and loosely spaced',
    text: '--+goose up\n-- +goose statementbegin\nSELECT 1\n-- +goose STATEMENTEND\n-- +gooseDown   \nSELECT 2;\n',
    up: ['SELECT 1'],
    down: ['SELECT 2;'],
  },
  {
    name: 'Go case folding: long s matches S',
    text: '-- +goose Up\n-- +goose \u017ftatementBegin\nSELECT 1;\n-- +goose StatementEnd\n',
    up: ['SELECT 1;'],
  },
  {
    name: '+GOOSE in upper case is a comment',
    text: '-- +GOOSE Up\nSELECT 1;\n',
    error: {
      direction: 'both',
      line: 2,
      text: `failed to parse migration: unexpected state 0 on line "SELECT 1;", see ${URL}`,
    },
  },
  {
    name: 'NO TRANSACTION in the Down section',
    text: '-- +goose Up\nSELECT 1;\n-- +goose Down\n-- +goose no transaction\nSELECT 2;\n',
    up: ['SELECT 1;'],
    down: ['SELECT 2;'],
    useTx: false,
  },
  { name: 'only Up', text: '-- +goose Up', up: [], down: [], useTx: true },
  {
    name: 'a trailing comment on an annotation',
    text: '-- +goose Up -- create things\n',
    error: {
      direction: 'both',
      line: 1,
      text: 'failed to parse annotation line "-- +goose Up -- create things": "Up  create things" not supported: invalid annotation',
    },
  },
  {
    name: 'two spaces inside NO TRANSACTION',
    text: '-- +goose NO  TRANSACTION\n',
    error: {
      direction: 'both',
      line: 1,
      text: 'failed to parse annotation line "-- +goose NO  TRANSACTION": "NO  TRANSACTION" not supported: invalid annotation',
    },
  },
  {
    name: 'a comment mentioning +goose',
    text: '-- +goose Up\nSELECT 1;\n-- managed by +goose tooling\n',
    error: {
      direction: 'both',
      line: 3,
      text: 'failed to parse annotation line "-- managed by +goose tooling": "managed by  tooling" not supported: invalid annotation',
    },
  },
  {
    name: 'an indented annotation',
    text: '-- +goose Up\nSELECT 1;\n\t-- +goose Down\n',
    error: {
      direction: 'both',
      line: 3,
      text: 'failed to parse annotation line "\\t-- +goose Down": "\\t-- +goose Down" contains leading whitespace: invalid annotation',
    },
  },
  {
    name: 'two +goose',
    text: '-- +goose +goose Up\n',
    error: {
      direction: 'both',
      line: 1,
      text: 'failed to parse annotation line "-- +goose +goose Up": "  +goose Up" contains multiple \'+goose\' annotations: invalid annotation',
    },
  },
  {
    name: 'an empty annotation',
    text: '-- +goose\n',
    error: {
      direction: 'both',
      line: 1,
      text: 'failed to parse annotation line "-- +goose": empty annotation',
    },
  },
  {
    name: '+goose inside SQL text is harmless',
    text: "-- +goose Up\nSELECT '-- +goose Down';\n",
    up: ["SELECT '-- +goose Down';"],
    down: [],
  },
  {
    name: 'UTF-8 BOM',
    text: '\ufeff-- +goose Up\nSELECT 1;\n',
    error: {
      direction: 'both',
      line: 1,
      text: `failed to parse migration: unexpected state 0 on line "\\ufeff-- +goose Up", see ${URL}`,
    },
  },
  {
    name: 'SQL before Up',
    text: '-- header\n\nSELECT 1;\n-- +goose Up\n',
    error: {
      direction: 'both',
      line: 3,
      text: `failed to parse migration: unexpected state 0 on line "SELECT 1;", see ${URL}`,
    },
  },
  {
    name: 'empty file',
    text: '',
    error: {
      direction: 'both',
      line: 1,
      text: `failed to parse migration: must start with '-- +goose Up' annotation, see ${URL}`,
    },
  },
  {
    name: 'only comments',
    text: '-- nothing\n\n',
    error: {
      direction: 'both',
      line: 1,
      text: `failed to parse migration: must start with '-- +goose Up' annotation, see ${URL}`,
    },
  },
  {
    name: 'Down before Up',
    text: '-- +goose Down\nSELECT 1;\n',
    error: {
      direction: 'both',
      line: 1,
      text: `must start with '-- +goose Up' annotation, stateMachine=0, see ${URL}`,
    },
  },
  {
    name: 'Up, Down, Up',
    text: '-- +goose Up\n-- +goose Down\n-- +goose Up\n',
    error: {
      direction: 'both',
      line: 3,
      text: `duplicate '-- +goose Up' annotations; stateMachine=4, see ${URL}`,
    },
  },
  {
    name: 'Down inside an open block',
    text: '-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose Down\n',
    error: {
      direction: 'both',
      line: 4,
      text: `must start with '-- +goose Up' annotation, stateMachine=2, see ${URL}`,
    },
  },
  {
    name: 'nested StatementBegin',
    text: '-- +goose Up\n-- +goose StatementBegin\n-- +goose StatementBegin\n',
    error: {
      direction: 'both',
      line: 3,
      text: `'-- +goose StatementBegin' must be defined after '-- +goose Up' or '-- +goose Down' annotation, stateMachine=2, see ${URL}`,
    },
  },
  {
    name: 'StatementEnd without Begin',
    text: '-- +goose Up\nSELECT 1;\n-- +goose StatementEnd\n',
    error: {
      direction: 'both',
      line: 3,
      text: `'-- +goose StatementEnd' must be defined after '-- +goose StatementBegin', see ${URL}`,
    },
  },
  {
    name: 'block not closed',
    text: '-- +goose Up\nSELECT 1;\n-- +goose StatementBegin\nSELECT 2;\n',
    error: {
      direction: 'both',
      line: 3,
      text: "failed to parse migration: missing '-- +goose StatementEnd' annotation",
    },
  },
  {
    name: 'unfinished Down statement fails only down',
    text: '-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2\n',
    up: ['SELECT 1;'],
    error: {
      direction: 'down',
      line: 4,
      text: 'failed to parse migration: state 4, direction: down: unexpected unfinished SQL query: "SELECT 2": missing semicolon?',
    },
  },
  {
    name: 'unfinished block-end state number',
    text: '-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose StatementEnd\n  SELECT\n  2\n',
    error: {
      direction: 'up',
      line: 5,
      text: 'failed to parse migration: state 1, direction: up: unexpected unfinished SQL query: "SELECT\\n  2": missing semicolon?',
    },
    down: [],
  },
  // biome-ignore-start lint/suspicious/noTemplateCurlyInString: goose ENVSUB input is shell syntax, not template strings
  {
    name: 'ENVSUB on and off',
    text: "-- +goose ENVSUB ON\n-- +goose Up\nSELECT '$NAME ${EMPTY:-d} ${EMPTY-d} ${UNSET-u} $$ \\$ \\\\ $( ${UNI:1:3} ${UNI: -2}', '$\n';\n-- +goose ENVSUB OFF\nSELECT '$NAME';\n",
    up: ["SELECT 'foo d  u $ $ \\\\ $( \u20ac lo', '$\n';", "SELECT '$NAME';"],
  },
  {
    name: 'ENVSUB $1 is an error',
    text: '-- +goose Up\n-- +goose ENVSUB ON\nSELECT $1;\n',
    error: {
      direction: 'both',
      line: 3,
      text: 'variable substitution failed: Expected identifier to start with a letter, got 1:\nSELECT $1;',
    },
  },
  {
    name: 'ENVSUB ${X:?msg} is not supported',
    text: '-- +goose Up\n-- +goose ENVSUB ON\nSELECT ${X:?msg};\n',
    error: {
      direction: 'both',
      line: 3,
      text: 'variable substitution failed: Unable to parse offset: strconv.Atoi: parsing "?msg": invalid syntax:\nSELECT ${X:?msg};',
    },
  },
  {
    name: 'ENVSUB error in Down fails the up parse',
    text: '-- +goose ENVSUB ON\n-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT ${UNSET?};\n',
    error: {
      direction: 'both',
      line: 5,
      text: 'variable substitution failed: $UNSET: not set:\nSELECT ${UNSET?};',
    },
  },
  {
    name: 'ENVSUB does not touch skipped comments',
    text: '-- +goose ENVSUB ON\n-- +goose Up\n-- $1 in a comment\nSELECT 1;\n',
    up: ['SELECT 1;'],
  },
  // biome-ignore-end lint/suspicious/noTemplateCurlyInString: end of ENVSUB cases
];

function parse(text: string, direction: Direction) {
  return parseSqlMigration(text, { file: 'm.sql', direction, env });
}

function errorOf(text: string, direction: Direction): GanderError {
  try {
    parse(text, direction);
  } catch (error) {
    if (error instanceof GanderError) return error;
    throw error;
  }
  throw new Error(`expected ${direction} to fail`);
}

describe('parseSqlMigration: goose rules and quirks', () => {
  it.each(cases)('$name', (c) => {
    for (const direction of ['up', 'down'] as const) {
      if (c.error && (c.error.direction === 'both' || c.error.direction === direction)) {
        const error = errorOf(c.text, direction);
        expect(error.code).toBe('GOOSE_DIRECTIVE');
        expect(gooseText(error)).toBe(c.error.text);
        expect(error.source?.line).toBe(c.error.line);
        continue;
      }
      const expected = direction === 'up' ? c.up : c.down;
      const parsed = parse(c.text, direction);
      if (expected) expect(parsed.statements.map((s) => s.sql)).toEqual(expected);
      if (c.useTx !== undefined) expect(parsed.useTx).toBe(c.useTx);
    }
  });

  it('a line of 4 MiB fails as goose scanner does', () => {
    const long = `-- +goose Up\nSELECT '${'x'.repeat(4 * 1024 * 1024)}';\n`;
    const error = errorOf(long, 'up');
    expect(gooseText(error)).toBe('failed to scan migration: bufio.Scanner: token too long');
    expect(error.source?.line).toBe(2);
    const justUnder = `-- +goose Up\n${'x'.repeat(4 * 1024 * 1024 - 2)};\n`;
    expect(parse(justUnder, 'up').statements).toHaveLength(1);
  });

  it('spans point at the first character of each statement (UTF-16 columns)', () => {
    const text =
      "-- +goose Up\n-- é € 😀 comment\n  SELECT '😀',\n 1;\n\n\tSELECT\n 2; -- +goose-free\n-- +goose Down\n-- +goose StatementBegin\n\n   DO $$ BEGIN END $$;\n-- +goose StatementEnd\n";
    const up = parse(text, 'up').statements;
    expect(up.map((s) => s.span)).toEqual([
      { file: 'm.sql', line: 3, column: 3 },
      { file: 'm.sql', line: 6, column: 2 },
    ]);
    const down = parse(text, 'down').statements;
    expect(down.map((s) => [s.sql, s.span.line, s.span.column])).toEqual([['DO $$ BEGIN END $$;', 11, 4]]);
  });

  it('reports an unfinished statement where it starts, with a hint naming where goose noticed', () => {
    const error = errorOf('-- +goose Up\n\n   SELECT 1\n-- +goose Down\n', 'up');
    expect(error.source).toEqual({ file: 'm.sql', line: 3, column: 4 });
    expect(error.message.startsWith('m.sql:3:4: failed to parse migration: state 1')).toBe(true);
    expect(error.hint).toMatch(/line 4/);
  });

  it('parseSqlMigrationBoth gives both directions', () => {
    const both = parseSqlMigrationBoth(
      '-- +goose NO TRANSACTION\n-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n',
      { file: 'm.sql' },
    );
    expect([both.up.map((s) => s.sql), both.down.map((s) => s.sql), both.useTx]).toEqual([
      ['SELECT 1;'],
      ['SELECT 2;'],
      false,
    ]);
  });

  it.each([
    ['END;', true],
    ['END; -- comment', true],
    ['END   ; -- comment', true],
    ['END -- comment ;', false],
    ['END " ; " -- comment', false],
    ['SELECT 1 /* trailing; */', false],
    ['  ;  ', true],
    ['', false],
  ])('endsWithSemicolon(%j) = %s', (line, expected) => {
    expect(endsWithSemicolon(line)).toBe(expected);
  });

  // biome-ignore-start lint/suspicious/noTemplateCurlyInString: goose ENVSUB input is shell syntax, not template strings
  it.each([
    ['${NAME}x', 'foox'],
    ['${UNSET:-${NAME}}', 'foo'],
    ['${UNI:-2:1}', 'h\u20acllo'],
    ['${UNI: -2:1}', 'l'],
    ['${UNI:0:-3}', 'h€'],
    ['a$', 'a$'],
    ['${NAME?boom}', 'foo'],
  ])('interpolate(%j) = %j', (line, expected) => {
    expect(interpolate(line, env)).toBe(expected);
  });

  it.each([
    ['${UNSET?boom}', '$UNSET: boom'],
    ['${NAME', 'Expected an operator, got \ufffd'],
    ['${NAME:1x}', 'Unable to parse offset: strconv.Atoi: parsing "1x": invalid syntax'],
    ['${NAME#x}', 'Expected an operator, got #'],
    ['$ x', 'Expected identifier to start with a letter, got  '],
  ])('interpolate(%j) fails with %j', (line, message) => {
    expect(() => interpolate(line, env)).toThrow(message);
  });
  // biome-ignore-end lint/suspicious/noTemplateCurlyInString: end of ENVSUB tables
});
