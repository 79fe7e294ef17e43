/**
 * Static fold of every `fixtures/fold/<case>/migrations` folder against its `expected.json` (the
 * model with spans; the oracle test in `test/parity-fixtures.test.ts` checks the same cases against
 * PostgreSQL). `case.json` may give `{ "toVersion": n, "defaultSchema": "s" }`. A case whose
 * `expected.json` is `{ "error": { "code", "message" } }` must fail to fold with exactly that error.
 * Regenerate the others with GANDER_UPDATE_EXPECTED=1 and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldMigrations } from '@gander/goose';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../fixtures/fold/', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

const cases = readdirSync(root)
  .sort()
  .map((name) => {
    const dir = join(root, name);
    const options = existsSync(join(dir, 'case.json'))
      ? (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as object)
      : {};
    return {
      name,
      dir,
      options,
      expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as unknown,
    };
  });

describe('fold fixtures', () => {
  it.each(cases)('$name', async ({ dir, options, expected }) => {
    const folding = foldMigrations(relative(repo, join(dir, 'migrations')), options);
    if (typeof expected === 'object' && expected !== null && 'error' in expected) {
      await expect(folding).rejects.toMatchObject(expected.error as object);
      return;
    }
    const got = JSON.parse(JSON.stringify(await folding)) as unknown;
    if (process.env.GANDER_UPDATE_EXPECTED === '1')
      writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(got, null, 2)}\n`);
    expect(got).toEqual(expected);
  });
});
