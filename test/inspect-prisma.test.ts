/**
 * `gander inspect <schema.prisma|folder> --format json` in-process: prints the model of the database
 * Prisma Migrate would build, and an invalid schema exits 2 with Prisma's message at file:line:column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../packages/cli/src/index.js';
import { stripSpans } from '../packages/schema/src/index.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'prisma');

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
    cwd: fixtures,
  });
  return { code, stdout, stderr };
}

describe('gander inspect <schema.prisma>', () => {
  it.each(['admin-attendance/schema.prisma', 'multi-file/schema'])(
    'prints the model of %s',
    async (input) => {
      const result = await run(['inspect', input, '--format', 'json']);
      const expected = JSON.parse(
        readFileSync(join(fixtures, input.split('/')[0]!, 'expected.json'), 'utf8'),
      );
      expect(result.code).toBe(0);
      expect(stripSpans(JSON.parse(result.stdout))).toEqual(expected.model);
    },
  );

  it('points spans at the schema file as given', async () => {
    const result = await run(['inspect', 'admin-attendance/schema.prisma', '--format', 'json']);
    const table = JSON.parse(result.stdout).tables[0];
    expect(table.span).toEqual({ file: 'admin-attendance/schema.prisma', line: 5, column: 1 });
  });

  it('notes client-side defaults on stderr', async () => {
    const result = await run(['inspect', 'admin-attendance/schema.prisma', '--format', 'json']);
    expect(result.stderr.split('\n').filter((l) => l.includes('Prisma Client'))).toEqual([
      'note: admin_attendances.updated_at: updatedAt() is filled in by Prisma Client, not a database default',
    ]);
  });

  it('exits 2 with Prisma’s message at file:line:column for an invalid schema', async () => {
    const result = await run(['inspect', 'broken-unknown-type/schema.prisma', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')[0]).toBe(
      'gander: broken-unknown-type/schema.prisma:7:8: Type "Moood" is neither a built-in type, nor refers to another model, composite type, or enum.',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
