#!/usr/bin/env node
/**
 * Time to read my-girok's auth-service schema.prisma (67 models) with @gander/prisma: in a cold
 * process (imports, WASM instantiation, first calls) and warm (the same process, repeated), and how
 * the time splits between Prisma's validator (prisma-schema-wasm), the schema reader, the SQL parser
 * load and the mapping. Needs `pnpm build` (reads packages/*\/dist).
 *
 * Usage: node scripts/bench-prisma.mjs [schema.prisma] [--runs N]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 20 : Number(args[runsAt + 1]);
const schemaPath =
  args.find((a, i) => !a.startsWith('--') && i !== runsAt + 1) ??
  join(
    root,
    '..',
    'shared',
    'corpora',
    'beegy-labs__my-girok',
    'services',
    'auth-service',
    'prisma',
    'schema.prisma',
  );
const dist = (rel) => pathToFileURL(join(root, 'packages', rel)).href;

/** One measured pass in this process; returns ms per phase. */
async function pass(files) {
  const t = {};
  let at = performance.now();
  const lap = (name) => {
    const now = performance.now();
    t[name] = (t[name] ?? 0) + (now - at);
    at = now;
  };
  const engine = await import(dist('prisma/dist/engine.js'));
  const ast = await import(dist('prisma/dist/ast.js'));
  const schema = await import(dist('schema/dist/index.js'));
  const { prismaToModel } = await import(dist('prisma/dist/index.js'));
  lap('import');
  await schema.loadParser();
  lap('loadParser');
  engine.getDatamodel(files);
  lap('get_datamodel (wasm)');
  ast.parseAst(files);
  lap('schema reader');
  const start = performance.now();
  const result = prismaToModel({ files, origin: 'file' });
  t['prismaToModel total'] = performance.now() - start;
  t['mapping + normalisers'] = t['prismaToModel total'] - t['get_datamodel (wasm)'] - t['schema reader'];
  t.tables = result.model.tables.length;
  return t;
}

if (args.includes('--child')) {
  const files = [{ path: schemaPath, text: readFileSync(schemaPath, 'utf8') }];
  const cold = await pass(files);
  const warm = [];
  for (let i = 0; i < runs; i += 1) warm.push(await pass(files));
  process.stdout.write(JSON.stringify({ cold, warm }));
} else {
  const started = performance.now();
  const out = execFileSync(
    process.execPath,
    [fileURLToPath(import.meta.url), schemaPath, '--runs', String(runs), '--child'],
    {
      encoding: 'utf8',
    },
  );
  const wall = performance.now() - started;
  const { cold, warm } = JSON.parse(out);
  const median = (key) => {
    const values = warm.map((w) => w[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)];
  };
  const keys = Object.keys(cold).filter((k) => k !== 'tables');
  console.log(`schema: ${schemaPath} (${cold.tables} tables)`);
  console.log(`cold process wall time (node start + everything): ${wall.toFixed(0)} ms`);
  console.log('phase                      cold ms   warm median ms');
  for (const k of keys) {
    // Derived, so meaningful warm only: cold, the phases measured alone paid the first-call costs.
    const coldText = k === 'mapping + normalisers' ? '-' : cold[k].toFixed(1);
    console.log(`${k.padEnd(26)} ${coldText.padStart(7)}   ${median(k).toFixed(1).padStart(9)}`);
  }
  const phases = keys.filter((k) => k !== 'prismaToModel total');
  const dominant = (pick, list) => list.reduce((a, b) => (pick(b) > pick(a) ? b : a));
  const coldPhases = phases.filter((k) => k !== 'mapping + normalisers');
  console.log(
    `dominant cold: ${dominant((k) => cold[k], coldPhases)}; dominant warm: ${dominant(median, phases)}`,
  );
  console.log(
    '(mapping + normalisers = prismaToModel total minus the two phases measured alone: the mapping and libpg-query normalisation of every type/default; get_datamodel validates)',
  );
}
