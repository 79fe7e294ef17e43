/**
 * The ready-to-copy integrations, each run as the tool that hosts it would run it, against a copy of
 * the bundled example (`fixtures/sync-check/auth-service`, in sync) and of a drift case
 * (`missing-map`, one error: a field without `@map`). Every YAML is parsed with the `yaml` package and the commands it
 * holds are executed as written:
 * - `.pre-commit-hooks.yaml`: the hook's `entry` split into words and spawned without a shell (as
 *   pre-commit does), in the project root;
 * - `examples/lefthook.yml`: the command's `run` through `sh -c` (as lefthook does);
 * - `examples/husky/pre-commit`: the file through `sh -e` (as husky v9 does);
 * - `examples/github-actions/gander-sync-check.yml`: every `run` step but the install through
 *   `bash --noprofile --norc -eo pipefail` (GitHub's default shell), the SARIF it writes read back;
 * - `examples/prisma-generate-guard/package.json`: `npm run prisma:generate` with a stand-in
 *   `prisma` on the path that records it ran.
 *
 * The copy is a project as a user has it: `migrations/`, `prisma/schema.prisma`, a package.json and
 * `node_modules/.bin/gander` (this repository's CLI, so `pnpm build` must have run: `pnpm test` does).
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = fileURLToPath(new URL('../', import.meta.url));
const fixtures = join(repo, 'fixtures/sync-check');
const bin = join(repo, 'packages/cli/bin/gander.js');
const scratch = mkdtempSync(join(tmpdir(), 'gander-integrations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let projects = 0;

/** A user's project: the example's migrations with the schema.prisma of `fixture`, gander installed. */
function project(fixture: 'auth-service' | 'missing-map'): string {
  const dir = join(scratch, `${fixture}-${++projects}`);
  cpSync(join(fixtures, 'auth-service/migrations'), join(dir, 'migrations'), { recursive: true });
  cpSync(join(fixtures, fixture, 'prisma/schema.prisma'), join(dir, 'prisma/schema.prisma'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'app', private: true }, null, 2)}\n`);
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(bin, join(dir, 'node_modules/.bin/gander'));
  return dir;
}

/** An environment without a database URL (the example needs none) and without colour. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete out.DATABASE_URL;
  return out;
}

function exec(command: string, args: readonly string[], cwd: string, extra?: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd, env: env(extra), encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function yamlFile(path: string): unknown {
  return parse(readFileSync(join(repo, path), 'utf8'));
}

describe('pre-commit: .pre-commit-hooks.yaml', () => {
  const hooks = yamlFile('.pre-commit-hooks.yaml') as {
    id: string;
    entry: string;
    language: string;
    pass_filenames: boolean;
    files: string;
    args?: string[];
  }[];
  const hook = hooks.find((h) => h.id === 'gander-sync-check');

  it('declares the gander-sync-check hook, run once per commit on schema files', () => {
    expect(hook).toMatchObject({ language: 'system', pass_filenames: false });
    const files = new RegExp(hook?.files ?? '');
    const matched = [
      'migrations/00004_create_users.sql',
      'prisma/schema.prisma',
      'gander.config.json',
      'src/app.ts',
      'README.md',
    ].filter((f) => files.test(f));
    expect(matched).toEqual([
      'migrations/00004_create_users.sql',
      'prisma/schema.prisma',
      'gander.config.json',
    ]);
  });

  it.each([
    ['auth-service', 0],
    ['missing-map', 1],
  ] as const)('entry on %s exits %i', (fixture, expected) => {
    const [command, ...words] = (hook?.entry ?? '').split(/\s+/);
    const { code, stdout } = exec(command as string, [...words, ...(hook?.args ?? [])], project(fixture));
    expect(code).toBe(expected);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(
      expected === 0 ? /: ok$/ : /^gander sync-check: 1 service, 1 error, .*: failed/,
    );
  });
});

describe('lefthook: examples/lefthook.yml', () => {
  const config = yamlFile('examples/lefthook.yml') as {
    'pre-commit': { commands: Record<string, { glob: string; run: string }> };
  };
  const command = config['pre-commit'].commands['gander-sync-check'];

  it.each([
    ['auth-service', 0],
    ['missing-map', 1],
  ] as const)('the pre-commit command on %s exits %i', (fixture, expected) => {
    expect(command?.glob).toBe('*.{sql,prisma}');
    expect(exec('sh', ['-c', command?.run ?? 'false'], project(fixture)).code).toBe(expected);
  });
});

describe('husky: examples/husky/pre-commit', () => {
  it.each([
    ['auth-service', 0],
    ['missing-map', 1],
  ] as const)('the hook on %s exits %i', (fixture, expected) => {
    expect(exec('sh', ['-e', join(repo, 'examples/husky/pre-commit')], project(fixture)).code).toBe(expected);
  });
});

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

describe('GitHub Actions: examples/github-actions/gander-sync-check.yml', () => {
  const workflow = yamlFile('examples/github-actions/gander-sync-check.yml') as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = workflow.jobs['sync-check']?.steps ?? [];
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  const sarifFile = upload?.with?.sarif_file ?? '';
  /** Every `run` step after the install, as GitHub's bash runs it; exit codes in step order. */
  const runSteps = (cwd: string) =>
    steps
      .filter((s) => s.run !== undefined && s.id !== 'install')
      .map((s) => ({
        name: s.name,
        ...exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run as string], cwd),
      }));

  it('runs on pull requests, may upload to code scanning, and installs before checking', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    expect(workflow.permissions['security-events']).toBe('write');
    expect(steps.map((s) => s.uses?.split('@')[0] ?? s.id ?? s.name)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'install',
      'gander sync-check (SARIF)',
      'github/codeql-action/upload-sarif',
      'gander sync-check (annotations)',
    ]);
    expect(steps.find((s) => s.id === 'install')?.run).toBe('npm ci');
  });

  it('on the clean example: both steps pass and the SARIF log has no error', () => {
    const cwd = project('auth-service');
    expect(runSteps(cwd).map((s) => [s.name, s.code])).toEqual([
      ['gander sync-check (SARIF)', 0],
      ['gander sync-check (annotations)', 0],
    ]);
    const log = JSON.parse(readFileSync(join(cwd, sarifFile), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.filter((r: { level: string }) => r.level === 'error')).toEqual([]);
  });

  it('on drift: the SARIF step passes (upload still runs) with located errors, the annotations step fails the job', () => {
    const cwd = project('missing-map');
    const [sarif, annotations] = runSteps(cwd);
    expect(sarif?.code).toBe(0);
    const log = JSON.parse(readFileSync(join(cwd, sarifFile), 'utf8'));
    const errors = log.runs[0].results
      .filter((r: { level: string }) => r.level === 'error')
      .map(
        (r: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }) => [
          r.ruleId,
          `${r.locations[0]?.physicalLocation.artifactLocation.uri}:${r.locations[0]?.physicalLocation.region.startLine}`,
        ],
      );
    expect(errors).toEqual([['column-name', 'prisma/schema.prisma:65']]);
    expect(annotations?.code).toBe(1);
    expect(
      annotations?.stdout
        .split('\n')
        .filter((l) => l.startsWith('::error '))
        .map((l) => l.slice(0, l.indexOf('::', 2))),
    ).toEqual(['::error file=prisma/schema.prisma,line=65,col=3,title=gander column-name']);
  });

  it('bad input (exit 2) fails the SARIF step, so nothing half-written is uploaded', () => {
    const cwd = project('auth-service');
    rmSync(join(cwd, 'migrations'), { recursive: true });
    rmSync(join(cwd, 'prisma'), { recursive: true });
    // The SARIF step's `|| [ $? -eq 1 ]` is false for 2, so the step exits 1 and the job stops there.
    expect(runSteps(cwd).map((s) => s.code)).toEqual([1, 2]);
  });
});

describe('prisma generate guard: examples/prisma-generate-guard/package.json', () => {
  const example = JSON.parse(
    readFileSync(join(repo, 'examples/prisma-generate-guard/package.json'), 'utf8'),
  ) as { scripts: Record<string, string> };

  /** The project with the example's scripts and a `prisma` that records that it ran. */
  function guarded(fixture: 'auth-service' | 'missing-map') {
    const dir = project(fixture);
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: 'app', private: true, scripts: example.scripts }, null, 2)}\n`,
    );
    const marker = join(dir, 'prisma-generate.ran');
    const prisma = join(dir, 'node_modules/.bin/prisma');
    writeFileSync(prisma, `#!/bin/sh\necho "$@" > "${marker}"\n`);
    chmodSync(prisma, 0o755);
    return { dir, marker };
  }

  it('generates when sync-check passes', () => {
    const { dir, marker } = guarded('auth-service');
    expect(exec('npm', ['run', '--silent', 'prisma:generate'], dir).code).toBe(0);
    expect(readFileSync(marker, 'utf8')).toBe('generate\n');
  });

  it('refuses to generate when sync-check fails', () => {
    const { dir, marker } = guarded('missing-map');
    const { code, stdout } = exec('npm', ['run', '--silent', 'prisma:generate'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/column-name/);
    expect(existsSync(marker)).toBe(false);
  });
});
