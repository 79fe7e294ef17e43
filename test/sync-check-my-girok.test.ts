/**
 * `gander sync-check` over every PostgreSQL service of beegy-labs/my-girok (the real project gander
 * is for) against the reviewed report `fixtures/my-girok/expected-report.json`. Every finding in it
 * was checked by hand against the migrations and schema.prisma; a change to it must be reviewed the
 * same way (regenerate with GANDER_UPDATE_EXPECTED=1 and read the diff). The review, finding by
 * finding with file:line on both sides, is `fixtures/my-girok/REVIEW.md`.
 *
 * The corpus is read from `GANDER_CORPORA` (default `<repo>/../shared/corpora`); paths in the
 * report are compared with that folder written as `<corpora>`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@gander/cli';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../', import.meta.url));
const corpora = resolve(repo, 'fixtures/my-girok', process.env.GANDER_CORPORA ?? '../../../shared/corpora');
const expectedFile = resolve(repo, 'fixtures/my-girok/expected-report.json');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  const code = await main(args, {
    cwd: repo,
    env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('sync-check on my-girok', () => {
  it('reports the reviewed findings of every service and no errors', async () => {
    expect(
      existsSync(resolve(corpora, 'beegy-labs__my-girok/services')),
      `the my-girok corpus is not at ${corpora}: set GANDER_CORPORA to the folder holding beegy-labs__my-girok`,
    ).toBe(true);
    const { code, stdout, stderr } = await run([
      'sync-check',
      '--config',
      'fixtures/my-girok/gander.config.json',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const text = stdout.split(relative(repo, corpora)).join('<corpora>');
    const report = JSON.parse(text) as { services: { name: string; error?: unknown }[] };
    expect(report.services.filter((s) => s.error)).toEqual([]);
    if (process.env.GANDER_UPDATE_EXPECTED === '1')
      writeFileSync(expectedFile, `${JSON.stringify(report, null, 2)}\n`);
    expect(report).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });

  it('prints the text report with a one-line summary', async () => {
    const { code, stdout } = await run([
      'sync-check',
      '--config',
      'fixtures/my-girok/gander.config.json',
      'mail-service',
    ]);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'gander sync-check: 1 service, 1 error, 12 warnings, 6 info: failed (--fail-on error)',
    );
  });
});
