/**
 * The fast schema reader against prisma-ast itself: on every `.prisma` file of the fixtures and
 * corpora, and on cases around prisma-ast's grammar (line breaks, literals, names), it builds the
 * nodes prisma-ast builds, or leaves the file to prisma-ast where prisma-ast rejects it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWithPrismaAst } from '../src/prisma-ast-reader.js';
import { readSchemaText } from '../src/schema-reader.js';
import { corporaDir, root } from './cases.js';

/** Every `.prisma` file below `dir`, skipping `node_modules`. */
function prismaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...prismaFiles(path));
    else if (entry.name.endsWith('.prisma')) out.push(path);
  }
  return out.sort();
}

/**
 * prisma-ast's nodes as the fast reader builds them: no comments and blank lines, no `comment`
 * texts, and block, field, attribute and value-name locations reduced to their start (the part
 * that is read), except on functions and named arguments, which keep prisma-ast's whole location.
 */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .filter((v) => !(v && typeof v === 'object' && (v.type === 'comment' || v.type === 'break')))
      .map(comparable);
  }
  if (!value || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(node)) {
    if (key === 'comment' || v === undefined) continue;
    if (key === 'location' && node.type !== 'function' && node.type !== 'keyValue') {
      const { startLine, startColumn } = v as { startLine: number; startColumn: number };
      out.location = { startLine, startColumn };
    } else {
      out[key] = comparable(v);
    }
  }
  return out;
}

/** What prisma-ast makes of `text`: its comparable nodes, or `'rejected'`. */
function prismaAst(text: string): unknown {
  try {
    return comparable(readWithPrismaAst(text));
  } catch {
    return 'rejected';
  }
}

const files = [...prismaFiles(join(root, 'fixtures')), ...prismaFiles(corporaDir)].map((path) => ({
  name: relative(join(root, '..'), path),
  path,
}));

/** Files the fast reader leaves to prisma-ast although prisma-ast reads them (it misreads `Café`). */
const leftToPrismaAst = new Set(['main/fixtures/prisma/broken-unicode-identifier/schema.prisma']);

describe('readSchemaText', () => {
  it('has schema files to read', () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it.each(files)('$name: the nodes prisma-ast builds', ({ name, path }) => {
    const text = readFileSync(path, 'utf8');
    const expected = prismaAst(text);
    const fast = readSchemaText(text);
    if (leftToPrismaAst.has(name) || expected === 'rejected') expect(fast).toBeUndefined();
    else expect(fast).toEqual(expected);
  });

  const ds =
    'datasource db {\n  provider = "postgresql"\n  extensions = [pg_trgm(schema: "x", map: "t"), citext]\n}\n';
  it.each([
    ['CRLF and a lone CR', 'model A {\r\n  id Int @id\r\n\r  b  String?\r\n}\r\n'],
    ['a `?` on the next line after spaces', 'model A {\n  id Int  \n  ? @id\n}\n'],
    ['a string with escapes', 'model A {\n  id Int @id @map("a\\"b\\\\c\\u00e9\\:n")\n}\n'],
    [
      'literals and keywords',
      'model A {\n  id Int @id @default(-1.5e3)\n  b Boolean @default(true)\n  nullable String? @default(null)\n  c Int[] @default([1, 2, -3])\n  d Json @default("{}") @db.JsonB\n}\n',
    ],
    [
      'functions with positional and named parameters',
      'model A {\n  id String @id @default(uuid(7))\n  x Unsupported("tsvector")?\n  @@index([x(ops: raw("gin_trgm_ops"), sort: Desc), id], type: Gin, map: "i")\n  @@unique(fields: [id], name: "u")\n  @@schema("s")\n  @@map("a")\n}\n',
    ],
    ['named before positional parameters', 'model A {\n  id Int @id @default(f(a: 1, 2, b: [c], d))\n}\n'],
    ['an object value', 'model A {\n  id Int @id @default(f({ a: 1, b: "x" }))\n}\n'],
    [
      'enum values with attributes and comments',
      'enum E {\n  A @map("a") // one\n  B\n  /// doc\n  C\n  @@map("e")\n  @@schema("s")\n}\n',
    ],
    [
      'datasource and generator blocks',
      `${ds}generator client {\n  provider = "prisma-client-js"\n  previewFeatures = ["views"]\n}\n`,
    ],
    ['a view and a composite type', 'view V {\n  id Int @unique\n}\ntype T {\n  a String\n}\n'],
    [
      'relations and native types',
      'model A {\n  id Int @id @db.Integer\n  b B @relation("r", fields: [bId], references: [id], onDelete: Cascade, map: "fk")\n  bId Int @db.VarChar(255)\n}\n',
    ],
    ['no line break at the end', 'model A {\n  id Int @id\n}'],
    [
      'Unicode spaces, a line separator in a comment',
      'model A {\n  id\u00a0Int @id // a\u2028\n  b\tInt\u2003@unique\n}\n',
    ],
    ['`-` in a name', 'model A {\n  id Int @id\n  a-b Int @map("x")\n}\n'],
  ])('%s: the nodes prisma-ast builds', (_label, text) => {
    expect(readSchemaText(text)).toEqual(prismaAst(text));
  });

  it.each([
    ['spaces after `{`', 'model A { \n  id Int @id\n}\n'],
    ['a comment after `{`', 'model A { // c\n  id Int @id\n}\n'],
    ['an argument list over lines', 'model A {\n  id Int @id\n  @@index([\n    id])\n}\n'],
    ['a trailing comma', 'model A {\n  id Int @id\n  @@index([id, ])\n}\n'],
    ['`key = value` in an enum', 'enum E {\n  A\n  x = 1\n}\n'],
    ['an unknown block keyword', 'table A {\n  id Int @id\n}\n'],
    ['a character no token matches', 'model A {\n  id Int @id\n  # x\n}\n'],
    ['`@@@`', 'model A {\n  id Int @id @@@map("x")\n}\n'],
    ['a number written `007`', 'model A {\n  id Int @id @default(007)\n}\n'],
    ['text after the last block', 'model A {\n  id Int @id\n}\n}\n'],
  ])('%s: rejected by prisma-ast, left to it', (_label, text) => {
    expect(prismaAst(text)).toBe('rejected');
    expect(readSchemaText(text)).toBeUndefined();
  });

  it.each([
    ['an empty model (prisma-ast gives no list)', 'model A {\n}\n'],
    ['a model with only a comment', 'model A {\n  // nothing\n}\n'],
    ['`key = value` in a model (an undefined node)', 'model A {\n  id Int @id\n  x = 1\n}\n'],
    ['a dotted block name', 'model a.B {\n  id Int @id\n}\n'],
    ['an unterminated string (skipped characters)', 'model A {\n  id Int @id @map("x)\n}\n'],
    ['a string with an unknown escape', 'model A {\n  id Int @id @default(dbgenerated("\\d"))\n}\n'],
    ['a `-` without digits (skipped)', 'model A {\n  id Int @id @default(-x)\n}\n'],
  ])('%s: read oddly by prisma-ast, left to it', (_label, text) => {
    expect(prismaAst(text)).not.toBe('rejected');
    expect(readSchemaText(text)).toBeUndefined();
  });
});
