/**
 * The datasource read from the schema text equals what prisma-schema-wasm's `get_config` reports,
 * on every fixture and corpus schema, and anything unusual is left to `get_config`.
 */
import { prisma7Compatible, readPrismaSchema } from '@gander/prisma';
import { describe, expect, it } from 'vitest';
import { datasourceInText, readDatasource } from '../src/datasource.js';
import { getDatasource } from '../src/engine.js';
import { readWithPrismaAst } from '../src/prisma-ast-reader.js';
import { corpusCases, fixtureCases } from './cases.js';

const read = (text: string) => readWithPrismaAst(text);

describe('datasourceInText', () => {
  it.each([...fixtureCases(), ...corpusCases()])('$name: as get_config reports it', ({ path }) => {
    const { files } = prisma7Compatible(readPrismaSchema(path).files);
    const fromText = datasourceInText(files.flatMap((f) => readWithPrismaAst(f.text)));
    expect(fromText).toEqual(getDatasource(files));
  });

  it.each([
    ['no datasource', 'model A {\n  id Int @id\n}\n'],
    [
      'two datasources',
      'datasource a {\n  provider = "postgresql"\n}\ndatasource b {\n  provider = "postgresql"\n}\n',
    ],
    ['a provider that is not a literal', 'datasource a {\n  provider = env("P")\n}\n'],
    ['schemas that are not literals', 'datasource a {\n  provider = "postgresql"\n  schemas = [a, "b"]\n}\n'],
    ['a repeated key', 'datasource a {\n  provider = "postgresql"\n  provider = "mysql"\n}\n'],
  ])('%s: left to get_config', (_label, text) => {
    expect(datasourceInText(read(text))).toBeUndefined();
  });

  it('reads sorted schemas and an escaped provider', () => {
    const text = 'datasource db {\n  provider = "postgres\\u0071l"\n  schemas  = ["b", "a"]\n}\n';
    expect(datasourceInText(read(text))).toEqual({ provider: 'postgresql', schemas: ['a', 'b'] });
  });

  it('uses the datasource in the nodes when the text tells, else get_config', () => {
    const files = [{ path: 'x.prisma', text: 'datasource db {\n  provider = "postgresql"\n}\n' }];
    const other = read('datasource db {\n  provider = "cockroachdb"\n}\n');
    expect(readDatasource(files, [other]).provider).toBe('cockroachdb');
    const unclear = read('datasource db {\n  provider = env("P")\n}\n');
    expect(readDatasource(files, [unclear]).provider).toBe('postgresql');
  });
});
