/**
 * The schema text as blocks, fields and attributes with their positions: the nodes
 * `@mrleebo/prisma-ast` 0.15.0 builds with chevrotain's full location tracking
 * (`prisma-ast-reader.ts`, loaded on first use).
 *
 * prisma-schema-wasm's DMMF leaves out what this package needs from the text itself: constraint
 * names (`map:` of `@id`, `@@id`, `@relation`), partial-index `where:`, `Unsupported(...)` fields,
 * the datasource `extensions`, and every position.
 *
 * @see https://github.com/MrLeebo/prisma-ast (0.15.0; 0.16 needs Node 22)
 */
import { GanderError, type SourceSpan } from '@gander/schema';
import type { PrismaFile } from './files.js';
import { readWithPrismaAst } from './prisma-ast-reader.js';
import type { RawBlock, RawLocation } from './raw-schema.js';

/**
 * A value in an attribute argument, as prisma-ast gives it (strings keep their quotes; numbers,
 * `true`, `false` and `null` are their text). Functions and named arguments carry prisma-ast's
 * `location` of their name, which nothing here reads.
 */
export type AstValue =
  | string
  | number
  | boolean
  | null
  | {
      readonly type: 'function';
      readonly name: string;
      readonly params?: readonly AstValue[];
      readonly location?: RawLocation;
    }
  | { readonly type: 'array'; readonly args?: readonly AstValue[] }
  | {
      readonly type: 'keyValue';
      readonly key: string;
      readonly value: AstValue;
      readonly location?: RawLocation;
    }
  | { readonly type: 'object'; readonly properties: readonly { key: string; value: AstValue }[] }
  | readonly AstValue[];

export interface AstAttribute {
  /** `id`, `unique`, `index`, `map`, `relation`, `db.VarChar`, ... (without `@`/`@@`). */
  readonly name: string;
  readonly block: boolean;
  readonly positional: readonly AstValue[];
  readonly named: Readonly<Record<string, AstValue>>;
  readonly span: SourceSpan;
}

export interface AstField {
  readonly name: string;
  /** The type name; `Unsupported` for `Unsupported("...")`. */
  readonly type: string;
  /** The type text of `Unsupported("...")`. */
  readonly unsupported?: string;
  readonly list: boolean;
  readonly optional: boolean;
  readonly attributes: readonly AstAttribute[];
  readonly span: SourceSpan;
}

export interface AstBlock {
  readonly kind: 'model' | 'view' | 'enum';
  readonly name: string;
  readonly file: string;
  readonly span: SourceSpan;
  readonly fields: readonly AstField[];
  readonly attributes: readonly AstAttribute[];
  /** Enum values with their `@map`, for enums. */
  readonly values: readonly { readonly name: string; readonly map?: string; readonly span: SourceSpan }[];
}

export interface AstExtension {
  readonly name: string;
  readonly map?: string;
  readonly schema?: string;
}

export interface AstSchema {
  readonly blocks: readonly AstBlock[];
  readonly extensions: readonly AstExtension[];
  /** `relationMode = "prisma"` turns foreign keys off. */
  readonly relationMode?: string;
}

function spanOf(file: string, location: RawLocation | undefined, fallback: SourceSpan): SourceSpan {
  return location ? { file, line: location.startLine, column: location.startColumn } : fallback;
}

/** Decodes a Prisma string literal (`"a\"b"` -> `a"b`); other values are returned as text. */
export function stringValue(value: AstValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('"')) return value;
  // A literal without escapes is its text between the quotes, what JSON.parse (or the fallback) gives.
  if (value.length >= 2 && value.endsWith('"') && !value.includes('\\')) return value.slice(1, -1);
  try {
    return JSON.parse(value) as string;
  } catch {
    return value.slice(1, -1);
  }
}

/** The items of an array value (`[a, b]`), or the single value as a one-item list. */
export function arrayItems(value: AstValue | undefined): readonly AstValue[] {
  if (value === undefined) return [];
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'type' in value &&
    value.type === 'array'
  ) {
    return value.args ?? [];
  }
  return Array.isArray(value) ? (value as readonly AstValue[]) : [value];
}

/** The function value `name(...)`, if `value` is one. */
export function asFunction(
  value: AstValue | undefined,
): { name: string; params: readonly AstValue[] } | undefined {
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'type' in value &&
    value.type === 'function'
  ) {
    return { name: value.name, params: value.params ?? [] };
  }
  return undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: the nodes of raw-schema.ts; prisma-ast's fallback ones are looser (a `key = value` in a model is undefined), so they are read as they come.
type Raw = any;

function toAttribute(file: string, raw: Raw, block: boolean, fallback: SourceSpan): AstAttribute {
  const positional: AstValue[] = [];
  const named: Record<string, AstValue> = {};
  for (const arg of (raw.args ?? []) as Raw[]) {
    const value = arg.value;
    if (value && typeof value === 'object' && value.type === 'keyValue') named[value.key] = value.value;
    else positional.push(value);
  }
  const name = raw.group ? `${raw.group}.${raw.name}` : raw.name;
  return { name, block, positional, named, span: spanOf(file, raw.location, fallback) };
}

function toField(file: string, raw: Raw, fallback: SourceSpan): AstField {
  const span = spanOf(file, raw.location, fallback);
  const fn = typeof raw.fieldType === 'object' ? raw.fieldType : undefined;
  return {
    name: raw.name,
    type: fn ? fn.name : raw.fieldType,
    ...(fn ? { unsupported: stringValue(fn.params?.[0]) ?? '' } : {}),
    list: raw.array === true,
    optional: raw.optional === true,
    attributes: ((raw.attributes ?? []) as Raw[]).map((a) => toAttribute(file, a, false, span)),
    span,
  };
}

function toBlock(file: string, raw: Raw): AstBlock {
  const span = spanOf(file, raw.location, { file, line: 1, column: 1 });
  const items: Raw[] = raw.type === 'enum' ? raw.enumerators : raw.properties;
  const fields = items.filter((p) => p.type === 'field').map((p) => toField(file, p, span));
  const attributes = items.filter((p) => p.type === 'attribute').map((p) => toAttribute(file, p, true, span));
  const values = items
    .filter((p) => p.type === 'enumerator')
    .map((p) => {
      const map = ((p.attributes ?? []) as Raw[]).find((a) => a.name === 'map');
      const mapped = map ? stringValue(map.args?.[0]?.value) : undefined;
      return {
        name: p.name as string,
        ...(mapped !== undefined ? { map: mapped } : {}),
        span: spanOf(file, p.location, span),
      };
    });
  return { kind: raw.type, name: raw.name, file, span, fields, attributes, values };
}

function toExtension(value: AstValue): AstExtension {
  const fn = asFunction(value);
  if (!fn) return { name: String(value) };
  const ext: { name: string; map?: string; schema?: string } = { name: fn.name };
  for (const p of fn.params) {
    if (typeof p === 'object' && p !== null && !Array.isArray(p) && 'type' in p && p.type === 'keyValue') {
      const text = stringValue(p.value);
      if (p.key === 'map' && text !== undefined) ext.map = text;
      if (p.key === 'schema' && text !== undefined) ext.schema = text;
    }
  }
  return ext;
}

/**
 * The first non-ASCII character outside string literals and comments: prisma-ast 0.15.0's lexer
 * reads identifiers as `[a-zA-Z][\w-]*`, so `Café` would silently become `Caf`.
 */
function nonAsciiIdentifier(file: PrismaFile): SourceSpan | undefined {
  const text = file.text;
  if (!/[\u0080-\uffff]/.test(text)) return undefined; // all ASCII: nothing to find
  let line = 1;
  let column = 1;
  let inString = false;
  let inComment = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\n') {
      line += 1;
      column = 1;
      inComment = false;
      continue;
    }
    if (!inComment) {
      if (inString && c === '\\') {
        i += 1;
        column += 2;
        continue;
      }
      if (c === '"') inString = !inString;
      else if (!inString && c === '/' && text[i + 1] === '/') inComment = true;
      else if (!inString && c.charCodeAt(0) > 0x7f) return { file: file.path, line, column };
    }
    column += 1;
  }
  return undefined;
}

/** A file read by prisma-ast; its errors become `PRISMA_SCHEMA` at the token it stopped on. */
function prismaAstList(file: PrismaFile): readonly RawBlock[] {
  try {
    return readWithPrismaAst(file.text);
  } catch (error) {
    const token = (error as { token?: { startLine?: number; startColumn?: number } }).token;
    const source = { file: file.path, line: token?.startLine ?? 1, column: token?.startColumn ?? 1 };
    throw new GanderError(
      'PRISMA_SCHEMA',
      `prisma-ast could not parse this schema: ${(error as Error).message}`,
      {
        source,
        cause: error,
      },
    );
  }
}

/**
 * Reads every file with prisma-ast, in order: one list of top-level nodes per file.
 *
 * @throws GanderError `UNSUPPORTED` for a non-ASCII identifier, which prisma-ast would misread;
 *   `PRISMA_SCHEMA` when prisma-ast cannot parse a file that Prisma accepted (a syntax prisma-ast
 *   0.15.0 does not know), at the token it stopped on.
 */
export function readBlocks(files: readonly PrismaFile[]): (readonly RawBlock[])[] {
  return files.map((file) => {
    const unicode = nonAsciiIdentifier(file);
    if (unicode) {
      throw new GanderError(
        'UNSUPPORTED',
        'non-ASCII identifier: the schema reader (prisma-ast 0.15.0) cannot read it',
        {
          source: unicode,
          hint: 'use an ASCII name with @map("...")/@@map("...") for the database name',
        },
      );
    }
    return prismaAstList(file);
  });
}

/**
 * Collects models, views, enums and the datasource's `extensions` / `relationMode` from the files'
 * nodes (`lists`, from {@link readBlocks}, by file index).
 *
 * @throws GanderError as {@link readBlocks} when `lists` is not given.
 */
export function parseAst(
  files: readonly PrismaFile[],
  lists: readonly (readonly RawBlock[])[] = readBlocks(files),
): AstSchema {
  const blocks: AstBlock[] = [];
  const extensions: AstExtension[] = [];
  let relationMode: string | undefined;
  for (const [index, file] of files.entries()) {
    const list: readonly RawBlock[] = lists[index] ?? [];
    for (const item of list as Raw[]) {
      if (item.type === 'model' || item.type === 'view' || item.type === 'enum')
        blocks.push(toBlock(file.path, item));
      if (item.type === 'datasource') {
        for (const a of item.assignments as Raw[]) {
          if (a.type !== 'assignment') continue;
          if (a.key === 'extensions') extensions.push(...arrayItems(a.value).map(toExtension));
          if (a.key === 'relationMode') relationMode = stringValue(a.value);
        }
      }
    }
  }
  return { blocks, extensions, ...(relationMode !== undefined ? { relationMode } : {}) };
}
