/**
 * gander's configuration: which services there are, where each one's migrations, Prisma schema and
 * database are, and how findings are judged. Read from `gander.config.json`, `.yaml`/`.yml`,
 * `.ts`/`.mts`/`.js`/`.mjs` (default export), or the `gander` key of `package.json`.
 *
 * Paths are relative to the configuration file and may use `${VAR}` / `${VAR:-default}` to read the
 * environment (`"${CORPORA:-../corpora}/auth/migrations"`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GanderError } from '@gander/schema';

/** A severity a configuration can give a finding or notice code; `off` leaves it out. */
export type ConfigSeverity = 'error' | 'warning' | 'info' | 'off';

/**
 * One service of a gander configuration: its migrations, its Prisma schema and where its database is.
 * Paths are absolute after `loadConfig` (written relative to the config file's folder).
 */
export interface ServiceConfig {
  readonly name: string;
  /** Folder of goose `.sql` files or a Prisma Migrate folder; absent for a service with no migrations. */
  readonly migrations?: string;
  /** `schema.prisma` file(s) or schema folder(s); read together as one schema. */
  readonly prisma: readonly string[];
  /** Name of the environment variable that holds the service's database URL (e.g. `AUTH_DATABASE_URL`). */
  readonly databaseUrlEnv?: string;
  /** Schemas to compare (default: all non-system schemas). */
  readonly schemas?: readonly string[];
  /** Schema unqualified names resolve to (default `public`). */
  readonly defaultSchema: string;
  /**
   * Objects left out of the comparison: dotted paths from the schema with `*` / `?` wildcards
   * (`public.audit_log`, `public.users.legacy_*`, `archive.**`), as `DiffOptions.ignore` reads them.
   */
  readonly ignore: readonly string[];
  /**
   * Severity per code (`"column-default": "error"`), per object and code
   * (`"public.users.email:index-missing": "info"`), or per object for every code (`"public.audit_*": "off"`).
   */
  readonly severity: Readonly<Record<string, ConfigSeverity>>;
  /** A schema SQL file standing for the state at goose `version`: folding starts from it. */
  readonly baseline?: { readonly file: string; readonly version: number };
  /** goose's version table (`-table`), `schema.table` allowed. Default `goose_db_version`. */
  readonly gooseTable: string;
}

export interface GanderConfig {
  /** The file the configuration came from, or undefined for the folder defaults. */
  readonly file?: string;
  readonly services: readonly ServiceConfig[];
}

const CONFIG_FILES = [
  'gander.config.json',
  'gander.config.yaml',
  'gander.config.yml',
  'gander.config.ts',
  'gander.config.mts',
  'gander.config.js',
  'gander.config.mjs',
] as const;

const SERVICE_KEYS = new Set([
  'name',
  'migrations',
  'prisma',
  'databaseUrlEnv',
  'schemas',
  'defaultSchema',
  'ignore',
  'severity',
  'baseline',
  'gooseTable',
]);

/**
 * Finds and reads the configuration for `cwd`: `explicit` when given, else the first of
 * `CONFIG_FILES` or a `package.json` with a `gander` key, searched from `cwd` up to the filesystem
 * root. With no configuration the folder itself is one service (see `folderDefaults`).
 *
 * @param env read by `${VAR}` in paths (default `process.env`).
 * @throws GanderError `CONFIG` naming the file and the field that is wrong.
 */
export async function loadConfig(
  cwd: string,
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<GanderConfig> {
  if (explicit) return parseConfigFile(resolve(cwd, explicit), env);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const file = join(dir, name);
      if (existsSync(file)) return parseConfigFile(file, env);
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const json = readJson(pkg);
      if (json && typeof json === 'object' && 'gander' in json) {
        return validateConfig((json as { gander: unknown }).gander, pkg, dir, env);
      }
    }
    if (dirname(dir) === dir) break;
  }
  return { services: [folderDefaults(resolve(cwd))] };
}

/**
 * The service a folder stands for when there is no configuration: `migrations/` (else
 * `prisma/migrations/`) and `prisma/schema.prisma` (else `schema.prisma`), whichever exist.
 */
export function folderDefaults(dir: string): ServiceConfig {
  const prismaCandidates = [join(dir, 'prisma', 'schema.prisma'), join(dir, 'schema.prisma')];
  const prisma = prismaCandidates.filter((p) => existsSync(p)).slice(0, 1);
  const migrations = [join(dir, 'migrations'), join(dir, 'prisma', 'migrations')].find((p) => existsSync(p));
  return {
    name: dir.split(/[\\/]/).pop() || '.',
    ...(migrations ? { migrations } : {}),
    prisma,
    defaultSchema: 'public',
    ignore: [],
    severity: {},
    gooseTable: 'goose_db_version',
  };
}

async function parseConfigFile(file: string, env: NodeJS.ProcessEnv): Promise<GanderConfig> {
  if (!existsSync(file)) throw new GanderError('CONFIG', `${file}: no such configuration file`);
  let data: unknown;
  if (file.endsWith('.json')) {
    data = readJson(file);
  } else if (/\.(ya?ml)$/.test(file)) {
    data = await readYaml(file);
  } else if (/\.(m?ts|m?js|cjs|cts)$/.test(file)) {
    data = await readScript(file);
  } else {
    throw new GanderError(
      'CONFIG',
      `${file}: unknown configuration format (expected .json, .yaml, .yml, .ts, .mts, .js or .mjs)`,
    );
  }
  return validateConfig(data, file, dirname(file), env);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GanderError('CONFIG', `${file}: invalid JSON: ${(error as Error).message}`);
  }
}

async function readYaml(file: string): Promise<unknown> {
  const { parse } = await import('yaml');
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const pos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new GanderError(
      'CONFIG',
      `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

/**
 * A TypeScript or JavaScript configuration's default export, loaded with jiti (Node 20 cannot
 * import `.ts` itself). jiti is imported only here, so other configurations never pay for it.
 */
async function readScript(file: string): Promise<unknown> {
  const { createJiti } = await import('jiti');
  try {
    return await createJiti(import.meta.url, { moduleCache: false }).import(file, { default: true });
  } catch (error) {
    throw new GanderError('CONFIG', `${file}: cannot load: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
}

/**
 * `${VAR}` and `${VAR:-default}` replaced from `env` (an unset or empty VAR takes the default).
 * @throws GanderError `CONFIG` for `${VAR}` with VAR unset and no default.
 */
export function expandEnv(text: string, env: NodeJS.ProcessEnv, where: string): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g,
    (_all, name: string, fallback: string | undefined) => {
      const value = env[name];
      if (value) return value;
      if (fallback !== undefined) return fallback;
      throw new GanderError(
        'CONFIG',
        `${where}: \${${name}} is not set and has no default (write \${${name}:-default})`,
      );
    },
  );
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

function validateConfig(data: unknown, file: string, base: string, env: NodeJS.ProcessEnv): GanderConfig {
  const fail = (path: string, expected: string): never => {
    throw new GanderError('CONFIG', `${file}: ${path}: expected ${expected}`);
  };
  if (!data || typeof data !== 'object') fail('(top level)', 'an object with a "services" list');
  const services = (data as { services?: unknown }).services;
  if (!Array.isArray(services) || services.length === 0) fail('services', 'a non-empty list of services');
  const seen = new Set<string>();
  const out = (services as unknown[]).map((raw, i): ServiceConfig => {
    const at = `services[${i}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(at, 'an object');
    const s = raw as Record<string, unknown>;
    for (const key of Object.keys(s)) {
      if (!SERVICE_KEYS.has(key)) fail(`${at}.${key}`, `one of the keys ${[...SERVICE_KEYS].join(', ')}`);
    }
    if (typeof s.name !== 'string' || !s.name) fail(`${at}.name`, 'a non-empty string');
    const name = s.name as string;
    if (seen.has(name)) fail(`${at}.name`, `a unique name ("${name}" appears twice)`);
    seen.add(name);
    const str = (key: string): string | undefined => {
      const v = s[key];
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || !v) return fail(`${at}.${key}`, 'a non-empty string');
      return v;
    };
    const list = (key: string): string[] => {
      const v = s[key];
      if (v === undefined) return [];
      if (typeof v === 'string') return [v];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        return fail(`${at}.${key}`, 'a string or a list of strings');
      return v as string[];
    };
    const path = (key: string, value: string): string =>
      resolve(base, expandEnv(value, env, `${file}: ${at}.${key}`));
    const severity = (s.severity ?? {}) as Record<string, unknown>;
    if (typeof severity !== 'object' || Array.isArray(severity))
      fail(`${at}.severity`, 'an object of code -> error|warning|info|off');
    for (const [k, v] of Object.entries(severity)) {
      if (typeof v !== 'string' || !SEVERITIES.has(v))
        fail(`${at}.severity.${k}`, 'one of error, warning, info, off');
    }
    let baseline: ServiceConfig['baseline'];
    if (s.baseline !== undefined) {
      const b = s.baseline as Record<string, unknown>;
      if (
        !b ||
        typeof b !== 'object' ||
        typeof b.file !== 'string' ||
        !Number.isSafeInteger(b.version) ||
        (b.version as number) < 0
      ) {
        fail(`${at}.baseline`, 'an object { "file": "schema.sql", "version": <goose version> }');
      }
      baseline = { file: path('baseline.file', b.file as string), version: b.version as number };
    }
    const migrations = str('migrations');
    const databaseUrlEnv = str('databaseUrlEnv');
    const schemas = s.schemas === undefined ? undefined : list('schemas');
    return {
      name,
      ...(migrations ? { migrations: path('migrations', migrations) } : {}),
      prisma: list('prisma').map((p) => path('prisma', p)),
      ...(databaseUrlEnv ? { databaseUrlEnv } : {}),
      ...(schemas ? { schemas } : {}),
      defaultSchema: str('defaultSchema') ?? 'public',
      ignore: list('ignore'),
      severity: severity as ServiceConfig['severity'],
      ...(baseline ? { baseline } : {}),
      gooseTable: str('gooseTable') ?? 'goose_db_version',
    };
  });
  return { file, services: out };
}
