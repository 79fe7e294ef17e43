#!/usr/bin/env node
// Wall time of `gander sync-check` over every my-girok service (fixtures/my-girok/gander.config.json):
// a cold process (spawned CLI, median of 3), start-up alone (`gander --help`), and warm (a second run in
// the same process) with its parts. Needs `pnpm build` and the corpus (GANDER_CORPORA).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const bin = fileURLToPath(new URL('../packages/cli/bin/gander.js', import.meta.url));
const args = ['sync-check', '--config', 'fixtures/my-girok/gander.config.json', '--format', 'json', '--no-database'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function spawnMs(argv) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [bin, ...argv], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`gander exited ${r.status}: ${r.stderr}`);
  return performance.now() - start;
}

const startup = median([0, 1, 2].map(() => spawnMs(['--help'])));
const cold = median([0, 1, 2].map(() => spawnMs(args)));
const { runSyncCheck } = await import('../packages/cli/dist/sync-check/run.js');
const options = { cwd: repo, env: process.env, config: 'fixtures/my-girok/gander.config.json', database: false, failOn: 'error' };
let t = performance.now();
const first = await runSyncCheck(options);
const firstMs = performance.now() - t;
t = performance.now();
const second = await runSyncCheck(options);
const warm = performance.now() - t;
const parts = Object.entries(second.timings.ms).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
const s = second.report.summary;
console.log(`gander sync-check, my-girok (${s.services} services; ${s.errors} errors, ${s.warnings} warnings, ${s.infos} info)`);
console.log(`  start-up (gander --help, cold process): ${startup.toFixed(0)} ms`);
console.log(`  cold process, whole run:               ${cold.toFixed(0)} ms`);
console.log(`  first run in process:                  ${firstMs.toFixed(0)} ms (${Object.entries(first.timings.ms).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`);
console.log(`  warm (second run in process):          ${warm.toFixed(0)} ms (${parts}) target < 300 ms`);
