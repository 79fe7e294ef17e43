/**
 * `readPrismaSchema` (files, folders, prisma.config.ts read statically, package.json) and the spans
 * `prismaToModel` gives (1-based lines, UTF-16 columns, CRLF files).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prismaToModel, readPrismaSchema } from '@gander/prisma';
import { isGanderError, loadParser } from '@gander/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from './cases.js';

const schema = 'datasource db {\n  provider = "postgresql"\n}\n\nmodel A {\n  id Int @id\n}\n';
let dir: string;

beforeAll(async () => {
  await loadParser();
  dir = mkdtempSync(join(tmpdir(), 'gander-prisma-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function project(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('readPrismaSchema', () => {
  it.each([
    ['a string literal', "export default defineConfig({ schema: 'db/main.prisma' })", ['db/main.prisma']],
    [
      'path.join of literals',
      "import path from 'node:path'\nexport default { schema: path.join('db', 'main.prisma'), migrations: { path: 'x' } }",
      ['db/main.prisma'],
    ],
    [
      'a folder',
      '// schema: \'wrong.prisma\'\nexport default defineConfig({\n  schema: "db",\n})',
      ['db/main.prisma', 'db/more/b.prisma'],
    ],
  ])('reads prisma.config.ts statically: %s', (_label, config, expected) => {
    const root = project(`config-${expected.length}-${config.length}`, {
      'prisma.config.ts': config,
      'db/main.prisma': schema,
      'db/more/b.prisma': 'model B {\n  id Int @id\n}\n',
    });
    expect(readPrismaSchema(root).files.map((f) => f.path.slice(root.length + 1))).toEqual(expected);
  });

  it('refuses a prisma.config.ts schema it would have to run', () => {
    const root = project('config-dynamic', {
      'prisma.config.ts': 'export default { schema: process.env.SCHEMA }',
    });
    expect(() => readPrismaSchema(root)).toThrow(
      /prisma\.config\.ts: cannot read `schema: process\.env\.SCHEMA`/,
    );
  });

  it('reads package.json prisma.schema, then the default prisma/schema.prisma', () => {
    const withPkg = project('pkg', {
      'package.json': '{"prisma":{"schema":"custom/s.prisma"}}',
      'custom/s.prisma': schema,
    });
    expect(readPrismaSchema(withPkg).files.map((f) => f.path)).toEqual([join(withPkg, 'custom/s.prisma')]);
    const plain = project('plain', {
      'prisma/schema.prisma': schema,
      'prisma/other.prisma': 'model X {\n  id Int @id\n}\n',
    });
    expect(readPrismaSchema(plain).files.map((f) => f.path)).toEqual([join(plain, 'prisma/schema.prisma')]);
  });

  it('reports a missing path as FILE_NOT_FOUND', () => {
    let caught: unknown;
    try {
      readPrismaSchema(join(dir, 'nope.prisma'));
    } catch (error) {
      caught = error;
    }
    expect(isGanderError(caught) && caught.code).toBe('FILE_NOT_FOUND');
  });
});

describe('spans', () => {
  it('points at models, fields, attributes and enum values (admin-attendance)', () => {
    const path = join(fixturesDir, 'admin-attendance', 'schema.prisma');
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = (pattern: RegExp) => {
      const line = lines.findIndex((l) => pattern.test(l));
      return { file: path, line: line + 1, column: lines[line]!.search(pattern) + 1 };
    };
    const { model, spans } = prismaToModel(readPrismaSchema(path));
    const table = model.tables.find((t) => t.name === 'admin_attendances')!;
    expect(table.span).toEqual(at(/model AdminAttendance/));
    expect(table.columns.find((c) => c.name === 'clock_in')?.span).toEqual(at(/clockIn {2,}/));
    expect(table.indexes.find((i) => i.name === 'idx_attendances_status')?.span).toEqual(
      at(/@@index\(\[status\]/),
    );
    expect(table.indexes.find((i) => i.name === 'admin_attendances_admin_id_date_key')?.span).toEqual(
      at(/@@unique/),
    );
    const fields = spans.models.AdminAttendance!.fields;
    expect(fields.workType).toEqual({
      span: at(/(?<= {2})workType /),
      column: 'work_type',
      attributes: [
        { name: '@default', span: at(/@default\(OFFICE\)/) },
        { name: '@map', span: at(/@map\("work_type"\)/) },
      ],
    });
    expect(fields.id!.attributes[0]).toEqual({
      name: '@id',
      span: at(/@id /),
      object: 'admin_attendances_pkey',
    });
    expect(spans.enums.work_type!.values.CLIENT_SITE).toEqual({
      dbName: 'CLIENT_SITE',
      span: at(/CLIENT_SITE/),
    });
  });

  it('counts columns in UTF-16 units and handles CRLF line breaks', () => {
    const text =
      'datasource db {\r\n  provider = "postgresql"\r\n}\r\n\r\nmodel A {\r\n  /// €é𝄞\r\n  id Int @id @default(1) @map("🙂é")\r\n}\r\n';
    const { model, spans } = prismaToModel({ files: [{ path: 'crlf.prisma', text }], origin: 'file' });
    expect(model.tables[0]?.span).toEqual({ file: 'crlf.prisma', line: 5, column: 1 });
    expect(
      spans.models.A!.fields.id!.attributes.map((a) => `${a.name}@${a.span.line}:${a.span.column}`),
    ).toEqual(['@id@7:10', '@default@7:14', '@map@7:26']);
  });

  it('gives Prisma errors a file:line:column after multi-byte text', () => {
    const text =
      'datasource db {\n  provider = "postgresql"\n}\n\nmodel A {\n  /// 🙂🙂 é\n  id Int @id\n  x  Nope // é\n}\n';
    let caught: unknown;
    try {
      prismaToModel({ files: [{ path: 'u.prisma', text }], origin: 'file' });
    } catch (error) {
      caught = error;
    }
    expect(isGanderError(caught) && caught.source).toEqual({ file: 'u.prisma', line: 8, column: 6 });
  });
});
