import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GanderError } from '@gander/schema';

/**
 * One service of a gander configuration: its migrations, its Prisma schema and where its database is.
 * Paths are absolute after `loadConfig` (written relative to the config file's folder).
 */
export interface ServiceConfig {
  readonly name: string;
  /** Folder of goose `.sql` files or a Prisma Migrate folder; absent for a service with no migrations. */
  readonly migrations?: string;
  /** `schema.prisma` file(s) or a schema folder. */
  readonly prisma: readonly string[];
  /** Name of the environment variable that holds the service's database URL (e.g. `AUTH_DATABASE_URL`). */
  readonly databaseUrlEnv?: string;
  /** Schemas to compare (default: all non-system schemas). */
  readonly schemas?: readonly string[];
  /** Schema unqualified names resolve to (default `public`). */
  readonly defaultSchema: string;
  /** Objects left out of the comparison: `table`, `table.column`, `schema.table` patterns with `*`. */
  readonly ignore: readonly string[];
  /** Severity per finding code (`"column-default": "error"`) or per object (`"users.email:index-missing": "info"`). */
  readonly severity: Readonly<Record<string, 'error' | 'warning' | 'info' | 'off'>>;
  /** A schema SQL file standing for the state at `version`: folding starts from it. */
  readonly baseline?: { readonly file: string; readonly version: number };
}

export interface GanderConfig {
  /** The file the configuration came from, or undefined for the folder defaults. */
  readonly file?: string;
  readonly services: readonly ServiceConfig[];
}

const CONFIG_FILES = ['gander.config.json', 'gander.config.yaml', 'gander.config.yml'] as const;

/**
 * Finds and reads the configuration for `cwd`: `gander.config.json`, `.yaml`/`.yml`, or the `gander`
 * key of `package.json`, searched from `cwd` up to the filesystem root. With no configuration the
 * folder itself is one service (`migrations/` and `prisma/schema.prisma`, whichever exist).
 *
 * @throws GanderError `CONFIG` naming the file and the field that is wrong.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<GanderConfig> {
  if (explicit) return parseConfigFile(resolve(cwd, explicit));
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const file = join(dir, name);
      if (existsSync(file)) return parseConfigFile(file);
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const json = readJson(pkg);
      if (json && typeof json === 'object' && 'gander' in json) {
        return validateConfig((json as { gander: unknown }).gander, pkg, dir);
      }
    }
    if (dirname(dir) === dir) break;
  }
  return { services: [folderDefaults(resolve(cwd))] };
}

/** The service a folder stands for when there is no configuration. */
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
  };
}

async function parseConfigFile(file: string): Promise<GanderConfig> {
  if (!existsSync(file)) throw new GanderError('CONFIG', `${file}: no such configuration file`);
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  if (file.endsWith('.json')) {
    data = readJson(file);
  } else {
    const { parse } = await import('yaml');
    try {
      data = parse(text);
    } catch (error) {
      const pos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      throw new GanderError('CONFIG', `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return validateConfig(data, file, dirname(file));
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GanderError('CONFIG', `${file}: invalid JSON: ${(error as Error).message}`);
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

function validateConfig(data: unknown, file: string, base: string): GanderConfig {
  const fail = (path: string, expected: string): never => {
    throw new GanderError('CONFIG', `${file}: ${path}: expected ${expected}`);
  };
  if (!data || typeof data !== 'object') fail('(top level)', 'an object with a "services" list');
  const services = (data as { services?: unknown }).services;
  if (!Array.isArray(services) || services.length === 0) fail('services', 'a non-empty list of services');
  const seen = new Set<string>();
  const out = (services as unknown[]).map((raw, i): ServiceConfig => {
    const at = `services[${i}]`;
    if (!raw || typeof raw !== 'object') return fail(at, 'an object');
    const s = raw as Record<string, unknown>;
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
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return fail(`${at}.${key}`, 'a string or a list of strings');
      return v as string[];
    };
    const severity = (s.severity ?? {}) as Record<string, unknown>;
    if (typeof severity !== 'object' || Array.isArray(severity)) fail(`${at}.severity`, 'an object of code -> error|warning|info|off');
    for (const [k, v] of Object.entries(severity)) {
      if (typeof v !== 'string' || !SEVERITIES.has(v)) fail(`${at}.severity.${k}`, 'one of error, warning, info, off');
    }
    let baseline: ServiceConfig['baseline'];
    if (s.baseline !== undefined) {
      const b = s.baseline as Record<string, unknown>;
      if (!b || typeof b !== 'object' || typeof b.file !== 'string' || !Number.isSafeInteger(b.version)) {
        fail(`${at}.baseline`, 'an object { "file": "schema.sql", "version": <goose version> }');
      }
      baseline = { file: resolve(base, b.file as string), version: b.version as number };
    }
    const migrations = str('migrations');
    const databaseUrlEnv = str('databaseUrlEnv');
    const schemas = s.schemas === undefined ? undefined : list('schemas');
    return {
      name,
      ...(migrations ? { migrations: resolve(base, migrations) } : {}),
      prisma: list('prisma').map((p) => resolve(base, p)),
      ...(databaseUrlEnv ? { databaseUrlEnv } : {}),
      ...(schemas ? { schemas } : {}),
      defaultSchema: str('defaultSchema') ?? 'public',
      ignore: list('ignore'),
      severity: severity as ServiceConfig['severity'],
      ...(baseline ? { baseline } : {}),
    };
  });
  return { file, services: out };
}
