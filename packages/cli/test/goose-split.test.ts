/**
 * `gander goose split` in-process through `main(argv, io)`: JSON output and exit codes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@gander/cli';
import { afterAll, describe, expect, it } from 'vitest';

const TESTDATA = fileURLToPath(
  new URL('../../../../shared/corpora/goose-sqlparser-testdata/', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'gander-goose-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    cwd: dir,
  });
  return { code, stdout, stderr };
}

describe('gander goose split', () => {
  it('prints the up statements and useTx as JSON', async () => {
    const file = join(TESTDATA, 'valid-txn/00003_no_transaction.sql');
    const { code, stdout, stderr } = await run(['goose', 'split', file, '--format', 'json']);
    expect([code, stderr]).toEqual([0, '']);
    const out = JSON.parse(stdout) as { statements: string[]; useTx: boolean };
    expect(out.useTx).toBe(false);
    expect(out.statements).toHaveLength(1);
    expect(out.statements[0]?.startsWith('CREATE TABLE')).toBe(true);
  });

  it('--down prints the down section, with ENVSUB from the given environment', async () => {
    writeFileSync(
      join(dir, '00001_env.sql'),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: goose ENVSUB syntax
      '-- +goose Up\nSELECT 1;\n-- +goose Down\n-- +goose ENVSUB ON\nDROP TABLE ${PREFIX}users;\nSELECT $$;\n',
    );
    const { code, stdout } = await run(['goose', 'split', '00001_env.sql', '--down'], { PREFIX: 'app_' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ statements: ['DROP TABLE app_users;', 'SELECT $;'], useTx: true });
  });

  it('exits 2 with file:line: message and no stack when goose would reject the file', async () => {
    writeFileSync(join(dir, '00002_bad.sql'), '-- +goose Up\nSELECT 1;\n  -- +goose Down\n');
    const { code, stdout, stderr } = await run(['goose', 'split', '00002_bad.sql']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]).toBe(
      'gander: 00002_bad.sql:3:1: failed to parse annotation line "  -- +goose Down": "  -- +goose Down" contains leading whitespace: invalid annotation',
    );
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exits 2 for a missing file', async () => {
    const { code, stderr } = await run(['goose', 'split', 'nope.sql']);
    expect(code).toBe(2);
    expect(stderr).toBe('gander: nope.sql: cannot read: ENOENT\n');
  });

  it('exits 2 for an unknown format', async () => {
    writeFileSync(join(dir, '00003_ok.sql'), '-- +goose Up\nSELECT 1;\n');
    const { code } = await run(['goose', 'split', '00003_ok.sql', '--format', 'yaml']);
    expect(code).toBe(2);
  });

  it('text format lists statements with their spans', async () => {
    writeFileSync(join(dir, '00004_text.sql'), '-- +goose Up\n  SELECT 1;\n');
    const { code, stdout } = await run(['goose', 'split', '00004_text.sql', '--format', 'text']);
    expect(code).toBe(0);
    expect(stdout).toBe('-- useTx: true, 1 statement(s)\n-- statement 1 at 00004_text.sql:2:3\nSELECT 1;\n');
  });
});
