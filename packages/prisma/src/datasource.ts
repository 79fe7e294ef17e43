/**
 * The datasource's provider and `schemas`, read from the schema text when it states them plainly,
 * which saves a call to prisma-schema-wasm's `get_config` (a third parse of the schema).
 */
import { stringValue } from './ast.js';
import { type DatasourceConfig, getDatasource } from './engine.js';
import type { PrismaFile } from './files.js';
import type { RawBlock } from './raw-schema.js';

/** A string literal's text, or undefined for any other value. */
function literal(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('"') ? stringValue(value) : undefined;
}

/**
 * The one datasource block's `provider = "..."` and `schemas = ["...", ...]` (sorted), or
 * `undefined` when the blocks say anything else (no datasource or several, a provider that is not
 * a string literal, a `schemas` value that is not a list of them, an assignment repeated).
 */
export function datasourceInText(blocks: readonly RawBlock[]): DatasourceConfig | undefined {
  const sources = blocks.filter((b) => b.type === 'datasource');
  if (sources.length !== 1 || sources[0]!.type !== 'datasource') return undefined;
  let provider: string | undefined;
  let schemas: string[] = [];
  const seen = new Set<string>();
  for (const item of sources[0]!.assignments) {
    if (item.type !== 'assignment') continue;
    if (seen.has(item.key)) return undefined;
    seen.add(item.key);
    if (item.key === 'provider') {
      provider = literal(item.value);
      if (provider === undefined) return undefined;
    } else if (item.key === 'schemas') {
      const value = item.value;
      if (
        typeof value !== 'object' ||
        value === null ||
        Array.isArray(value) ||
        !('type' in value) ||
        value.type !== 'array'
      ) {
        return undefined;
      }
      const names = (value.args ?? []).map(literal);
      if (names.some((n) => n === undefined)) return undefined;
      schemas = (names as string[]).sort();
    }
  }
  return provider === undefined ? undefined : { provider, schemas };
}

/**
 * The datasource of a schema Prisma's validator accepted: from the files' prisma-ast nodes
 * (`lists`, by file index) when {@link datasourceInText} can tell, else from prisma-schema-wasm's
 * `get_config`.
 *
 * @throws GanderError as `getDatasource` does (no datasource block).
 */
export function readDatasource(
  files: readonly PrismaFile[],
  lists: readonly (readonly RawBlock[])[],
): DatasourceConfig {
  return datasourceInText(lists.flat()) ?? getDatasource(files);
}
