#!/usr/bin/env node
/**
 * Speed of the static fold over every PostgreSQL chain of ../shared/corpora, each figure beside its
 * reference measured in the same run:
 * - raw: libpg_query `parseSync` of exactly the SQL texts the fold parses (goose chunks; whole
 *   Prisma files), read and split beforehand, so it is the parser's own cost (the reference);
 * - full: gander's read (from disk) + split + parse + fold of the same chains, and how much of it is
 *   read + split alone; the ratio full / raw (target <= 1.3);
 * - peak RSS of this process;
 * - `gander inspect` on the largest chain in a cold process, beside the floor of any tool built on
 *   this parser: a cold `node` that loads libpg-query and parses the same chain's texts.
 * Medians of 5 (cold: 3). The machine may be shared: the load average is printed first. Reads the
 * built packages (`pnpm build` first).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { foldMigrationSet, parseSqlMigration, readMigrations } from '@gander/goose';
import { loadParser } from '@gander/schema';
import { chains } from './corpus.mjs';

const RUNS = 5;
const COLD_RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** The texts the fold parses: goose Up chunks, or whole Prisma Migrate files. */
function parsedTexts(set) {
  const texts = [];
  for (const m of set.migrations) {
    if (m.kind !== 'sql' || m.text === undefined) continue;
    if (m.format !== 'goose') texts.push(m.text);
    else
      for (const s of parseSqlMigration(m.text, { file: m.file, direction: 'up' }).statements)
        texts.push(s.sql);
  }
  return texts;
}

console.log(
  `load average: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (1, 5, 15 min)`,
);

// libpg-query is a dependency of the packages, not of the root: load the same copy they use.
const libpgQuery = createRequire(new URL('../packages/schema/package.json', import.meta.url)).resolve(
  'libpg-query',
);
const { loadModule, parseSync } = await import(pathToFileURL(libpgQuery).href);
await loadParser();
await loadModule();
const usable = [];
const texts = [];
let bytes = 0;
for (const chain of chains) {
  const set = await readMigrations(chain.dir);
  try {
    foldMigrationSet(set);
  } catch (error) {
    console.log(`skipped ${chain.name}: ${String(error.message).split('\n')[0]}`);
    continue;
  }
  const chunks = parsedTexts(set);
  const size = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
  usable.push({ chain, chunks, bytes: size });
  texts.push(...chunks);
  bytes += size;
}

const raw = [];
const full = [];
const readSplit = [];
let statements = 0;
for (let run = 0; run < RUNS; run++) {
  let t = performance.now();
  for (const text of texts) parseSync(text);
  raw.push(performance.now() - t);
  t = performance.now();
  statements = 0;
  for (const { chain } of usable) statements += foldMigrationSet(await readMigrations(chain.dir)).statements;
  full.push(performance.now() - t);
  t = performance.now();
  for (const { chain } of usable) parsedTexts(await readMigrations(chain.dir));
  readSplit.push(performance.now() - t);
}
const rawMs = median(raw);
const fullMs = median(full);
console.log(
  `chains: ${usable.length}, parsed texts: ${texts.length}, statements: ${statements}, bytes: ${bytes}`,
);
console.log(`raw libpg_query parse: ${ms(rawMs)} (median of ${RUNS}; reference)`);
console.log(
  `read + split + fold:   ${ms(fullMs)} (median of ${RUNS}; of which read + split alone: ${ms(median(readSplit))})`,
);
console.log(`ratio: ${(fullMs / rawMs).toFixed(2)}x (target <= 1.3x)`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

const biggest = [...usable].sort((a, b) => b.bytes - a.bytes)[0];
const bin = fileURLToPath(new URL('../packages/cli/bin/gander.js', import.meta.url));
const floorScript = `
import { readFileSync } from 'node:fs';
const { loadModule, parseSync } = await import(${JSON.stringify(pathToFileURL(libpgQuery).href)});
await loadModule();
for (const text of JSON.parse(readFileSync(0, 'utf8'))) parseSync(text);
`;
const cold = (args, input) => {
  const walls = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      ...(input ? { input } : {}),
    });
    walls.push(performance.now() - t);
    if (r.status !== 0)
      console.log(`${args.slice(0, 2).join(' ')} exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  }
  return median(walls);
};
const inspectMs = cold([bin, 'inspect', biggest.chain.dir, '--format', 'json']);
const floorMs = cold(['--input-type=module', '-e', floorScript], JSON.stringify(biggest.chunks));
console.log(
  `gander inspect ${biggest.chain.name} (${biggest.bytes} bytes), cold process: ${inspectMs.toFixed(0)} ms ` +
    `(median of ${COLD_RUNS}); floor, cold node + libpg-query parse of the same texts: ${floorMs.toFixed(0)} ms`,
);
