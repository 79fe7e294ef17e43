/**
 * `gander migrate -h` alone prints the usage without loading the runner; with other flags the
 * runner's own argument parser decides, and prints the same text.
 */
import { main } from '@gander/cli';
import { describe, expect, it } from 'vitest';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    cwd: '/',
  });
  return { code, stdout, stderr };
}

describe('gander migrate -h', () => {
  it.each([['-h'], ['--help'], ['-help', '--h']])(
    '%s prints what the argument parser prints',
    async (...flags) => {
      const alone = await run(['migrate', ...flags]);
      const parsed = await run(['migrate', '-v', ...flags]);
      expect(alone).toEqual({ code: 0, stdout: parsed.stdout, stderr: '' });
      expect(parsed.code).toBe(0);
      expect(alone.stdout).toMatch(/^Usage: gander migrate /);
    },
  );

  it('leaves a help flag among others to the argument parser', async () => {
    expect(await run(['migrate', '-h', '-bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/flag provided but not defined: -bogus/),
    });
  });
});
