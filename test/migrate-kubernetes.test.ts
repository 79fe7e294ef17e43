/**
 * The Kubernetes Job and Helm template in docs/kubernetes parse as YAML, carry the ArgoCD PreSync
 * hook and `backoffLimit: 3`, and their `gander migrate` arguments and POSTGRES_* variables resolve
 * to the intended command, folder and connection.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { resolveConnection } from '@gander/introspect';
import { describe, expect, it } from 'vitest';
import { parseArgs, resolveInvocation } from '../packages/migrate/src/index.js';
import { REPO } from '../packages/migrate/test/helpers.js';

const YAML = createRequire(join(REPO, 'packages/cli/package.json'))('yaml') as {
  parse(text: string): unknown;
};
const SECRETS: Record<string, string> = { username: 'auth_app', password: 'p@ss:w/rd#?&% "x' };

/** The parts of a Kubernetes container's `env` entry the manifests use: a literal or a Secret key. */
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef: { name: string; key: string } };
}

/** A Job's container: the command, its arguments and environment. */
interface Container {
  command: string[];
  args: string[];
  env: EnvVar[];
}

/** The parts of a `batch/v1` Job the assertions read. */
interface Job {
  kind: string;
  metadata: { annotations: Record<string, string> };
  spec: { backoffLimit: number; template: { spec: { containers: Container[] } } };
}

/** Renders the `{{ .Values.a.b | quote }}` / `{{ .Values.a }}` forms the template uses. */
function renderHelm(template: string, values: unknown): string {
  return template.replace(
    /\{\{\s*\.Values\.([\w.]+)(\s*\|\s*quote)?\s*\}\}/g,
    (_, path: string, quote?: string) => {
      const value = path
        .split('.')
        .reduce<unknown>(
          (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
          values,
        );
      if (value === undefined) throw new Error(`no value ${path}`);
      return quote ? JSON.stringify(String(value)) : String(value);
    },
  );
}

function containerEnv(container: Container): Record<string, string> {
  return Object.fromEntries(
    container.env.map((e) => {
      const value = e.value ?? SECRETS[e.valueFrom?.secretKeyRef.key ?? ''];
      if (value === undefined) throw new Error(`env ${e.name}: neither a value nor a known secret key`);
      return [e.name, value];
    }),
  );
}

const docs = join(REPO, 'docs/kubernetes');
const cases = [
  { name: 'plain Job', job: () => YAML.parse(readFileSync(join(docs, 'migrate-job.yaml'), 'utf8')) as Job },
  {
    name: 'Helm template',
    job: () =>
      YAML.parse(
        renderHelm(
          readFileSync(join(docs, 'helm/templates/migrate-job.yaml'), 'utf8'),
          YAML.parse(readFileSync(join(docs, 'helm/values.yaml'), 'utf8')),
        ),
      ) as Job,
  },
];

describe('docs/kubernetes', () => {
  it.each(cases)('$name: PreSync hook, backoffLimit 3, gander migrate up on /migrations', ({ job }) => {
    const doc = job();
    expect([doc.kind, doc.metadata.annotations['argocd.argoproj.io/hook'], doc.spec.backoffLimit]).toEqual([
      'Job',
      'PreSync',
      3,
    ]);
    const container = doc.spec.template.spec.containers[0]!;
    expect(container.command).toEqual(['gander', 'migrate']);
    const env = containerEnv(container);
    const invocation = resolveInvocation(parseArgs(container.args), env);
    expect([
      invocation.command,
      invocation.dir,
      invocation.table,
      invocation.parsed.strings['log-format'],
      invocation.parsed.strings.service,
    ]).toEqual(['up', '/migrations', 'goose_db_version', 'json', 'auth-service']);
    expect(resolveConnection(invocation.dbstring, env)).toEqual({
      host: 'postgres.database.svc.cluster.local',
      port: 5432,
      user: 'auth_app',
      password: SECRETS.password,
      database: 'auth',
      sslmode: 'prefer',
    });
  });
});
