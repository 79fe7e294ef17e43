#!/usr/bin/env node
/**
 * Speed of the static fold over every PostgreSQL chain of ../shared/corpora, in one process:
 * - raw: libpg_query `parseSync` of exactly the SQL texts the fold parses (goose chunks; whole
 *   Prisma files), read and split beforehand, so it is the parser's own cost;
 * - full: gander's read (from disk) + split + parse + fold of the same chains;
 * the ratio full / raw (target <= 1.3), peak RSS, and the wall time of `gander inspect` on the largest
 * chain in a cold process. Medians of 5 runs. Reads the built packages (`pnpm build` first).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { foldMigrationSet, parseSqlMigration, readMigrations } from '@gander/goose';
import { loadParser } from '@gander/schema';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chains } from './corpus.mjs';

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// libpg-query is a dependency of the packages, not of the root: load the same copy they use.
const libpgQuery = createRequire(new URL('../packages/schema/package.json', import.meta.url)).resolve('libpg-query');
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
  usable.push(chain);
  for (const m of set.migrations) {
    if (m.kind !== 'sql' || m.text === undefined) continue;
    const chunks = m.format === 'goose' ? parseSqlMigration(m.text, { file: m.file, direction: 'up' }).statements.map((s) => s.sql) : [m.text];
    for (const c of chunks) {
      texts.push(c);
      bytes += Buffer.byteLength(c);
    }
  }
}

const raw = [];
const full = [];
let statements = 0;
for (let run = 0; run < RUNS; run++) {
  let t = performance.now();
  for (const text of texts) parseSync(text);
  raw.push(performance.now() - t);
  t = performance.now();
  statements = 0;
  for (const chain of usable) statements += foldMigrationSet(await readMigrations(chain.dir)).statements;
  full.push(performance.now() - t);
}
const rawMs = median(raw);
const fullMs = median(full);
console.log(`chains: ${usable.length}, parsed texts: ${texts.length}, statements: ${statements}, bytes: ${bytes}`);
console.log(`raw libpg_query parse: ${rawMs.toFixed(1)} ms (median of ${RUNS})`);
console.log(`read + split + fold:   ${fullMs.toFixed(1)} ms (median of ${RUNS})`);
console.log(`ratio: ${(fullMs / rawMs).toFixed(2)}x (target <= 1.3x)`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

const sizes = [];
for (const chain of usable) {
  const set = await readMigrations(chain.dir);
  sizes.push({ chain, bytes: set.migrations.reduce((n, m) => n + (m.text ? Buffer.byteLength(m.text) : 0), 0) });
}
sizes.sort((a, b) => b.bytes - a.bytes);
const biggest = sizes[0].chain;
const bin = fileURLToPath(new URL('../packages/cli/bin/gander.js', import.meta.url));
const walls = [];
for (let run = 0; run < 3; run++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, 'inspect', biggest.dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  walls.push(performance.now() - t);
  if (r.status !== 0) console.log(`gander inspect exited ${r.status}: ${r.stderr.split('\n')[0]}`);
}
console.log(`gander inspect ${biggest.name} (${sizes[0].bytes} bytes), cold process: ${median(walls).toFixed(0)} ms (median of 3)`);
