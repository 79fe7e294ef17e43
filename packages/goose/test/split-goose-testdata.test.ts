/**
 * goose's own parser test data (`corpora/goose-sqlparser-testdata`, goose v3.27.3) against
 * `expected.json`, the output of goose's real `ParseSQLMigration` for every input file, both
 * directions: same statements string for string, same `useTx`, and the same error text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Direction, parseSqlMigration } from '@gander/goose';
import { GanderError } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { gooseText } from './goose-text.js';

const CORPORA = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));

interface Expected {
  readonly up: string[] | null;
  readonly down: string[] | null;
  readonly useTx: boolean | null;
  readonly upError: string | null;
  readonly downError: string | null;
}

/** The environment `SOURCE.txt` prescribes: three variables set (one empty), the others unset. */
const ENV: Readonly<Record<string, string>> = {
  GOOSE_ENV_REGION: 'us_east_',
  GOOSE_ENV_SET_BUT_EMPTY_VALUE: '',
  GOOSE_ENV_NAME: 'foo',
};
const env = (name: string): string | undefined => (Object.hasOwn(ENV, name) ? ENV[name] : undefined);

const expected = JSON.parse(
  readFileSync(join(CORPORA, 'goose-sqlparser-testdata/expected.json'), 'utf8'),
) as Record<string, Expected>;
const cases = Object.entries(expected).flatMap(([path, result]) =>
  (['up', 'down'] as const).map((direction) => ({ name: `${path} (${direction})`, path, direction, result })),
);

function run(path: string, direction: Direction) {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(join(CORPORA, path)));
  return parseSqlMigration(text, { file: path, direction, env });
}

describe('goose sqlparser testdata (expected.json)', () => {
  it('has every case', () => {
    expect(cases.length).toBe(38);
  });

  it.each(cases)('$name', ({ path, direction, result }) => {
    const statements = direction === 'up' ? result.up : result.down;
    const error = direction === 'up' ? result.upError : result.downError;
    if (error !== null) {
      let thrown: unknown;
      try {
        run(path, direction);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(GanderError);
      expect((thrown as GanderError).code).toBe('GOOSE_DIRECTIVE');
      expect(gooseText(thrown)).toBe(error);
      return;
    }
    const parsed = run(path, direction);
    expect(parsed.statements.map((s) => s.sql)).toEqual(statements);
    // useTx is recorded once per file, and is null where goose's up parse failed
    if (result.useTx !== null) expect(parsed.useTx).toBe(result.useTx);
  });
});
