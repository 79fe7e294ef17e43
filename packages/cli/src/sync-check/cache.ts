/**
 * A content-addressed cache of sync-check's per-service work, for runs in a row (a pre-commit hook):
 * the Prisma side of a schema, the fold of a migration chain and the check of its statements, each
 * stored as JSON under a key that hashes everything the result depends on: gander's own code (every
 * file of its packages, by path, size and modification time, and their package.json, which pins the
 * parsers), the options that shape the result, and the input files' paths and full text. An edited
 * file, a renamed one or another gander build gives another key; nothing is ever invalidated in
 * place, and an unreadable entry is a miss.
 *
 * Where: `$GANDER_CACHE_DIR`, else `node_modules/.cache/gander` in the nearest folder above the
 * working folder that has `node_modules`, else `$XDG_CACHE_HOME/gander` when that variable is set;
 * else nowhere (no cache).
 * Entries beyond {@link MAX_ENTRIES} are removed oldest first when one is written.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped when what an entry holds changes shape. */
const FORMAT = 1;
/** Entries kept; the oldest beyond this are removed when one is written. */
export const MAX_ENTRIES = 400;

/** The packages whose code produces cached results. */
const PACKAGES = ['@gander/schema', '@gander/goose', '@gander/prisma'];

/** Stored results of a kind (`prisma`, `fold`, `checks`) by their inputs. */
export interface ResultCache {
  /** The stored result for `inputs`, or undefined. */
  read<T>(kind: string, inputs: unknown): T | undefined;
  /** Stores `value` (plain JSON data) for `inputs`; a failure to write is ignored. */
  write(kind: string, inputs: unknown, value: unknown): void;
}

/** The folder of the package holding `file` (the nearest one above it with a package.json). */
function packageRoot(file: string): string {
  let dir = dirname(file);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function addTree(hash: ReturnType<typeof createHash>, root: string, dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) addTree(hash, root, path);
    else if (entry.isFile() && code.test(entry.name)) {
      const stat = statSync(path);
      hash.update(`${relative(root, path)}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
    }
  }
}

/** Files that run (`.js`, `.ts`), not declarations or source maps. */
const code = /(?<!\.d)\.(?:[cm]?js|[cm]?ts)$/;

let identity: string | undefined;

/**
 * A digest of the code that computes cached results: the cli package and the packages it calls,
 * each its package.json and every code file of its `src` and `dist` folders (path, size, mtime).
 */
function codeIdentity(): string {
  if (identity) return identity;
  const require = createRequire(import.meta.url);
  const roots = [
    packageRoot(fileURLToPath(import.meta.url)),
    ...PACKAGES.map((name) => packageRoot(require.resolve(name))),
  ];
  const hash = createHash('sha256');
  // Nothing cached should depend on the time zone; it is in the key all the same, for safety.
  hash.update(`${Intl.DateTimeFormat().resolvedOptions().timeZone}\n`);
  for (const root of roots) {
    hash.update(`${root}\n${readFileSync(join(root, 'package.json'), 'utf8')}\n`);
    addTree(hash, root, join(root, 'src'));
    addTree(hash, root, join(root, 'dist'));
  }
  identity = hash.digest('hex');
  return identity;
}

/** Where the cache lives for a run in `cwd` (see the module doc), or undefined for none. */
export function cacheDirectory(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.GANDER_CACHE_DIR) return env.GANDER_CACHE_DIR;
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'gander');
    if (dirname(dir) === dir) break;
  }
  return env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 'gander') : undefined;
}

/** Removes the oldest entries beyond {@link MAX_ENTRIES}. */
function prune(dir: string): void {
  const entries = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries
    .map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => a.mtime - b.mtime);
  for (const { name } of byAge.slice(0, entries.length - MAX_ENTRIES))
    rmSync(join(dir, name), { force: true });
}

/** The cache in `dir`. */
export function openCache(dir: string): ResultCache {
  const file = (kind: string, inputs: unknown): string => {
    const key = createHash('sha256')
      .update(JSON.stringify([FORMAT, codeIdentity(), kind, inputs]))
      .digest('hex');
    return join(dir, `${kind}-${key}.json`);
  };
  return {
    read<T>(kind: string, inputs: unknown): T | undefined {
      try {
        return JSON.parse(readFileSync(file(kind, inputs), 'utf8')) as T;
      } catch {
        return undefined;
      }
    },
    write(kind: string, inputs: unknown, value: unknown): void {
      try {
        mkdirSync(dir, { recursive: true });
        const path = file(kind, inputs);
        const partial = `${path}.${process.pid}.tmp`;
        writeFileSync(partial, JSON.stringify(value));
        renameSync(partial, path);
        prune(dir);
      } catch {
        // A cache that cannot be written is a cache that misses.
      }
    },
  };
}
