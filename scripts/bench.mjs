#!/usr/bin/env node
// `pnpm bench`: runs every scripts/bench-*.mjs in turn (name order), each in its own Node process,
// passing the arguments through; exits non-zero when any of them fails. Needs `pnpm build` first.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((f) => /^bench-.+\.mjs$/.test(f))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, [join(here, file), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.log(`== ${file} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
