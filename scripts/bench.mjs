#!/usr/bin/env node
// `pnpm bench`: runs every scripts/bench-*.mjs in turn (name order), each in its own Node process,
// passing the arguments through; exits non-zero when any of them fails. Needs `pnpm build` first.
// `pnpm bench <name> [args]` (e.g. `pnpm bench migrate`) runs only scripts/bench-<name>.mjs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here)
  .filter((f) => /^bench-.+\.mjs$/.test(f))
  .sort();
const first = process.argv[2];
const named = first !== undefined && !first.startsWith('-') ? `bench-${first}.mjs` : undefined;
if (named !== undefined && !all.includes(named)) {
  console.error(`no bench named "${first}": expected one of ${all.map((f) => f.slice(6, -4)).join(', ')}`);
  process.exit(2);
}
const benches = named !== undefined ? [named] : all;
const args = process.argv.slice(named !== undefined ? 3 : 2);
let failed = 0;
for (const file of benches) {
  // The machine may be shared: each bench's figures are read against the load it ran under.
  console.log(`\n== ${file} (load average ${loadavg()[0].toFixed(2)})`);
  const run = spawnSync(process.execPath, [join(here, file), ...args], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.log(`== ${file} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
