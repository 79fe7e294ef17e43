/**
 * `readPrismaSchema`: the IO edge. Finds the schema files a path names, the way the Prisma CLI
 * does, and reads them.
 *
 * @see https://www.prisma.io/docs/orm/prisma-schema/overview/location (default locations, schema folders)
 * @see https://www.prisma.io/docs/orm/reference/prisma-config-reference (`schema` in prisma.config.ts)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GanderError } from '@gander/schema';
import { schemaPathFromConfig, schemaPathFromPackageJson } from './config-file.js';
import type { PrismaFile, PrismaFiles } from './files.js';

const configNames = [
  'prisma.config.ts',
  'prisma.config.mts',
  'prisma.config.cts',
  'prisma.config.js',
  'prisma.config.mjs',
  'prisma.config.cjs',
];

/** Every `.prisma` file under `dir` (recursively, skipping `node_modules` and dot folders), sorted. */
function prismaFilesIn(dir: string, at: At): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(at(dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...prismaFilesIn(path, at));
    else if (entry.isFile() && entry.name.endsWith('.prisma')) out.push(path);
  }
  return out.sort();
}

/** Resolves a path as given against the working folder, for the file system calls only. */
type At = (path: string) => string;

function readFile(path: string, at: At): PrismaFile {
  return { path, text: readFileSync(at(path), 'utf8') };
}

function readFolder(dir: string, origin: string, at: At): PrismaFiles {
  const paths = prismaFilesIn(dir, at);
  if (paths.length === 0) {
    throw new GanderError('FILE_NOT_FOUND', `${dir}: no .prisma files in this folder`);
  }
  return { files: paths.map((p) => readFile(p, at)), origin };
}

function readTarget(path: string, origin: string, at: At): PrismaFiles {
  if (!existsSync(at(path))) {
    throw new GanderError('FILE_NOT_FOUND', `${path}: no such file or folder (from ${origin})`);
  }
  return statSync(at(path)).isDirectory()
    ? readFolder(path, origin, at)
    : { files: [readFile(path, at)], origin };
}

/**
 * Reads the Prisma schema that `path` names:
 * - a `.prisma` file: that file alone;
 * - a folder with `prisma.config.*`: the `schema` it gives (read statically, never executed),
 *   relative to the config file; else a `package.json` `prisma.schema`;
 * - a folder with `.prisma` files directly in it: a schema folder (every `.prisma` file below it,
 *   as `prismaSchemaFolder` and Prisma 6.6+ read it);
 * - a project folder with `prisma/schema.prisma` (the default location), else the `prisma/` folder
 *   (or the folder itself) as a schema folder.
 *
 * File paths in the result (and so in spans and messages) are `path` joined with the file's place
 * below it, as given (relative stays relative); `options.cwd` (default the process's) is the folder
 * a relative `path` is read from.
 *
 * @throws GanderError `FILE_NOT_FOUND` when nothing is there; `CONFIG` when prisma.config.ts's
 *   `schema` is not a literal gander can read.
 */
export function readPrismaSchema(path: string, options: { readonly cwd?: string } = {}): PrismaFiles {
  const at: At = (p) => resolve(options.cwd ?? '.', p);
  if (!existsSync(at(path))) throw new GanderError('FILE_NOT_FOUND', `${path}: no such file or folder`);
  if (!statSync(at(path)).isDirectory()) return { files: [readFile(path, at)], origin: 'file' };
  for (const name of configNames) {
    const config = join(path, name);
    if (!existsSync(at(config))) continue;
    const schema = schemaPathFromConfig(readFileSync(at(config), 'utf8'), config);
    if (schema !== undefined) return readTarget(join(dirname(config), schema), config, at);
  }
  const pkg = join(path, 'package.json');
  if (existsSync(at(pkg))) {
    const schema = schemaPathFromPackageJson(readFileSync(at(pkg), 'utf8'));
    if (schema !== undefined) return readTarget(join(path, schema), pkg, at);
  }
  if (readdirSync(at(path)).some((name) => name.endsWith('.prisma'))) return readFolder(path, 'folder', at);
  const conventional = join(path, 'prisma', 'schema.prisma');
  if (existsSync(at(conventional))) return { files: [readFile(conventional, at)], origin: 'file' };
  return readFolder(existsSync(at(join(path, 'prisma'))) ? join(path, 'prisma') : path, 'folder', at);
}
